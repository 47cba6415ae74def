package io.github.authletetestkit.contract.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.authletetestkit.contract.internal.target.Transport;
import io.github.authletetestkit.flows.internal.ApiRequest;
import io.github.authletetestkit.flows.internal.ApiResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process stand-in for Authlete, just stateful enough for the flows the mock does not implement yet
 * (device flow, CIBA poll, PAR, token operations): it answers the way Authlete's spec and the behaviour
 * reference describe, so those flows can be exercised — and their requests checked against the specs — today.
 */
final class FakeAuthlete implements Transport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final List<ApiRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(5_000_000_000_000L);
    private final Set<String> revoked = new HashSet<>();
    private final Set<String> usedRequestUris = new HashSet<>();
    private final Map<String, Boolean> approved = new HashMap<>();

    @Override
    public synchronized ApiResponse send(ApiRequest request, String bearerToken) {
        requests.add(request);
        String path = request.pathOnly().replaceFirst("^/api/\\d+", "");
        JsonNode body = request.body() == null ? MAPPER.createObjectNode() : read(request.body());
        Map<String, String> params = form(body.path("parameters").asText(""));
        String method = request.method();
        if (method.equals("GET") && path.equals("/service/get")) {
            return json(200, """
                    {"apiKey": 1234567890123, "serviceName": "fake",
                     "supportedGrantTypes": ["AUTHORIZATION_CODE", "REFRESH_TOKEN", "DEVICE_CODE", "CIBA"],
                     "supportedResponseTypes": ["CODE"], "supportedScopes": [{"name": "openid"}],
                     "supportedBackchannelTokenDeliveryModes": ["POLL"], "deviceVerificationUri": "https://as.example.com/device"}""");
        }
        if (path.equals("/service/configuration")) {
            return json(200, "{\"issuer\": \"https://as.example.com\"}");
        }
        if (path.equals("/service/jwks/get") || path.startsWith("/client/delete/") || path.startsWith("/auth/token/delete/")) {
            if (path.startsWith("/auth/token/delete/")) {
                revoked.add(path.substring("/auth/token/delete/".length()));
            }
            return new ApiResponse(204, Map.of(), "");
        }
        return switch (path) {
            case "/client/create" -> json(201, "{\"clientId\": " + ids.incrementAndGet() + ", \"clientSecret\": \"secret\", \"clientName\": \"x\"}");
            case "/device/authorization" -> json(200, """
                    {"resultCode": "A220001", "resultMessage": "ok", "action": "OK", "deviceCode": "device-code",
                     "userCode": "BCDFGHJK", "verificationUri": "https://as.example.com/device", "expiresIn": 600, "interval": 5}""");
            case "/device/verification" -> action("VALID");
            case "/device/complete" -> {
                approved.put("device-code", true);
                yield action("SUCCESS");
            }
            case "/backchannel/authentication" -> json(200, "{\"action\": \"USER_IDENTIFICATION\", \"ticket\": \"ciba-ticket\"}");
            case "/backchannel/authentication/issue" -> json(200, "{\"action\": \"OK\", \"authReqId\": \"auth-req-id\", \"interval\": 5}");
            case "/backchannel/authentication/complete" -> {
                approved.put("auth-req-id", true);
                yield action("NO_ACTION");
            }
            case "/pushed_auth_req" -> json(200, "{\"action\": \"CREATED\", \"requestUri\": \"urn:ietf:params:oauth:request_uri:fake\"}");
            case "/auth/authorization" -> {
                String requestUri = params.get("request_uri");
                if (requestUri != null && !usedRequestUris.add(requestUri)) {
                    yield json(200, "{\"action\": \"BAD_REQUEST\", \"responseContent\": \"{\\\"error\\\":\\\"invalid_request_uri\\\"}\"}");
                }
                yield json(200, "{\"action\": \"INTERACTION\", \"ticket\": \"ticket\"}");
            }
            case "/auth/authorization/issue" -> json(200, "{\"action\": \"LOCATION\", \"authorizationCode\": \"the-code\","
                    + " \"responseContent\": \"https://client.example.com/callback?code=the-code\"}");
            case "/auth/token" -> token(params);
            case "/auth/token/create" -> issued();
            case "/auth/introspection" -> revoked.contains(body.path("token").asText())
                    ? action("UNAUTHORIZED")
                    : json(200, "{\"action\": \"OK\", \"subject\": \"contract-suite-user\"}");
            case "/auth/revocation" -> {
                revoked.add(form(body.path("parameters").asText()).get("token"));
                yield action("OK");
            }
            case "/auth/token/update" -> action("OK");
            case "/auth/token/get/list" -> json(200, "{\"totalCount\": 1, \"accessTokens\": []}");
            case "/auth/token/revoke" -> {
                revoked.add(body.path("accessTokenIdentifier").asText());
                yield json(200, "{\"resultCode\": \"A312001\", \"resultMessage\": \"Revoked 1 access token(s).\", \"count\": 1}");
            }
            default -> json(404, "{\"resultCode\": \"A001209\", \"resultMessage\": \"no such API\"}");
        };
    }

    private ApiResponse token(Map<String, String> params) {
        String grant = params.get("grant_type");
        String key = switch (grant) {
            case "urn:ietf:params:oauth:grant-type:device_code" -> params.get("device_code");
            case "urn:openid:params:grant-type:ciba" -> params.get("auth_req_id");
            default -> null;
        };
        if (key != null && !approved.getOrDefault(key, false)) {
            return json(200, "{\"action\": \"BAD_REQUEST\", \"responseContent\": \"{\\\"error\\\":\\\"authorization_pending\\\"}\"}");
        }
        return issued();
    }

    private ApiResponse issued() {
        return json(200, "{\"action\": \"OK\", \"accessToken\": \"at-" + ids.incrementAndGet() + "\"}");
    }

    private static ApiResponse action(String action) {
        return json(200, "{\"action\": \"" + action + "\"}");
    }

    private static ApiResponse json(int status, String body) {
        return new ApiResponse(status, Map.of("content-type", List.of("application/json")), body);
    }

    private static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, String> form(String text) {
        Map<String, String> values = new HashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
