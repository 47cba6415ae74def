package io.github.authletetestkit.mock.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Calls the mock's admin API and checks every exchange against our document of it, {@code admin-api.yaml}:
 * a request the test means to be valid must conform, and every response must.
 */
public final class AdminHttp {

    public static final String DOCUMENT = "io/github/authletetestkit/mock/admin/admin-api.yaml";
    public static final String PREFIX = "/__admin/authlete/";

    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(documentText()).build();

    private final String baseUrl;
    private final String authorization;

    /** @param token the admin token; null sends no Authorization header */
    public AdminHttp(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.authorization = token == null ? null : "Bearer " + token;
    }

    public static String documentText() {
        try (InputStream in = Objects.requireNonNull(AdminHttp.class.getClassLoader().getResourceAsStream(DOCUMENT), DOCUMENT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpReply get(String route) {
        return conforming("GET", route, null);
    }

    public HttpReply post(String route, String json) {
        return conforming("POST", route, json);
    }

    public HttpReply delete(String route) {
        return conforming("DELETE", route, null);
    }

    /** A request the test means to be valid: it must conform to the document, and so must the response. */
    public HttpReply conforming(String method, String route, String json) {
        String[] pathAndQuery = route.split("[?]", 2);
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), PREFIX + pathAndQuery[0]);
        if (pathAndQuery.length > 1) {
            for (String parameter : pathAndQuery[1].split("&")) {
                String[] nameAndValue = parameter.split("=", 2);
                request.withQueryParam(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
            }
        }
        if (authorization != null) {
            request.withHeader("Authorization", authorization);
        }
        if (json != null) {
            request.withContentType("application/json").withBody(json);
        }
        assertThat(errors(VALIDATOR.validateRequest(request.build()))).as("%s %s %s against the admin document", method, route, json).isEmpty();
        return send(method, route, authorization, json);
    }

    /** Any request, valid or not, with this exact Authorization header; only the response is checked. */
    public HttpReply send(String method, String route, String authorizationHeader, String json) {
        HttpReply reply = MockHttp.send(baseUrl, authorizationHeader, method, PREFIX + route, json == null ? null : "application/json", json);
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status());
        if (reply.contentType() != null) {
            response.withContentType(reply.contentType());
        }
        if (reply.body() != null && !reply.body().isEmpty()) {
            response.withBody(reply.body());
        }
        assertThat(errors(VALIDATOR.validateResponse(PREFIX + route.replaceFirst("[?].*", ""), Request.Method.valueOf(method), response.build())))
                .as("the answer %s to %s %s against the admin document", reply, method, route).isEmpty();
        return reply;
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }
}
