package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.oauth.FormParameters;
import io.github.authletetestkit.mock.internal.oauth.InvalidRequestObjectException;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import io.github.authletetestkit.mock.internal.store.PushedRequest;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /pushed_auth_req} (RFC 9126): the client authenticates, the request is checked now and kept under a one-time URI. */
public final class ParApi {

    record PushedAuthorizationRequest(String parameters, String clientId, String clientSecret, String clientCertificate) {}

    private static final int API = 245;

    public ApiResponse push(ApiCall call) {
        ServiceState state = call.service();
        ServiceConfig service = state.config();
        PushedAuthorizationRequest request = call.body(PushedAuthorizationRequest.class);
        RequestParameters parsed = RequestParameters.parse(service, request.parameters(), true,
                ResultCodes.of(API, 3, 1), ResultCodes.of(API, 3, 2));
        if (parsed.refusal() != null) {
            return parsed.refusal();
        }
        FormParameters params = parsed.params();
        ClientAuthentication.Result auth = ClientAuthentication.authenticate(state,
                new ClientAuthentication.Credentials(request.clientId(), request.clientSecret(), request.clientCertificate()), params, call.now());
        if (!auth.ok()) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(API, 3, auth.invalidClient() ? 3 : 4),
                    auth.invalidClient() ? "UNAUTHORIZED" : "BAD_REQUEST", auth.error(), auth.description()));
        }
        if (params.has("request_uri")) {
            return badRequest(service, 5, "invalid_request", "A pushed authorization request must not contain 'request_uri'.");
        }
        ClientConfig client = auth.client();
        FormParameters withClient = params.has("client_id") ? params : FormParameters.parse(request.parameters()
                + (request.parameters().isEmpty() ? "" : "&") + "client_id=" + client.clientId());
        try {
            withClient = RequestObjectParameters.expand(state, withClient, call.now());
        } catch (InvalidRequestObjectException e) {
            return badRequest(service, 6, "invalid_request_object", e.getMessage());
        }
        AuthorizationRules.Outcome outcome = AuthorizationRules.evaluate(service, withClient,
                id -> state.findClient(id).filter(c -> c.clientId() == client.clientId()), state::grant, true);
        if (outcome.failure() != null) {
            return ApiResponse.ok(RuntimeResult.error(service, outcome.failure().code(), "BAD_REQUEST",
                    outcome.failure().error(), outcome.failure().description()));
        }
        long lifetime = service.toJson().path("pushedAuthReqDuration").asLong(0);
        long seconds = lifetime > 0 ? lifetime : 600;
        PushedRequest pushed = new PushedRequest(PushedRequest.URI_PREFIX + RandomValues.token(), client.clientId(),
                FormParameters.encode(withClient.toSingleValueMap()), call.now().plusSeconds(seconds));
        state.putPushedRequest(pushed);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("expires_in", seconds);
        content.put("request_uri", pushed.requestUri());
        ObjectNode body = RuntimeResult.of(ResultCodes.of(API, 0, 1), "CREATED",
                "The authorization request was registered; its URI is " + pushed.requestUri() + ".");
        body.put("requestUri", pushed.requestUri());
        body.put("responseContent", Json.write(content));
        body.put("clientAuthMethod", auth.method());
        return ApiResponse.ok(body);
    }

    private static ApiResponse badRequest(ServiceConfig service, int seq, String error, String description) {
        return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(API, 3, seq), "BAD_REQUEST", error, description));
    }
}
