package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.github.authletetestkit.mock.internal.oauth.IdTokenException;
import io.github.authletetestkit.mock.internal.oauth.IdTokenSigner;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.internal.oauth.TokenHashes;
import io.github.authletetestkit.mock.internal.store.Grant;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds and signs ID tokens from a grant, with the service's key and lifetimes (OIDC Core 2, 3.1.3.6). */
final class IdTokens {

    private IdTokens() {}

    /**
     * @param accessToken issued beside the ID token, or null (gives {@code at_hash})
     * @param code issued beside the ID token, or null (gives {@code c_hash})
     * @throws IdTokenException when the service has no usable signing key
     */
    static String issue(ServiceConfig service, ClientConfig client, Grant grant, Instant now, String accessToken, String code,
                        boolean clientIdAliasUsed) {
        if (service.jwks() == null || service.jwks().isEmpty()) {
            throw new IdTokenException("The service has no JWK Set to sign ID tokens with.");
        }
        JWKSet keys = Jwks.parse(service.jwks());
        String keyId = service.idTokenSignatureKeyId();
        String alg = algorithm(keys, keyId, client.idTokenSignAlg());
        JWSAlgorithm jwsAlg = JWSAlgorithm.parse(alg);
        String audience = clientIdAliasUsed ? client.clientIdAlias() : Long.toString(client.clientId());
        String audType = grant.idTokenAudType() != null ? grant.idTokenAudType() : service.idTokenAudType();
        IdTokenSigner.IdTokenClaims claims = new IdTokenSigner.IdTokenClaims(
                service.issuer(),
                grant.sub() != null ? grant.sub() : grant.subject(),
                List.of(audience),
                "array".equals(audType),
                now,
                now.plusSeconds(service.idTokenDuration()),
                grant.authTimeSeconds() != null && grant.authTimeSeconds() > 0 ? grant.authTimeSeconds() : null,
                grant.nonce(),
                grant.acr(),
                accessToken == null ? null : TokenHashes.halfHash(accessToken, jwsAlg),
                code == null ? null : TokenHashes.halfHash(code, jwsAlg),
                grant.sessionId(),
                extraClaims(grant.claims()));
        return IdTokenSigner.sign(claims, keys, keyId, alg);
    }

    /** The key's own algorithm when it names one, else the client's registered one, else RS256. */
    private static String algorithm(JWKSet keys, String keyId, String clientAlg) {
        JWK key = keyId == null ? null : keys.getKeyByKeyId(keyId);
        if (key != null && key.getAlgorithm() != null) {
            return key.getAlgorithm().getName();
        }
        return clientAlg == null || clientAlg.equals("NONE") ? "RS256" : clientAlg;
    }

    private static Map<String, Object> extraClaims(String claimsJson) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (claimsJson == null || claimsJson.isBlank()) {
            return out;
        }
        JsonNode parsed = Json.parse(claimsJson);
        if (parsed.isObject()) {
            parsed.fields().forEachRemaining(e -> out.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class)));
        }
        return out;
    }
}
