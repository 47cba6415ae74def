package io.github.authletetestkit.mock.internal.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.request.RequestBodyCheck;
import com.atlassian.oai.validator.interaction.request.RequestValidator;
import com.atlassian.oai.validator.interaction.response.ResponseValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.ApiPath;
import com.atlassian.oai.validator.model.ApiPathImpl;
import com.atlassian.oai.validator.model.NormalisedPath;
import com.atlassian.oai.validator.model.NormalisedPathImpl;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.atlassian.oai.validator.schema.ValidationConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.servers.Server;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Atlassian's validation of requests to, and responses from, one path template, handed the operation instead
 * of finding it again. {@link OpenApiInteractionValidator} resolves the operation for every request and every
 * response (path normalisation, template matching, streams: 8.5 % of a validated request in a profile) although
 * the pipeline has already matched it. This composes the validator's own public parts the way its builder does
 * (a message resolver with the mock's levels, one schema validator, the request and the response validator, no
 * custom validators, no whitelist) and, like the whole validator, reports a request path the template does not
 * fit, or a method the path does not declare, with the validator's own messages: every check and every message
 * stays the validator's.
 */
final class PathValidator {

    private final MessageResolver messages;
    private final RequestValidator requests;
    private final RequestBodyCheck requestBodies;
    private final RequestEnvelopes envelopes;
    private final ResponseValidator responses;
    private final String basePath;
    private final ApiPath template;
    private final Map<PathItem.HttpMethod, Operation> operations = new EnumMap<>(PathItem.HttpMethod.class);
    /**
     * Request paths seen, normalised, when the template fits them (empty when not): a pure function of the path, kept
     * for the few paths a mock's callers use, since {@code ApiPathImpl.matches} was 2.6 % of a request. Cleared when full.
     */
    private final Map<String, Optional<NormalisedPath>> fitting = new ConcurrentHashMap<>();
    static final int PATHS_KEPT = 1024;

    /** @param document a document with {@code pathTemplate} among its paths */
    PathValidator(OpenAPI document, String pathTemplate, LevelResolver levels) {
        this.messages = new MessageResolver(levels);
        SchemaValidator schemas = new SchemaValidator(document, messages, new ValidationConfiguration());
        this.requests = new RequestValidator(schemas, messages, document, List.of());
        this.requestBodies = new RequestBodyCheck(messages, schemas);
        this.responses = new ResponseValidator(schemas, messages, document, List.of());
        this.basePath = basePath(document.getServers());
        this.template = new ApiPathImpl(pathTemplate, basePath, false);
        PathItem item = document.getPaths() == null ? null : document.getPaths().get(pathTemplate);
        if (item != null) {
            operations.putAll(item.readOperationsMap());
        }
        this.envelopes = new RequestEnvelopes(document, item == null ? new PathItem() : item);
    }

    /**
     * The validator's report on {@code request}, as {@link OpenApiInteractionValidator#validateRequest} makes it: the whole
     * check, or only the body's when the request's envelope was found clean before ({@link RequestEnvelopes}).
     */
    ValidationReport validateRequest(Request request) {
        return validate(request.getPath(), request.getMethod(), operation -> {
            String envelope = envelopes.key(request);
            if (envelopes.isClean(envelope)) {
                // the context the whole check gives its messages
                return requestBodies.validate(request, operation).withAdditionalContext(ValidationReport.MessageContext.create()
                        .in(ValidationReport.MessageContext.Location.REQUEST).withApiOperation(operation)
                        .withRequestPath(operation.getRequestPath().original()).withRequestMethod(request.getMethod()).build());
            }
            ValidationReport whole = requests.validateRequest(request, operation);
            envelopes.record(envelope, whole);
            return whole;
        });
    }

    /** The envelopes found clean (a test's view). */
    RequestEnvelopes envelopes() {
        return envelopes;
    }

    /** The validator's report on a response to {@code method path}, as {@link OpenApiInteractionValidator#validateResponse} makes it. */
    ValidationReport validateResponse(String path, Request.Method method, Response response) {
        return validate(path, method, operation -> responses.validateResponse(response, operation));
    }

    /** {@code check} on this template's operation for the request; the validator's own finding when there is none. */
    private ValidationReport validate(String path, Request.Method method, Function<ApiOperation, ValidationReport> check) {
        NormalisedPath requestPath = fitting(path);
        Operation operation = operations.get(PathItem.HttpMethod.valueOf(method.name()));
        ValidationReport report;
        if (requestPath == null) {
            report = ValidationReport.singleton(messages.get("validation.request.path.missing", path));
        } else if (operation == null) {
            report = ValidationReport.singleton(messages.get("validation.request.operation.notAllowed", method, path));
        } else {
            report = check.apply(new ApiOperation(template, requestPath, PathItem.HttpMethod.valueOf(method.name()), operation));
        }
        return report.withAdditionalContext(ValidationReport.MessageContext.create().withRequestPath(path).withRequestMethod(method).build());
    }

    /** The request path, normalised as the validator does it, when the template fits it; null when it does not. */
    private NormalisedPath fitting(String path) {
        Optional<NormalisedPath> known = fitting.get(path);
        if (known == null) {
            NormalisedPath requestPath = new NormalisedPathImpl(path, basePath);
            known = requestPath.numberOfParts() == template.numberOfParts() && template.matches(requestPath)
                    ? Optional.of(requestPath) : Optional.empty();
            if (fitting.size() >= PATHS_KEPT) {
                fitting.clear();
            }
            fitting.put(path, known);
        }
        return known.orElse(null);
    }

    /** How many request paths are kept with their fit (a test's view). */
    int pathsKnown() {
        return fitting.size();
    }

    /**
     * The base path the validator strips from request paths: the path of the first server's URL, its variables
     * at their defaults; "/" without a server. (The validator's own rule, which it keeps package-private.)
     */
    static String basePath(List<Server> servers) {
        if (servers == null) {
            return "/";
        }
        return servers.stream().filter(Objects::nonNull).map(PathValidator::withDefaults).map(PathValidator::pathOf)
                .filter(Objects::nonNull).findFirst().orElse("/");
    }

    private static String withDefaults(Server server) {
        if (server.getUrl() == null) {
            return "/";
        }
        String url = server.getUrl();
        if (server.getVariables() != null) {
            for (Map.Entry<String, io.swagger.v3.oas.models.servers.ServerVariable> variable : server.getVariables().entrySet()) {
                String value = variable.getValue().getDefault();
                url = url.replace("{" + variable.getKey() + "}", value == null || value.isBlank() ? "" : value);
            }
        }
        return url;
    }

    private static String pathOf(String url) {
        try {
            return new URI(url).getPath();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
