package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.testing.MockHttp;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.model.Json;


import java.util.Map;

/** Calls the mock over real HTTP, the way an Authlete SDK does: JSON bodies and a Bearer token. */
final class ApiClient {

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
    HttpReply post(String apiPath, Object body) {
        return send("POST", servicePath(apiPath), "application/json", Json.write(body));
    }

    HttpReply postForm(String apiPath, Map<String, String> form) {
        return send("POST", servicePath(apiPath), "application/x-www-form-urlencoded", MockHttp.form(form));
    }

    HttpReply get(String apiPath) {
        return send("GET", servicePath(apiPath), null, null);
    }

    HttpReply delete(String apiPath) {
        return send("DELETE", servicePath(apiPath), null, null);
    }

    /** Any method on any path (from {@code /api}), with this client's token when it has one. */
    HttpReply send(String method, String path, String contentType, String body) {
        return MockHttp.send(baseUrl, authorization, method, path, contentType, body);
    }

    String servicePath(String apiPath) {
        return "/api/" + serviceId + apiPath;
    }
}
