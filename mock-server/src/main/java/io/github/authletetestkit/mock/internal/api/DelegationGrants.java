package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import io.github.authletetestkit.mock.internal.jose.JoseVerifier;
import io.github.authletetestkit.mock.internal.oauth.ClientKeys;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Token exchange (RFC 8693) and the JWT bearer grant (RFC 7523) at {@code /auth/token}, as Authlete answers them:
 * it checks the request — the client may use the grant, the subject/actor tokens or the assertion are what they say
 * (its own access and refresh tokens, ID tokens it signed, well-formed unexpired JWTs) — and answers action
 * {@code TOKEN_EXCHANGE} / {@code JWT_BEARER} with what it parsed; the server decides and finishes with
 * {@code /auth/token/create}. A JWT from another issuer is checked for form and time; its signature is the server's to
 * check, unless its issuer is the service (its keys) or one of its clients (the client's keys).
 */
final class DelegationGrants {

    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Map<String, String> TOKEN_TYPES = Map.of(
            "urn:ietf:params:oauth:token-type:access_token", "ACCESS_TOKEN",
            "urn:ietf:params:oauth:token-type:refresh_token", "REFRESH_TOKEN",
            "urn:ietf:params:oauth:token-type:id_token", "ID_TOKEN",
            "urn:ietf:params:oauth:token-type:jwt", "JWT",
            "urn:ietf:params:oauth:token-type:saml1", "SAML1",
            "urn:ietf:params:oauth:token-type:saml2", "SAML2",
            "urn:openid:params:token-type:device-secret", "DEVICE_SECRET");

    /** A refusal on the way: the answer is ready. */
    private static final class Refused extends RuntimeException {
        private final transient ObjectNode body;

        Refused(ObjectNode body) {
            super(null, null, false, false);
            this.body = body;
        }
    }

    private DelegationGrants() {}

    static ObjectNode tokenExchange(TokenApi.Exchange x) {
        try {
            ServiceConfig service = x.service();
            ClientConfig client = x.client();
            if (flag(service, "tokenExchangeByConfidentialClientsOnly") && client.isPublic()) {
                throw refused(x, 60, "unauthorized_client", "Only confidential clients may use token exchange.");
            }
            if (flag(service, "tokenExchangeByPermittedClientsOnly") && !client.toJson().path("tokenExchangePermitted").asBoolean(false)) {
                throw refused(x, 61, "unauthorized_client", "The client is not permitted to use token exchange.");
            }
            ObjectNode body = RuntimeResult.of(ResultCodes.of(50, 0, 10), "TOKEN_EXCHANGE",
                    "The token exchange request was checked; the server decides and issues the token.");
            putToken(x, body, "subject", true);
            putToken(x, body, "actor", false);
            String requested = x.params().first("requested_token_type");
            if (requested != null) {
                body.put("requestedTokenType", tokenType(x, requested, "requested_token_type"));
            }
            putCommon(x, body, "TOKEN_EXCHANGE");
            ArrayNode audiences = body.putArray("audiences");
            x.params().all("audience").forEach(audiences::add);
            return body;
        } catch (Refused refusal) {
            return refusal.body;
        }
    }

    static ObjectNode jwtBearer(TokenApi.Exchange x) {
        try {
            String assertion = x.params().first("assertion");
            if (assertion == null || assertion.isEmpty()) {
                throw refused(x, 70, "invalid_request", "The token request does not contain 'assertion' parameter.");
            }
            JWT jwt = parseJwt(x, assertion, "assertion", "jwtGrantUnsignedJwtRejected", "jwtGrantEncryptedJwtRejected", 71);
            Map<String, Object> claims = claims(jwt);
            for (String required : List.of("iss", "sub", "aud", "exp")) {
                if (!claims.containsKey(required)) {
                    throw refused(x, 72, "invalid_grant", "The assertion has no '" + required + "' claim.");
                }
            }
            ServiceConfig service = x.service();
            List<String> audience = claims.get("aud") instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                    : List.of(String.valueOf(claims.get("aud")));
            if (audience.stream().noneMatch(a -> a.equals(service.issuer()) || a.equals(service.endpoint("tokenEndpoint")))) {
                throw refused(x, 73, "invalid_grant", "The assertion's aud names neither the service's issuer nor its token endpoint.");
            }
            checkTime(x, claims, "assertion", 74);
            checkSignature(x, jwt, claims, "assertion", 75);
            ObjectNode body = RuntimeResult.of(ResultCodes.of(50, 0, 11), "JWT_BEARER",
                    "The JWT bearer request was checked; the server decides and issues the token.");
            body.put("assertion", assertion);
            putCommon(x, body, "JWT_BEARER");
            return body;
        } catch (Refused refusal) {
            return refusal.body;
        }
    }

    /** {@code <role>_token} and {@code <role>_token_type}, checked, with what the service knows of the token. */
    private static void putToken(TokenApi.Exchange x, ObjectNode body, String role, boolean required) {
        String token = x.params().first(role + "_token");
        String typeParam = x.params().first(role + "_token_type");
        if (token == null || token.isEmpty()) {
            if (required) {
                throw refused(x, 62, "invalid_request", "The token request does not contain '" + role + "_token' parameter.");
            }
            if (typeParam != null) {
                throw refused(x, 63, "invalid_request", "'" + role + "_token_type' is given without '" + role + "_token'.");
            }
            return;
        }
        if (typeParam == null || typeParam.isEmpty()) {
            throw refused(x, 64, "invalid_request", "The token request does not contain '" + role + "_token_type' parameter.");
        }
        String type = tokenType(x, typeParam, role + "_token_type");
        body.put(role + "Token", token);
        body.put(role + "TokenType", type);
        switch (type) {
            case "ACCESS_TOKEN" -> body.set(role + "TokenInfo", info(x, x.state().byAccessToken(token)
                    .filter(t -> !t.accessTokenExpired(x.call().now())), role, "access token"));
            case "REFRESH_TOKEN" -> body.set(role + "TokenInfo", info(x, x.state().byRefreshToken(token)
                    .filter(t -> t.refreshTokenUsable(x.call().now())), role, "refresh token"));
            case "ID_TOKEN", "JWT" -> {
                JWT jwt = parseJwt(x, token, role + "_token", "tokenExchangeUnsignedJwtRejected", "tokenExchangeEncryptedJwtRejected", 65);
                Map<String, Object> claims = claims(jwt);
                checkTime(x, claims, role + "_token", 66);
                if (type.equals("ID_TOKEN") && !x.service().issuer().equals(claims.get("iss"))) {
                    throw refused(x, 67, "invalid_request", "The " + role + " token is not an ID token of this service (iss).");
                }
                checkSignature(x, jwt, claims, role + "_token", 68);
            }
            default -> {
                // SAML assertions and device secrets are passed on as they are: the server checks them
            }
        }
    }

    private static ObjectNode info(TokenApi.Exchange x, Optional<TokenRecord> found, String role, String what) {
        TokenRecord token = found.orElseThrow(() -> refused(x, 69, "invalid_request",
                "The " + role + " token is not a valid " + what + " of this service."));
        ObjectNode info = Json.object();
        info.put("clientId", token.clientId());
        x.state().client(token.clientId()).ifPresent(c -> info.put("clientIdAlias", c.clientIdAlias()));
        info.put("clientIdAliasUsed", false);
        if (token.grant().subject() != null) {
            info.put("subject", token.grant().subject());
        }
        ArrayNode scopes = info.putArray("scopes");
        x.service().scopeEntries(token.grant().scopes()).forEach(scopes::add);
        info.put("expiresAt", token.accessTokenExpiresAt().toEpochMilli());
        TokenApi.putProperties(info, token.grant().properties());
        return info;
    }

    /** The members both grants answer: client, requested scopes and resources, grant type. */
    private static void putCommon(TokenApi.Exchange x, ObjectNode body, String grantType) {
        body.put("clientId", x.client().clientId());
        body.put("clientIdAlias", x.client().clientIdAlias());
        body.put("clientIdAliasUsed", x.aliasUsed());
        body.put("clientAuthMethod", x.clientAuthMethod());
        body.put("grantType", grantType);
        ArrayNode scopes = body.putArray("scopes");
        String scope = x.params().first("scope");
        if (scope != null && !scope.isBlank()) {
            List.of(scope.trim().split("\\s+")).forEach(scopes::add);
        }
        ArrayNode resources = body.putArray("resources");
        for (String resource : x.params().all("resource")) {
            URI uri;
            try {
                uri = URI.create(resource);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || !uri.isAbsolute() || uri.getFragment() != null) {
                throw refused(x, 76, "invalid_target", "The resource '" + resource + "' is not an absolute URI without a fragment.");
            }
            resources.add(resource);
        }
    }

    private static String tokenType(TokenApi.Exchange x, String uri, String parameter) {
        String type = TOKEN_TYPES.get(uri);
        if (type == null) {
            throw refused(x, 77, "invalid_request", "The value of '" + parameter + "' (" + uri + ") is not a token type the service knows.");
        }
        return type;
    }

    private static JWT parseJwt(TokenApi.Exchange x, String value, String parameter, String unsignedFlag, String encryptedFlag, int seq) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(value);
        } catch (ParseException e) {
            throw refused(x, seq, "invalid_request", "The '" + parameter + "' is not a JWT.");
        }
        if (jwt instanceof PlainObject && flag(x.service(), unsignedFlag)) {
            throw refused(x, seq, "invalid_request", "The '" + parameter + "' is not signed, and the service rejects unsigned JWTs.");
        }
        if (jwt instanceof JWEObject && flag(x.service(), encryptedFlag)) {
            throw refused(x, seq, "invalid_request", "The '" + parameter + "' is encrypted, and the service rejects encrypted JWTs.");
        }
        return jwt;
    }

    private static Map<String, Object> claims(JWT jwt) {
        try {
            return jwt.getJWTClaimsSet() == null ? Map.of() : jwt.getJWTClaimsSet().toJSONObject();
        } catch (ParseException | RuntimeException e) {
            return Map.of(); // an encrypted JWT's claims are not readable here
        }
    }

    private static void checkTime(TokenApi.Exchange x, Map<String, Object> claims, String what, int seq) {
        long now = x.call().now().getEpochSecond();
        if (claims.get("exp") instanceof Number exp && exp.longValue() <= now) {
            throw refused(x, seq, "invalid_grant", "The " + what + " expired at " + Instant.ofEpochSecond(exp.longValue()) + ".");
        }
        if (claims.get("nbf") instanceof Number nbf && nbf.longValue() > now) {
            throw refused(x, seq, "invalid_grant", "The " + what + " is not valid before " + Instant.ofEpochSecond(nbf.longValue()) + ".");
        }
    }

    /** The service's own JWTs are checked with its keys, a client's with the client's; others are the server's to check. */
    private static void checkSignature(TokenApi.Exchange x, JWT jwt, Map<String, Object> claims, String what, int seq) {
        if (!(jwt instanceof JWSObject jws) || !(claims.get("iss") instanceof String issuer)) {
            return;
        }
        List<JWK> keys;
        if (issuer.equals(x.service().issuer())) {
            keys = Jwks.parse(x.service().jwks()).getKeys().stream().map(JWK::toPublicJWK).toList();
        } else {
            Optional<ClientConfig> client = x.state().findClient(issuer);
            if (client.isEmpty()) {
                return;
            }
            try {
                keys = ClientKeys.verificationKeys(client.get());
            } catch (ClientKeys.KeyProblem e) {
                throw refused(x, seq, "invalid_grant", e.getMessage());
            }
        }
        JoseVerifier.Verdict verdict = new JoseVerifier(keys, List.of()).verify(jws.serialize(), List.of(), 0, x.call().now());
        if (!verdict.signatureValid()) {
            throw refused(x, seq, "invalid_grant", "The signature of the " + what + " is not valid for its issuer '" + issuer + "'.");
        }
    }

    private static boolean flag(ServiceConfig service, String name) {
        return service.toJson().path(name).asBoolean(false);
    }

    private static Refused refused(TokenApi.Exchange x, int seq, String error, String description) {
        return new Refused(x.error(seq, error, description));
    }
}
