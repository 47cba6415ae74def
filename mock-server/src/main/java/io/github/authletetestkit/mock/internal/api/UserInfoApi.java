package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.authletetestkit.mock.internal.oauth.ClaimsRequest;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /auth/userinfo} (is this token good for the UserInfo endpoint?) and {@code /auth/userinfo/issue}. */
public final class UserInfoApi {

    record UserInfoRequest(String token, String dpop, String htm, String htu, String clientCertificate) {}

    record UserInfoIssueRequest(String token, String claims, String sub) {}

    private static final int API = 91;
    private static final int ISSUE_API = 96;

    /** A token that passed the checks shared by both operations, or the refusal. */
    private record Checked(TokenRecord token, ClientConfig client, ObjectNode refusal) {}

    public ApiResponse userinfo(ApiCall call) {
        UserInfoRequest request = call.body(UserInfoRequest.class);
        Checked checked = check(call, API, request.token(),
                new Binding(request.dpop(), request.htm(), request.htu(), request.clientCertificate()));
        if (checked.refusal() != null) {
            return ApiResponse.ok(checked.refusal());
        }
        TokenRecord token = checked.token();
        ObjectNode body = RuntimeResult.of(ResultCodes.of(API, 0, 1), "OK", "The access token presented at the userinfo endpoint is valid.");
        body.put("clientId", token.clientId());
        body.put("clientIdAlias", checked.client().clientIdAlias());
        body.put("subject", token.grant().subject());
        TokenApi.putStrings(body.putArray("scopes"), token.grant().scopes());
        ClaimsRequest requested = requestedClaims(token);
        TokenApi.putStrings(body.putArray("claims"), AuthorizationApi.union(UserClaims.forScopes(token.grant().scopes()),
                requested.userInfoNames()));
        if (requested.userInfo() != null) {
            body.put("userInfoClaims", Json.write(requested.userInfo()));
        }
        body.put("token", token.accessToken());
        TokenApi.putProperties(body, token.grant().properties());
        return ApiResponse.ok(body);
    }

    public ApiResponse issue(ApiCall call) {
        ServiceConfig service = call.service().config();
        UserInfoIssueRequest request = call.body(UserInfoIssueRequest.class);
        // the proof of possession was checked at /auth/userinfo; the issue call carries none (Authlete's SDK sends token and claims)
        Checked checked = check(call, ISSUE_API, request.token(), null);
        if (checked.refusal() != null) {
            return ApiResponse.ok(checked.refusal());
        }
        TokenRecord token = checked.token();
        ObjectNode userInfo = Json.object();
        userInfo.put("sub", request.sub() != null ? request.sub() : token.grant().subject());
        if (request.claims() != null && !request.claims().isBlank()) {
            JsonNode claims;
            try {
                claims = Json.parse(request.claims());
            } catch (IllegalArgumentException e) {
                claims = null;
            }
            if (claims == null || !claims.isObject()) {
                return ApiResponse.ok(RuntimeResult.challenge(service, ResultCodes.of(ISSUE_API, 2, 1), "INTERNAL_SERVER_ERROR",
                        "Bearer", "server_error", "'claims' must be a JSON object."));
            }
            List<String> allowed = AuthorizationApi.union(UserClaims.forScopes(token.grant().scopes()),
                    requestedClaims(token).userInfoNames());
            claims.fields().forEachRemaining(e -> {
                if (allowed.contains(e.getKey()) || !isStandardClaim(e.getKey())) {
                    userInfo.set(e.getKey(), e.getValue());
                }
            });
        }
        ClientConfig client = checked.client();
        if (client.userInfoSignAlg() != null && !client.userInfoSignAlg().equals("NONE")) {
            try {
                String jwt = sign(service, client, userInfo, call);
                ObjectNode body = RuntimeResult.of(ResultCodes.of(ISSUE_API, 0, 2), "JWT", "The userinfo JWT was generated.");
                return ApiResponse.ok(body.put("responseContent", jwt));
            } catch (JOSEException | RuntimeException e) {
                return ApiResponse.ok(RuntimeResult.challenge(service, ResultCodes.of(ISSUE_API, 1, 1), "INTERNAL_SERVER_ERROR",
                        "Bearer", "server_error", "The userinfo response could not be signed: " + e.getMessage()));
            }
        }
        ObjectNode body = RuntimeResult.of(ResultCodes.of(ISSUE_API, 0, 1), "JSON", "The userinfo response was generated.");
        return ApiResponse.ok(body.put("responseContent", Json.write(userInfo)));
    }

    /** What the resource request presented to prove possession of a bound token. */
    private record Binding(String dpop, String htm, String htu, String clientCertificate) {}

    /** @param binding null where possession is not checked again (the issue call) */
    private static Checked check(ApiCall call, int api, String tokenValue, Binding binding) {
        ServiceState state = call.service();
        ServiceConfig service = state.config();
        if (tokenValue == null || tokenValue.isEmpty()) {
            return refused(RuntimeResult.challenge(service, ResultCodes.of(api, 2, 2), "BAD_REQUEST", "Bearer",
                    "invalid_token", "The request does not contain an access token."));
        }
        Optional<TokenRecord> found = state.byAccessToken(tokenValue);
        if (found.isEmpty() || found.get().accessTokenExpired(call.now())) {
            return refused(RuntimeResult.challenge(service, ResultCodes.of(api, 3, 1), "UNAUTHORIZED", "Bearer",
                    "invalid_token", "The access token does not exist or has expired."));
        }
        TokenRecord token = found.get();
        String bindingProblem = binding == null ? null : TokenBinding.problem(state, token, binding.dpop(),
                binding.htm() == null ? "GET" : binding.htm(),
                binding.htu() == null ? service.endpoint("userInfoEndpoint") : binding.htu(), call.now());
        if (bindingProblem != null) {
            return refused(RuntimeResult.challenge(service, ResultCodes.of(api, 3, 2), "UNAUTHORIZED", "DPoP", "invalid_token", bindingProblem));
        }
        CertificateBinding.Mismatch mismatch = binding == null ? null : CertificateBinding.check(token, binding.clientCertificate());
        if (mismatch != null) {
            return refused(RuntimeResult.challenge(service, mismatch.resultCode(), "UNAUTHORIZED",
                    token.dpopJkt() != null ? "DPoP" : "Bearer", "invalid_token", mismatch.reason()));
        }
        Optional<ClientConfig> client = state.client(token.clientId());
        if (client.isEmpty() || client.get().locked()) {
            return refused(RuntimeResult.challenge(service, ResultCodes.of(api, 3, 3), "FORBIDDEN", "Bearer",
                    "invalid_token", "The client of the access token is locked or deleted."));
        }
        if (!token.grant().hasScope("openid")) {
            return refused(RuntimeResult.challenge(service, ResultCodes.of(api, 3, 4), "FORBIDDEN", "Bearer",
                    "insufficient_scope", "The access token does not have the 'openid' scope."));
        }
        return new Checked(token, client.get(), null);
    }

    /** The {@code claims} parameter of the authorization request the token comes from (none when it had none). */
    private static ClaimsRequest requestedClaims(TokenRecord token) {
        try {
            return ClaimsRequest.parse(token.grant().claimsRequest());
        } catch (RuntimeException unreadable) {
            return ClaimsRequest.NONE;
        }
    }

    private static Checked refused(ObjectNode body) {
        return new Checked(null, null, body);
    }

    private static boolean isStandardClaim(String name) {
        return UserClaims.BY_SCOPE.values().stream().anyMatch(list -> list.contains(name));
    }

    private static String sign(ServiceConfig service, ClientConfig client, ObjectNode userInfo, ApiCall call) throws JOSEException {
        JWKSet keys = Jwks.parse(service.jwks());
        String keyId = service.userInfoSignatureKeyId();
        JWK key = keyId != null ? keys.getKeyByKeyId(keyId) : keys.getKeys().get(0);
        JWSAlgorithm alg = JWSAlgorithm.parse(client.userInfoSignAlg());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(service.issuer())
                .audience(Long.toString(client.clientId()))
                .issueTime(Date.from(call.now()));
        Json.MAPPER.convertValue(userInfo, Map.class).forEach((k, v) -> claims.claim((String) k, v));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(), claims.build());
        jwt.sign(RandomValues.drawingFromCurrent(new DefaultJWSSignerFactory().createJWSSigner(key, alg)));
        return jwt.serialize();
    }
}
