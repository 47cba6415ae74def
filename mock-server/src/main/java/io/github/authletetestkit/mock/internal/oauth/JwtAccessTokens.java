package io.github.authletetestkit.mock.internal.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.github.authletetestkit.mock.model.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JWT access tokens (RFC 9068) as a service with {@code accessTokenSignAlg} issues them: {@code typ: at+jwt}, signed with
 * the service's key ({@code accessTokenSignatureKeyId}, else the first private key that fits the algorithm), so a
 * resource server verifies them with the service's published JWK Set. Pure: claims, keys and algorithm come in.
 */
public final class JwtAccessTokens {

    public static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");

    /**
     * The access token's claims; {@code scopes} may be empty, {@code dpopJkt} and {@code certificateThumbprint} null
     * (both null: no {@code cnf}); {@code authorizationDetails} (RFC 9396) null when none; {@code audience} the resources
     * (RFC 8707), empty when none.
     */
    public record Claims(String issuer, String subject, String clientId, List<String> scopes, Instant issuedAt,
                         Instant expiresAt, String jti, String dpopJkt, String certificateThumbprint, JsonNode authorizationDetails,
                         List<String> audience) {

        /** Claims without authorization details or an audience. */
        public Claims(String issuer, String subject, String clientId, List<String> scopes, Instant issuedAt, Instant expiresAt,
                      String jti, String dpopJkt, String certificateThumbprint) {
            this(issuer, subject, clientId, scopes, issuedAt, expiresAt, jti, dpopJkt, certificateThumbprint, null, List.of());
        }
    }

    private JwtAccessTokens() {}

    /** Whether the service's {@code accessTokenSignAlg} asks for JWT access tokens (absent or {@code NONE}: opaque ones). */
    public static boolean wanted(String accessTokenSignAlg) {
        return accessTokenSignAlg != null && !accessTokenSignAlg.isBlank() && !"NONE".equalsIgnoreCase(accessTokenSignAlg);
    }

    public static String sign(Claims claims, JWKSet serviceKeys, String keyId, String algName) {
        JWSAlgorithm alg = JWSAlgorithm.parse(algName);
        if (JWSAlgorithm.Family.HMAC_SHA.contains(alg) || !JWSAlgorithm.Family.SIGNATURE.contains(alg)) {
            throw new CannotSignException("Access tokens cannot be signed with '" + algName + "': an asymmetric algorithm is needed.");
        }
        JWK key = Jwks.signingKeyFor(serviceKeys, alg, keyId)
                .orElseThrow(() -> new CannotSignException("The service has no private key to sign access tokens with '" + alg + "'"
                        + (keyId == null || keyId.isBlank() ? "" : " and the kid '" + keyId + "'") + "."));
        try {
            return JwsSigning.sign(new Payload(payload(claims)), TYPE, key, alg);
        } catch (IllegalArgumentException e) {
            throw new CannotSignException(e.getMessage());
        }
    }

    static Map<String, Object> payload(Claims claims) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", claims.issuer());
        payload.put("sub", claims.subject() != null ? claims.subject() : claims.clientId());
        if (claims.audience().size() == 1) {
            payload.put("aud", claims.audience().get(0));
        } else if (!claims.audience().isEmpty()) {
            payload.put("aud", claims.audience());
        }
        payload.put("client_id", claims.clientId());
        if (!claims.scopes().isEmpty()) {
            payload.put("scope", String.join(" ", claims.scopes()));
        }
        payload.put("iat", claims.issuedAt().getEpochSecond());
        payload.put("exp", claims.expiresAt().getEpochSecond());
        payload.put("jti", claims.jti());
        Map<String, Object> cnf = new LinkedHashMap<>();
        if (claims.dpopJkt() != null) {
            cnf.put("jkt", claims.dpopJkt());
        }
        if (claims.certificateThumbprint() != null) {
            cnf.put("x5t#S256", claims.certificateThumbprint());
        }
        if (!cnf.isEmpty()) {
            payload.put("cnf", cnf);
        }
        if (claims.authorizationDetails() != null) {
            payload.put("authorization_details", Json.MAPPER.convertValue(claims.authorizationDetails(), List.class));
        }
        return payload;
    }
}
