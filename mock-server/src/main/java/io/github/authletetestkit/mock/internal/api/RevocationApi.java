package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.oauth.FormParameters;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.util.Optional;

/**
 * {@code /auth/revocation} (RFC 7009), as Authlete revokes: the token found, access or refresh, takes its whole pair with
 * it. {@code token_type_hint} only says which kind to look up first (Authlete's token revocation policy).
 */
public final class RevocationApi {

    record RevocationRequest(String parameters, String clientId, String clientSecret, String clientCertificate) {}

    private static final int API = 113;

    public ApiResponse revoke(ApiCall call) {
        ServiceState state = call.service();
        ServiceConfig service = state.config();
        RevocationRequest request = call.body(RevocationRequest.class);
        RequestParameters parsed = RequestParameters.parse(service, request.parameters(), false, null, ResultCodes.of(API, 3, 2));
        if (parsed.refusal() != null) {
            return parsed.refusal();
        }
        FormParameters params = parsed.params();
        String tokenValue = params.first("token");
        if (tokenValue == null || tokenValue.isEmpty()) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(API, 3, 1), "BAD_REQUEST", "invalid_request",
                    "The revocation request does not contain 'token' parameter."));
        }
        ClientAuthentication.Result auth = ClientAuthentication.authenticate(state,
                new ClientAuthentication.Credentials(request.clientId(), request.clientSecret(), request.clientCertificate()), params, call.now());
        if (!auth.ok()) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(API, 3, auth.invalidClient() ? 3 : 4),
                    auth.invalidClient() ? "INVALID_CLIENT" : "BAD_REQUEST", auth.error(), auth.description()));
        }
        Optional<TokenRecord> found = "refresh_token".equals(params.first("token_type_hint"))
                ? state.byRefreshToken(tokenValue).or(() -> state.byAccessToken(tokenValue))
                : state.byAccessToken(tokenValue).or(() -> state.byRefreshToken(tokenValue));
        if (found.isPresent()) {
            TokenRecord token = found.get();
            if (token.clientId() != auth.client().clientId()) {
                return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(API, 3, 5), "BAD_REQUEST", "invalid_grant",
                        "The token was issued to another client."));
            }
            state.removePair(token);
        }
        ObjectNode body = RuntimeResult.of(ResultCodes.of(API, 0, 1), "OK", "The token has been revoked successfully.");
        return ApiResponse.ok(body);
    }
}
