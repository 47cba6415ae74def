package io.github.authletetestkit.mock.internal.oauth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JWT Secured Authorization Response Mode (JARM): the authorization response's parameters, success or error, as the
 * claims of one JWT with {@code iss} (the service), {@code aud} (the client) and {@code exp}, signed with the service's
 * key in the client's {@code authorizationSignAlg} (default {@code RS256}; {@code HS*} with the client secret). Pure.
 */
public final class JarmResponses {

    public static final String DEFAULT_ALGORITHM = "RS256";
    /** How long a response JWT is valid when the service sets no {@code authorizationResponseDuration}. */
    public static final long DEFAULT_LIFETIME_SECONDS = 600;

    /** A key and an algorithm able to sign the response. */
    public record Signer(JWK key, JWSAlgorithm alg) {

        /** The compact JWS of {@code params} (the redirect's parameters; an {@code iss} among them is the claim's). */
        public String sign(Map<String, String> params, String issuer, String audience, Instant now, long lifetimeSeconds) {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", issuer);
            claims.put("aud", audience);
            claims.put("exp", now.getEpochSecond() + lifetimeSeconds);
            params.forEach((name, value) -> {
                if (!name.equals("iss") && value != null) {
                    claims.put(name, value);
                }
            });
            return JwsSigning.sign(new Payload(claims), JOSEObjectType.JWT, key, alg);
        }
    }

    private JarmResponses() {}

    /**
     * The signer for a client's responses.
     *
     * @param algName      the client's {@code authorizationSignAlg}; null for the default
     * @param keyId        the service's {@code authorizationSignatureKeyId}; null for the first key that fits
     * @param clientSecret the HMAC key for {@code HS*}
     * @throws CannotSignException when no key fits
     */
    public static Signer signer(JWKSet serviceKeys, String keyId, String algName, String clientSecret) {
        JWSAlgorithm alg = JWSAlgorithm.parse(algName == null || algName.isBlank() ? DEFAULT_ALGORITHM : algName);
        if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
            if (clientSecret == null || clientSecret.isEmpty()) {
                throw new CannotSignException("The authorization response cannot be signed with " + alg + ": the client has no secret.");
            }
            return new Signer(new OctetSequenceKey.Builder(clientSecret.getBytes(StandardCharsets.UTF_8)).build(), alg);
        }
        if (!JWSAlgorithm.Family.SIGNATURE.contains(alg)) {
            throw new CannotSignException("The authorization response cannot be signed with '" + algName + "'.");
        }
        return new Signer(Jwks.signingKeyFor(serviceKeys, alg, keyId).orElseThrow(() -> new CannotSignException(
                "The service has no private key to sign authorization responses with " + alg
                        + (keyId == null || keyId.isBlank() ? "" : " and the kid '" + keyId + "'") + ".")), alg);
    }
}
