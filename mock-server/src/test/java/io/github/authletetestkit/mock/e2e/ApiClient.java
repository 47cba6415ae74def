package io.github.authletetestkit.mock.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.authletetestkit.mock.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Calls the mock over real HTTP, the way an Authlete SDK does: JSON bodies and a Bearer token. */
final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;
    private final long serviceId;
    private final String authorization;

    ApiClient(String baseUrl, long serviceId, String token) {
        this(baseUrl, serviceId, token, token == null ? null : "Bearer " + token);
    }

    private ApiClient(String baseUrl, long serviceId, String token, String authorization) {
        this.baseUrl = baseUrl;
        this.serviceId = serviceId;
        this.authorization = authorization;
    }

    ApiClient withToken(String otherToken) {
        return new ApiClient(baseUrl, serviceId, otherToken);
    }

    /** Sends this exact Authorization header value. */
    ApiClient withAuthorizationHeader(String header) {
        return new ApiClient(baseUrl, serviceId, null, header);
    }

    ApiClient forService(long otherServiceId) {
        return new ApiClient(baseUrl, otherServiceId, null, authorization);
    }

    /** POST a JSON body to {@code /api/{serviceId}} + apiPath. */
    Reply post(String apiPath, Object body) {
        return send("POST", servicePath(apiPath), "application/json", Json.write(body));
    }

    Reply postForm(String apiPath, Map<String, String> form) {
        return send("POST", servicePath(apiPath), "application/x-www-form-urlencoded", form(form));
    }

    Reply get(String apiPath) {
        return send("GET", servicePath(apiPath), null, null);
    }

    Reply delete(String apiPath) {
        return send("DELETE", servicePath(apiPath), null, null);
    }

    /** Any method on any path (from {@code /api}), with this client's token when it has one. */
    Reply send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String servicePath(String apiPath) {
        return "/api/" + serviceId + apiPath;
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An HTTP answer with its JSON body, when it has one. */
    record Reply(int status, String body, String contentType) {

        JsonNode json() {
            if (body == null || body.isEmpty()) {
                return MissingNode.getInstance();
            }
            return Json.parse(body);
        }

        String action() {
            return text("action");
        }

        String resultCode() {
            return text("resultCode");
        }

        String text(String member) {
            JsonNode value = json().get(member);
            return value == null || value.isNull() ? null : value.asText();
        }

        /** The {@code responseContent} parsed as JSON. */
        JsonNode content() {
            return Json.parse(text("responseContent"));
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
