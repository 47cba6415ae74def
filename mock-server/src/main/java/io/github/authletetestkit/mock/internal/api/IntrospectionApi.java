package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.oauth.AuthorizationDetails;
import io.github.authletetestkit.mock.internal.oauth.FormParameters;
import io.github.authletetestkit.mock.internal.oauth.IntrospectionJwt;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.internal.store.Property;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.util.List;
import java.util.Optional;

/** {@code /auth/introspection} (for the service's resource servers) and {@code /auth/introspection/standard} (RFC 7662). */
public final class IntrospectionApi {

    record IntrospectionRequest(String token, List<String> scopes, String subject, String dpop, String htm, String htu,
                                String clientCertificate) {}

    record StandardRequest(String parameters, Boolean withHiddenProperties, String rsUri, String httpAcceptHeader,
                           String introspectionSignAlg, String introspectionEncryptionAlg, String introspectionEncryptionEnc,
                           String sharedKeyForSign, String sharedKeyForEncryption, String publicKeyForEncryption) {}

    private static final int API = 56;
    private static final int STANDARD_API = 145;

    public ApiResponse introspect(ApiCall call) {
        ServiceState state = call.service();
        ServiceConfig service = state.config();
        IntrospectionRequest request = call.body(IntrospectionRequest.class);
        if (request.token() == null || request.token().isEmpty()) {
            return ApiResponse.ok(RuntimeResult.challenge(service, ResultCodes.of(API, 2, 1), "BAD_REQUEST", "Bearer",
                    "invalid_request", "The request does not contain 'token'."));
        }
        Optional<TokenRecord> found = state.byAccessToken(request.token());
        if (found.isEmpty()) {
            ObjectNode body = RuntimeResult.challenge(service, ResultCodes.of(API, 3, 1), "UNAUTHORIZED", "Bearer",
                    "invalid_token", "The access token does not exist.");
            return ApiResponse.ok(body.put("existent", false).put("usable", false).put("sufficient", false).put("refreshable", false));
        }
        TokenRecord token = found.get();
        String scheme = token.dpopJkt() != null ? "DPoP" : "Bearer";
        if (token.accessTokenExpired(call.now())) {
            ObjectNode body = RuntimeResult.challenge(service, ResultCodes.of(API, 3, 2), "UNAUTHORIZED", scheme,
                    "invalid_token", "The access token has expired.");
            putTokenInfo(body, state, token, call);
            return ApiResponse.ok(body.put("usable", false).put("sufficient", false));
        }
        String bindingProblem = TokenBinding.problem(state, token, request.dpop(), request.htm(), request.htu(), call.now());
        if (bindingProblem != null) {
            ObjectNode body = RuntimeResult.challenge(service, ResultCodes.of(89, 3, 11), "UNAUTHORIZED", "DPoP",
                    "invalid_token", bindingProblem);
            putTokenInfo(body, state, token, call);
            return ApiResponse.ok(body.put("sufficient", false));
        }
        CertificateBinding.Mismatch mismatch = CertificateBinding.check(token, request.clientCertificate());
        if (mismatch != null) {
            ObjectNode body = RuntimeResult.challenge(service, mismatch.resultCode(), "UNAUTHORIZED", scheme, "invalid_token",
                    mismatch.reason());
            putTokenInfo(body, state, token, call);
            return ApiResponse.ok(body.put("sufficient", false));
        }
        Optional<ClientConfig> client = state.client(token.clientId());
        String forbidden = null;
        String forbiddenError = "insufficient_scope";
        if (client.isEmpty() || client.get().locked()) {
            forbidden = "The client of the access token is locked or deleted.";
            forbiddenError = "invalid_token";
        } else if (request.scopes() != null && !token.grant().scopes().containsAll(request.scopes())) {
            forbidden = "The access token does not cover the required scopes " + request.scopes() + ".";
        } else if (request.subject() != null && !request.subject().equals(token.grant().subject())) {
            forbidden = "The subject of the access token differs from the required one.";
            forbiddenError = "invalid_token";
        }
        if (forbidden != null) {
            ObjectNode body = RuntimeResult.challenge(service, ResultCodes.of(API, 3, 3), "FORBIDDEN", scheme, forbiddenError, forbidden);
            putTokenInfo(body, state, token, call);
            return ApiResponse.ok(body.put("sufficient", false));
        }
        ObjectNode body = RuntimeResult.of(ResultCodes.of(API, 0, 1), "OK", "The access token is valid.");
        body.put("responseContent", "Bearer error=\"invalid_request\"");
        putTokenInfo(body, state, token, call);
        return ApiResponse.ok(body.put("sufficient", true));
    }

    private static void putTokenInfo(ObjectNode body, ServiceState state, TokenRecord token, ApiCall call) {
        body.put("clientId", token.clientId());
        state.client(token.clientId()).ifPresent(c -> body.put("clientIdAlias", c.clientIdAlias()));
        body.put("clientIdAliasUsed", false);
        body.put("expiresAt", token.accessTokenExpiresAt().toEpochMilli());
        if (token.grant().subject() != null) {
            body.put("subject", token.grant().subject());
        }
        TokenApi.putStrings(body.putArray("scopes"), token.grant().scopes());
        body.put("existent", true);
        body.put("usable", !token.accessTokenExpired(call.now()));
        body.put("refreshable", token.refreshTokenUsable(call.now()));
        TokenApi.putProperties(body, token.grant().properties());
        body.put("grantType", token.grant().grantType());
        if (token.grant().acr() != null) {
            body.put("acr", token.grant().acr());
        }
        if (token.grant().authTimeSeconds() != null) {
            body.put("authTime", token.grant().authTimeSeconds());
        }
        if (token.grant().grantId() != null) {
            body.put("grantId", token.grant().grantId());
        }
        if (token.certificateThumbprint() != null) {
            body.put("certificateThumbprint", token.certificateThumbprint());
        }
        FlowSupport.putTokenTargets(body, token);
    }

    public ApiResponse standard(ApiCall call) {
        ServiceState state = call.service();
        ServiceConfig service = state.config();
        StandardRequest request = call.body(StandardRequest.class);
        RequestParameters parsed = RequestParameters.parse(service, request.parameters(), false, null, ResultCodes.of(STANDARD_API, 3, 2));
        if (parsed.refusal() != null) {
            return parsed.refusal();
        }
        FormParameters params = parsed.params();
        String tokenValue = params.first("token");
        if (tokenValue == null || tokenValue.isEmpty()) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(STANDARD_API, 3, 1), "BAD_REQUEST", "invalid_request",
                    "The introspection request does not contain 'token' parameter."));
        }
        ObjectNode content = Json.object();
        Optional<TokenRecord> asAccess = state.byAccessToken(tokenValue).filter(t -> !t.accessTokenExpired(call.now()));
        Optional<TokenRecord> asRefresh = state.byRefreshToken(tokenValue).filter(t -> t.refreshTokenUsable(call.now()));
        Optional<TokenRecord> found = asAccess.isPresent() ? asAccess : asRefresh;
        if (found.isEmpty()) {
            content.put("active", false);
        } else {
            TokenRecord token = found.get();
            content.put("active", true);
            // as in the token response: no scope is null, never ""
            content.put("scope", token.grant().scopes().isEmpty() ? null : String.join(" ", token.grant().scopes()));
            content.put("client_id", state.client(token.clientId()).map(ClientConfig::clientIdAlias).orElse(Long.toString(token.clientId())));
            if (token.grant().subject() != null) {
                content.put("sub", token.grant().subject());
            }
            content.put("exp", (asAccess.isPresent() ? token.accessTokenExpiresAt() : token.refreshTokenExpiresAt()).getEpochSecond());
            content.put("iat", (token.lastRefreshedAt() != null ? token.lastRefreshedAt() : token.createdAt()).getEpochSecond());
            content.put("token_type", token.dpopJkt() != null ? "DPoP" : service.accessTokenType());
            content.put("iss", service.issuer());
            if (token.dpopJkt() != null) {
                content.withObjectProperty("cnf").put("jkt", token.dpopJkt());
            }
            if (token.certificateThumbprint() != null) {
                content.withObjectProperty("cnf").put("x5t#S256", token.certificateThumbprint());
            }
            if (token.grant().grantId() != null) {
                content.put("grant_id", token.grant().grantId());
            }
            if (token.audience().size() == 1) {
                content.put("aud", token.audience().get(0));
            } else if (!token.audience().isEmpty()) {
                TokenApi.putStrings(content.putArray("aud"), token.audience());
            }
            if (token.grant().authorizationDetails() != null) {
                content.set("authorization_details", AuthorizationDetails.toJson(token.grant().authorizationDetails()));
            }
            boolean withHidden = Boolean.TRUE.equals(request.withHiddenProperties());
            for (Property p : token.grant().properties()) {
                if ((withHidden || !p.hidden()) && p.key() != null && !content.has(p.key())) {
                    content.put(p.key(), p.value());
                }
            }
        }
        if (IntrospectionJwt.wanted(request.httpAcceptHeader())) {
            return ApiResponse.ok(jwtResponse(call, request, content));
        }
        ObjectNode body = RuntimeResult.of(ResultCodes.of(STANDARD_API, 0, 1), "OK", "Introspection was performed successfully.");
        body.put("responseContent", Json.write(content));
        return ApiResponse.ok(body);
    }

    /** RFC 9701: the resource server asked for {@code application/token-introspection+jwt}. */
    private static ObjectNode jwtResponse(ApiCall call, StandardRequest request, ObjectNode content) {
        ServiceConfig service = call.service().config();
        try {
            String jwt = IntrospectionJwt.make(content, service.issuer(), request.rsUri(), call.now(), Jwks.parse(service.jwks()),
                    service.toJson().path("introspectionSignatureKeyId").asText(null),
                    new IntrospectionJwt.Request(request.introspectionSignAlg(), request.introspectionEncryptionAlg(),
                            request.introspectionEncryptionEnc(), request.sharedKeyForSign(), request.sharedKeyForEncryption(),
                            request.publicKeyForEncryption()));
            ObjectNode body = RuntimeResult.of(ResultCodes.of(STANDARD_API, 0, 2), "JWT",
                    "Introspection was performed successfully; the response is a JWT.");
            return body.put("responseContent", jwt);
        } catch (IntrospectionJwt.CannotMakeException | IllegalArgumentException e) {
            return RuntimeResult.error(service, ResultCodes.of(STANDARD_API, 1, 1), "INTERNAL_SERVER_ERROR", "server_error",
                    "The JWT introspection response cannot be made: " + e.getMessage());
        }
    }
}
