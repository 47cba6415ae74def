package io.github.authletetestkit.mock.robustness;

import io.github.authletetestkit.mock.testing.MockHttp;
import io.github.authletetestkit.mock.testing.HttpReply;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.model.Json;


import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP driver for the robustness tests: raw requests (any method, path, header, bytes) and the
 * steps of the authorization-code flow. Deliberately separate from the e2e package's helpers, which
 * assert as they go; here failures are collected from many threads and reported together.
 */
final class Driver {

    static final String REDIRECT_URI = "https://client.example.com/callback";

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

    HttpReply post(String apiPath, Object body) {
        return send("POST", "/api/" + serviceId + apiPath, "application/json", Json.write(body));
    }

    /** Any method on any path (from {@code /api}); a null content type sends no Content-Type header. */
    HttpReply send(String method, String path, String contentType, String body) {
        return MockHttp.send(baseUrl, authorization, method, path, contentType, body);
    }

    HttpReply send(String method, String path, String contentType, byte[] body) {
        return MockHttp.send(baseUrl, authorization, method, path, contentType, body);
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
        HttpReply reply = post("/client/create", client);
        if (reply.status() != 201) {
            throw new IllegalStateException("client/create: " + reply);
        }
        return new Client(reply.json().get("clientId").asLong(), reply.text("clientSecret"));
    }

    HttpReply authorize(Client client, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", Long.toString(client.id()));
        params.put("redirect_uri", REDIRECT_URI);
        params.put("scope", "profile");
        params.put("state", state);
        return post("/auth/authorization", Map.of("parameters", MockHttp.form(params)));
    }

    HttpReply issue(String ticket, String subject) {
        return post("/auth/authorization/issue", Map.of("ticket", ticket, "subject", subject));
    }

    HttpReply redeem(Client client, String code) {
        return token(client, Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI));
    }

    HttpReply refresh(Client client, String refreshToken) {
        return token(client, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    HttpReply token(Client client, Map<String, String> params) {
        return post("/auth/token", Map.of("parameters", MockHttp.form(params), "clientId", Long.toString(client.id()),
                "clientSecret", client.secret()));
    }

    HttpReply introspect(String accessToken) {
        return post("/auth/introspection", Map.of("token", accessToken));
    }

    /** Authorization and issue: a fresh authorization code for the subject; throws when a step fails. */
    String code(Client client, String subject) {
        HttpReply authorized = authorize(client, "s");
        expectAction(authorized, "INTERACTION", "auth/authorization");
        HttpReply issued = issue(authorized.text("ticket"), subject);
        expectAction(issued, "LOCATION", "auth/authorization/issue");
        return issued.text("authorizationCode");
    }

    static void expectAction(HttpReply reply, String action, String step) {
        if (reply.status() != 200 || !action.equals(reply.action())) {
            throw new AssertionError(step + ": expected 200 " + action + ", got " + reply);
        }
    }

    /** A registered client's credentials. */
    record Client(long id, String secret) {}
}
