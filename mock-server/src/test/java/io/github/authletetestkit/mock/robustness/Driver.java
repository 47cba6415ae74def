package io.github.authletetestkit.mock.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small HTTP driver for the robustness tests: raw requests (any method, path, header, bytes) and the
 * steps of the authorization-code flow. Deliberately separate from the e2e package's helpers, which
 * assert as they go; here failures are collected from many threads and reported together.
 */
final class Driver {

    static final String REDIRECT_URI = "https://client.example.com/callback";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;
    private final long serviceId;
    private final String authorization;

    private Driver(String baseUrl, long serviceId, String authorization) {
        this.baseUrl = baseUrl;
        this.serviceId = serviceId;
        this.authorization = authorization;
    }

    /** Calls {@code /api/{serviceId}/...} with {@code Authorization: Bearer token} (none when the token is null). */
    static Driver of(String baseUrl, long serviceId, String token) {
        return new Driver(baseUrl, serviceId, token == null ? null : "Bearer " + token);
    }

    Driver withToken(String token) {
        return of(baseUrl, serviceId, token);
    }

    /** Sends this exact Authorization header value (null: none). */
    Driver withAuthorizationHeader(String header) {
        return new Driver(baseUrl, serviceId, header);
    }

    String baseUrl() {
        return baseUrl;
    }

    long serviceId() {
        return serviceId;
    }

    // ------------------------------------------------------------------ raw requests

    Reply post(String apiPath, Object body) {
        return send("POST", "/api/" + serviceId + apiPath, "application/json", Json.write(body));
    }

    /** Any method on any path (from {@code /api}); a null content type sends no Content-Type header. */
    Reply send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    Reply send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("X-Authlete-Mock-Synthesised").isPresent());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ the code flow

    /** A confidential client for the code and refresh grants; its ID and secret. */
    Client createClient(String name) {
        ObjectNode client = Json.object();
        client.put("clientName", name);
        client.put("clientType", "CONFIDENTIAL");
        client.putArray("grantTypes").add("AUTHORIZATION_CODE").add("REFRESH_TOKEN");
        client.putArray("responseTypes").add("CODE");
        client.putArray("redirectUris").add(REDIRECT_URI);
        Reply reply = post("/client/create", client);
        if (reply.status() != 201) {
            throw new IllegalStateException("client/create: " + reply);
        }
        return new Client(reply.json().get("clientId").asLong(), reply.text("clientSecret"));
    }

    Reply authorize(Client client, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", Long.toString(client.id()));
        params.put("redirect_uri", REDIRECT_URI);
        params.put("scope", "profile");
        params.put("state", state);
        return post("/auth/authorization", Map.of("parameters", form(params)));
    }

    Reply issue(String ticket, String subject) {
        return post("/auth/authorization/issue", Map.of("ticket", ticket, "subject", subject));
    }

    Reply redeem(Client client, String code) {
        return token(client, Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI));
    }

    Reply refresh(Client client, String refreshToken) {
        return token(client, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    Reply token(Client client, Map<String, String> params) {
        return post("/auth/token", Map.of("parameters", form(params), "clientId", Long.toString(client.id()),
                "clientSecret", client.secret()));
    }

    Reply introspect(String accessToken) {
        return post("/auth/introspection", Map.of("token", accessToken));
    }

    /** Authorization and issue: a fresh authorization code for the subject; throws when a step fails. */
    String code(Client client, String subject) {
        Reply authorized = authorize(client, "s");
        expectAction(authorized, "INTERACTION", "auth/authorization");
        Reply issued = issue(authorized.text("ticket"), subject);
        expectAction(issued, "LOCATION", "auth/authorization/issue");
        return issued.text("authorizationCode");
    }

    static void expectAction(Reply reply, String action, String step) {
        if (reply.status() != 200 || !action.equals(reply.action())) {
            throw new AssertionError(step + ": expected 200 " + action + ", got " + reply);
        }
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A registered client's credentials. */
    record Client(long id, String secret) {}

    /** An HTTP answer; {@code synthesised} when the mock answered from the spec alone (no handler yet). */
    record Reply(int status, String body, String contentType, boolean synthesised) {

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
            if (contentType == null || !contentType.startsWith("application/json") || body == null || !body.startsWith("{")) {
                return null;
            }
            JsonNode value = json().get(member);
            return value == null || value.isNull() ? null : value.asText();
        }

        /** The OAuth error inside {@code responseContent}, if any. */
        String oauthError() {
            String content = text("responseContent");
            if (content == null || !content.startsWith("{")) {
                return null;
            }
            JsonNode error = Json.parse(content).get("error");
            return error == null ? null : error.asText();
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
            return status + " " + shown;
        }
    }
}
