package io.github.authletetestkit.mock.internal.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import io.github.authletetestkit.spec.internal.SpecOperation;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of the bundled spec, called with a valid request (its body made from the request
 * schema), answers — no 404, no 501 — with a response that conforms to our spec (the mock runs strict) and,
 * where Authlete's published spec is at hand, to that one too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryOperationAnswersTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AuthleteSpec spec = AuthleteSpec.bundled();
    private AuthleteMockServer mock;
    private Map<String, String> pathValues;
    private OpenApiInteractionValidator published;

    @BeforeAll
    void start() {
        mock = AuthleteMockServer.builder().strict(true).build().start();
        published = publishedSpec().map(p -> OpenApiInteractionValidator.createFor(AuthleteSpec.load(p.toString()).openApiFlattened())
                .build()).orElse(null);
        if (published == null) {
            // never silent: the report says the extra check did not run, where it looked, and how to make it run
            System.out.println("[EveryOperationAnswersTest] skipped: the cross-check against Authlete's published spec; no "
                    + "authlete-openapi/spec_next.yaml under " + Path.of(System.getProperty("authlete.reference.dir",
                    "../shared/reference")).toAbsolutePath().normalize() + " (pass -Dauthlete.reference.dir=DIR)");
        }
    }

    /** Back to the seed, with a client, a token and an HSM key whose IDs fill the path parameters: an operation may delete things. */
    @BeforeEach
    void fixture() throws Exception {
        mock.reset();
        String client = send("POST", "/api/" + mock.serviceId() + "/client/create", "application/json",
                "{\"clientType\":\"CONFIDENTIAL\",\"redirectUris\":[\"https://client.example.com/cb\"]}").body();
        String clientId = Json.parse(client).get("clientId").asText();
        String token = Json.parse(send("POST", "/api/" + mock.serviceId() + "/auth/token/create", "application/json",
                "{\"grantType\":\"PASSWORD\",\"clientId\":" + clientId + ",\"subject\":\"alice\"}").body()).get("accessToken").asText();
        String batch = Json.parse(send("POST", "/api/" + mock.serviceId() + "/auth/token/create/batch", "application/json",
                "[{\"grantType\":\"CLIENT_CREDENTIALS\",\"clientId\":" + clientId + "}]").body()).get("requestId").asText();
        String handle = Json.parse(send("POST", "/api/" + mock.serviceId() + "/hsk/create", "application/json",
                "{\"kty\":\"EC\",\"use\":\"sig\",\"alg\":\"ES256\"}").body()).at("/hsk/handle").asText();
        pathValues = Map.of("serviceId", Long.toString(mock.serviceId()), "clientId", clientId, "clientIdentifier", clientId,
                "subject", "alice", "accessTokenIdentifier", token, "handle", handle, "tokenBatchRequestId", batch);
    }

    @AfterAll
    void stop() {
        mock.stop();
    }

    Stream<SpecOperation> operations() {
        return spec.operations().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void answersAndConforms(SpecOperation operation) throws Exception {
        String path = operation.template().expand(pathValues);
        Optional<MediaType> body = requestMedia(operation);
        String contentType = body.map(m -> operation.requestContentTypes().contains("application/json") ? "application/json"
                : "application/x-www-form-urlencoded").orElse(null);
        String payload = body.map(m -> encode(SchemaSampler.sample(m.getSchema()), contentType)).orElse(null);

        HttpResponse<String> response = send(operation.method(), path, contentType, payload);

        assertThat(response.statusCode()).as(operation + " answered " + response.body()).isNotIn(404, 501).isLessThan(500);
        assertThat(mock.specViolations()).as("responses that violate our spec").isEmpty();
        if (published != null && !operation.operationId().equals("lifecycle_healthcheck_api") && !isDeviation(operation)) {
            SimpleResponse.Builder checked = SimpleResponse.Builder.status(response.statusCode());
            response.headers().firstValue("Content-Type").ifPresent(checked::withContentType);
            if (!response.body().isEmpty()) {
                checked.withBody(response.body());
            }
            ValidationReport report = published.validateResponse(operation.pathTemplate(), Request.Method.valueOf(operation.method()),
                    checked.build());
            assertThat(report.getMessages()).as("findings against Authlete's published spec").filteredOn(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .isEmpty();
        }
    }

    /** Operations where our description deliberately departs from the published one ({@code x-testkit-deviation}). */
    private boolean isDeviation(SpecOperation operation) {
        Operation model = model(operation);
        return model != null && model.getExtensions() != null && model.getExtensions().containsKey("x-testkit-deviation");
    }

    private Optional<MediaType> requestMedia(SpecOperation operation) {
        Operation model = model(operation);
        if (model == null || model.getRequestBody() == null || model.getRequestBody().getContent() == null) {
            return Optional.empty();
        }
        MediaType json = model.getRequestBody().getContent().get("application/json");
        return Optional.ofNullable(json != null ? json : model.getRequestBody().getContent().values().iterator().next());
    }

    private Operation model(SpecOperation operation) {
        PathItem item = spec.openApiFlattened().getPaths().get(operation.pathTemplate());
        return item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(operation.method()));
    }

    private static String encode(JsonNode body, String contentType) {
        if (!"application/x-www-form-urlencoded".equals(contentType)) {
            return Json.write(body);
        }
        List<String> pairs = new ArrayList<>();
        if (body instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> pairs.add(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue().asText(), StandardCharsets.UTF_8)));
        }
        return String.join("&", pairs);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                .header("Authorization", "Bearer " + mock.orgToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<Path> publishedSpec() {
        for (String dir : List.of(System.getProperty("authlete.reference.dir", "../shared/reference"), "../../shared/reference")) {
            Path file = Path.of(dir, "authlete-openapi", "spec_next.yaml");
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }
}
