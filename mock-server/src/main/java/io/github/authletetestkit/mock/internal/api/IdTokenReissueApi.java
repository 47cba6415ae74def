package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.oauth.IdTokenException;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import io.github.authletetestkit.mock.internal.oauth.TokenHashes;
import io.github.authletetestkit.mock.internal.store.Grant;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.util.Optional;

/**
 * ID tokens minted for an existing token pair: {@code /idtoken/reissue} (after a refresh) and OpenID Connect
 * Native SSO ({@code /nativesso}, {@code /nativesso/logout}).
 */
public final class IdTokenReissueApi {

    record ReissueRequest(String accessToken, String refreshToken, String sub, String claims, String idTokenAudType,
                          String deviceSecret, String deviceSecretHash) {}

    record LogoutRequest(String sessionId) {}

    private static final int REISSUE_API = 505;
    private static final int NATIVE_SSO_API = 501;
    private static final int LOGOUT_API = 503;

    public ApiResponse reissue(ApiCall call) {
        return ApiResponse.ok(issue(call, REISSUE_API, false));
    }

    public ApiResponse nativeSso(ApiCall call) {
        return ApiResponse.ok(issue(call, NATIVE_SSO_API, true));
    }

    public ApiResponse logout(ApiCall call) {
        LogoutRequest request = call.body(LogoutRequest.class);
        if (request.sessionId() == null || request.sessionId().isEmpty()) {
            return ApiResponse.ok(RuntimeResult.of(ResultCodes.of(LOGOUT_API, 2, 1), "CALLER_ERROR", "The request does not contain 'sessionId'."));
        }
        int count = call.service().removeTokens(t -> request.sessionId().equals(t.grant().sessionId()));
        ObjectNode body = RuntimeResult.of(ResultCodes.of(LOGOUT_API, 0, 1), "OK", "Deleted " + count + " token record(s) of the session.");
        return ApiResponse.ok(body.put("count", count));
    }

    private static ObjectNode issue(ApiCall call, int api, boolean nativeSso) {
        ServiceState state = call.service();
        ServiceConfig service = state.config();
        ReissueRequest request = call.body(ReissueRequest.class);
        Optional<TokenRecord> pair = state.byAccessToken(request.accessToken())
                .filter(t -> t.refreshToken() != null && t.refreshToken().equals(request.refreshToken()))
                .filter(t -> !t.accessTokenExpired(call.now()));
        if (pair.isEmpty()) {
            return callerError(api, 1, "The access token and the refresh token are unknown, expired or not a pair.");
        }
        Grant grant = pair.get().grant();
        Optional<ClientConfig> client = state.client(grant.clientId());
        if (client.isEmpty() || !grant.hasScope("openid") || grant.subject() == null) {
            return callerError(api, 2, "The token pair has no 'openid' scope or no subject, so no ID token can be issued.");
        }
        String sessionId = grant.sessionId() != null ? grant.sessionId() : nativeSso ? RandomValues.token() : null;
        if (sessionId != null && grant.sessionId() == null) {
            // the pair joins the new session, so that /nativesso/logout finds it
            Grant inSession = new Grant(grant.clientId(), grant.subject(), grant.sub(), grant.scopes(), grant.grantType(),
                    grant.properties(), grant.authTimeSeconds(), grant.acr(), grant.claims(), grant.nonce(), sessionId, grant.idTokenAudType(),
                    grant.grantId());
            state.replaceToken(pair.get(), pair.get().withGrant(inSession));
        }
        Grant forIdToken = new Grant(grant.clientId(), grant.subject(), request.sub() != null ? request.sub() : grant.sub(), grant.scopes(),
                grant.grantType(), grant.properties(), grant.authTimeSeconds(), grant.acr(),
                request.claims() != null ? request.claims() : grant.claims(), null, sessionId,
                request.idTokenAudType() != null ? request.idTokenAudType() : grant.idTokenAudType(), grant.grantId());
        String deviceSecret = nativeSso ? (request.deviceSecret() != null ? request.deviceSecret() : RandomValues.token()) : null;
        String idToken;
        try {
            idToken = nativeSso
                    ? IdTokens.issue(service, client.get(), withDeviceSecretHash(forIdToken, deviceSecret, request.deviceSecretHash()),
                            call.now(), pair.get().accessToken(), null, false)
                    : IdTokens.issue(service, client.get(), forIdToken, call.now(), pair.get().accessToken(), null, false);
        } catch (IdTokenException e) {
            return RuntimeResult.of(ResultCodes.of(api, 1, 1), "INTERNAL_SERVER_ERROR", e.getMessage());
        }
        ObjectNode content = Json.object();
        content.put("access_token", pair.get().accessToken());
        content.put("token_type", pair.get().dpopJkt() != null ? "DPoP" : service.accessTokenType());
        content.put("expires_in", Math.max(0, pair.get().accessTokenExpiresAt().getEpochSecond() - call.nowSeconds()));
        content.put("scope", String.join(" ", grant.scopes()));
        content.put("refresh_token", pair.get().refreshToken());
        content.put("id_token", idToken);
        if (nativeSso) {
            content.put("issued_token_type", "urn:ietf:params:oauth:token-type:access_token");
            content.put("device_secret", deviceSecret);
        }
        ObjectNode body = RuntimeResult.of(ResultCodes.of(api, 0, 1), "OK", "An ID token was issued for the token pair.");
        body.put("responseContent", Json.write(content));
        body.put("idToken", idToken);
        return body;
    }

    /** Native SSO ID tokens carry {@code ds_hash}, the hash of the device secret, as an extra claim. */
    private static Grant withDeviceSecretHash(Grant grant, String deviceSecret, String givenHash) {
        String hash = givenHash != null ? givenHash : TokenHashes.sha256Base64Url(deviceSecret);
        ObjectNode claims = grant.claims() == null ? Json.object() : (ObjectNode) Json.parse(grant.claims());
        claims.put("ds_hash", hash);
        return new Grant(grant.clientId(), grant.subject(), grant.sub(), grant.scopes(), grant.grantType(), grant.properties(),
                grant.authTimeSeconds(), grant.acr(), Json.write(claims), grant.nonce(), grant.sessionId(), grant.idTokenAudType(), grant.grantId());
    }

    private static ObjectNode callerError(int api, int seq, String message) {
        return RuntimeResult.of(ResultCodes.of(api, 2, seq), "CALLER_ERROR", message);
    }
}
