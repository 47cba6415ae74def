package io.github.authletetestkit.contract.internal.check;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.flows.internal.ApiRequest;
import io.github.authletetestkit.flows.internal.ApiResponse;
import io.github.authletetestkit.flows.internal.Exchange;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import io.github.authletetestkit.spec.internal.OperationMatcher;
import io.github.authletetestkit.spec.internal.SpecOperation;
import io.github.authletetestkit.spec.internal.ViolationText;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks each exchange against one OpenAPI document (3.0 or 3.1) with Atlassian's validator, the way the
 * mock checks itself: {@code allOf} merged ({@link AuthleteSpec#openApiFlattened()}) so response objects
 * stay closed, while members a request schema does not list are tolerated (SDKs send more than a spec
 * describes). One validator per spec per JVM: building one costs hundreds of milliseconds.
 */
public final class SpecChecker {

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final String MASKED_BEARER = "Bearer ****";

    private final AuthleteSpec spec;
    private final OpenApiInteractionValidator validator;
    private final AllowList allowList;
    private final String title;

    public SpecChecker(AuthleteSpec spec, AllowList allowList) {
        this.spec = spec;
        this.allowList = allowList;
        this.title = spec.openApi().getInfo() == null ? "" : String.valueOf(spec.openApi().getInfo().getTitle());
        this.validator = VALIDATORS.computeIfAbsent(spec.source(), s -> OpenApiInteractionValidator
                .createFor(spec.openApiFlattened())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build());
    }

    public AuthleteSpec spec() {
        return spec;
    }

    /** Whether the spec describes this operation. */
    public boolean hasOperation(String operationId) {
        return spec.operation(operationId).isPresent();
    }

    /** The operations of the spec by method and concrete path, for naming findings. */
    public Optional<String> operationOf(String method, String path) {
        return spec.match(method, path).map(OperationMatcher.Match::operation).map(SpecOperation::operationId);
    }

    /** Every finding for the request and the response of this exchange, each marked allowed or not. */
    public List<CheckedFinding> check(Exchange exchange) {
        ApiRequest request = exchange.request();
        String fallback = operationOf(request.method(), request.pathOnly()).orElse(request.operationId());
        List<CheckedFinding> findings = new ArrayList<>();
        collect(validator.validateRequest(toRequest(request)), Finding.Direction.REQUEST, fallback, request.body(), findings);
        collect(validator.validateResponse(request.pathOnly(), Request.Method.valueOf(request.method()), toResponse(exchange.response())),
                Finding.Direction.RESPONSE, fallback, exchange.response().body(), findings);
        return findings;
    }

    private static SimpleRequest toRequest(ApiRequest request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(Request.Method.valueOf(request.method()), request.pathOnly());
        String query = request.query();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                builder.withQueryParam(name, value);
            }
        }
        builder.withHeader("Accept", "application/json");
        if (request.auth() != ApiRequest.Auth.NONE) {
            // only its presence matters to the validator; the token itself never leaves the caller
            builder.withHeader("Authorization", MASKED_BEARER);
        }
        if (request.contentType() != null) {
            builder.withContentType(request.contentType());
        }
        if (request.body() != null && !request.body().isEmpty()) {
            builder.withBody(request.body());
        }
        return builder.build();
    }

    private static SimpleResponse toResponse(ApiResponse response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.status());
        if (response.contentType() != null) {
            builder.withContentType(response.contentType());
        }
        if (!response.body().isEmpty()) {
            builder.withBody(response.body());
        }
        return builder.build();
    }

    private void collect(ValidationReport report, Finding.Direction direction, String fallback, String body, List<CheckedFinding> into) {
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            String operationId = message.getContext()
                    .flatMap(ValidationReport.MessageContext::getApiOperation)
                    .map(op -> op.getOperation().getOperationId())
                    .orElse(fallback);
            String pointer = message.getContext()
                    .flatMap(ValidationReport.MessageContext::getPointers)
                    .map(ValidationReport.MessageContext.Pointers::getInstance)
                    .orElse("");
            String text = text(message, pointer, body);
            // a missing or undeclared member: point at the member itself
            pointer = ViolationText.pointer(message.getKey(), message.getMessage(), pointer);
            Finding finding = new Finding(operationId, direction, pointer, message.getKey(), text);
            into.add(new CheckedFinding(finding, allowList.match(title, finding).map(AllowList.Entry::reason).orElse(null)));
        }
    }

    /** Found, then expected, with the value sent ({@link ViolationText}); plus nested messages (oneOf/anyOf). */
    private static String text(ValidationReport.Message message, String pointer, String body) {
        JsonNode sent = message.getKey().contains(".body.") ? ViolationText.at(body, pointer) : null;
        StringBuilder text = new StringBuilder(message.getKey().contains(".schema.")
                ? ViolationText.describe(message.getKey(), message.getMessage(), sent) : clean(message.getMessage()));
        for (ValidationReport.Message nested : message.getNestedMessages()) {
            text.append(" | ").append(clean(nested.getMessage()));
        }
        return text.toString();
    }

    private static final Pattern QUOTED_PLACEHOLDER = Pattern.compile("'\\{\\d+}'");
    private static final Pattern PLACEHOLDER = Pattern.compile(",? ?\\{\\d+}");

    private static String clean(String message) {
        String text = message == null ? "" : message;
        return PLACEHOLDER.matcher(QUOTED_PLACEHOLDER.matcher(text).replaceAll("")).replaceAll("").replace("  ", " ").trim();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SpecChecker[" + spec + "]";
    }
}
