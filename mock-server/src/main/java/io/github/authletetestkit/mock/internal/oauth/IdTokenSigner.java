package io.github.authletetestkit.mock.internal.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Signs OIDC ID tokens (OIDC Core 2) with a key of the service's JWK Set (reference 3.20). */
public final class IdTokenSigner {

    /** Used when neither the caller nor the chosen key names an algorithm (OIDC Core 3.1.3.7: RS256 is the default). */
    public static final String DEFAULT_ALGORITHM = "RS256";

    /** Algorithms the JDK alone can sign with (EdDSA and ES256K would need extra crypto libraries). */
    private static final Set<JWSAlgorithm> SUPPORTED = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512)));

    /** Claims only the record may set: extra claims must not be able to forge identity, audience or lifetime. */
    private static final Set<String> PROTECTED_CLAIMS = Set.of("iss", "sub", "aud", "exp", "iat", "nonce");

    private static final int MIN_RSA_BITS = 2048;

    private IdTokenSigner() {}

    /**
     * The content of an ID token. Null optional members are left out of the token.
     *
     * @param audience        the client ID(s); serialised as a string unless {@code audienceAsArray} or several
     * @param authTimeSeconds {@code auth_time} in epoch seconds, or null
     * @param extraClaims     further claims (e.g. from the issue call's {@code claims}); they never replace a
     *                        claim this record sets and never set {@code iss/sub/aud/exp/iat/nonce}
     */
    public record IdTokenClaims(String issuer, String subject, List<String> audience, boolean audienceAsArray,
                                Instant issuedAt, Instant expiresAt, Long authTimeSeconds, String nonce, String acr,
                                String atHash, String cHash, String sessionId, Map<String, Object> extraClaims) {

        /** Defensive copies, so a claims object cannot change between building and signing. */
        public IdTokenClaims {
            audience = audience == null ? List.of() : List.copyOf(audience);
            // Not Map.copyOf: JSON claims may legitimately hold null values, and order should survive.
            extraClaims = extraClaims == null
                    ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extraClaims));
        }
    }

    /** The JWS algorithms {@link #sign} supports. */
    public static Set<JWSAlgorithm> supportedAlgorithms() {
        return SUPPORTED;
    }

    /**
     * Signs {@code claims} as a compact JWS with header {@code typ=JWT} and the key's {@code kid}.
     *
     * @param keyId   the {@code kid} of the key to use; null/blank picks the first key able to sign with the algorithm
     * @param algName the JWS algorithm; null/blank means the {@code alg} of the key chosen by {@code keyId},
     *                else {@value #DEFAULT_ALGORITHM}
     * @throws IdTokenException when a mandatory claim is missing, the algorithm is unsupported, or no usable
     *                          private key exists (Authlete answers {@code INTERNAL_SERVER_ERROR} then)
     */
    public static String sign(IdTokenClaims claims, JWKSet keys, String keyId, String algName) {
        Objects.requireNonNull(claims, "claims");
        requireMandatoryClaims(claims);
        if (keys == null || keys.getKeys().isEmpty()) {
            throw new IdTokenException("There is no JWK Set to sign the ID token with.");
        }
        JWK keyById = null;
        if (!isBlank(keyId)) {
            keyById = keys.getKeyByKeyId(keyId);
            if (keyById == null) {
                throw new IdTokenException("The JWK Set has no key with kid '" + keyId + "' to sign the ID token with.");
            }
        }
        JWSAlgorithm alg = algorithm(algName, keyById);
        if (!SUPPORTED.contains(alg)) {
            throw new IdTokenException("The ID token signing algorithm '" + alg + "' is not supported; use one of "
                    + SUPPORTED + ".");
        }
        JWK key = keyById != null ? requireUsable(keyById, alg) : firstUsable(keys, alg);
        JWSHeader header = new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build();
        JWSObject jws = new JWSObject(header, new Payload(payloadJson(claims)));
        try {
            jws.sign(signer(key));
        } catch (JOSEException e) {
            throw new IdTokenException("Signing the ID token with " + alg + " failed: " + e.getMessage(), e);
        }
        return jws.serialize();
    }

    private static void requireMandatoryClaims(IdTokenClaims claims) {
        // OIDC Core 2: iss, sub, aud, exp and iat are REQUIRED.
        if (isBlank(claims.issuer())) {
            throw new IdTokenException("The ID token needs an issuer; the service has no 'issuer'.");
        }
        if (isBlank(claims.subject())) {
            throw new IdTokenException("The ID token needs a subject.");
        }
        if (claims.audience().isEmpty()) {
            throw new IdTokenException("The ID token needs an audience.");
        }
        if (claims.issuedAt() == null || claims.expiresAt() == null) {
            throw new IdTokenException("The ID token needs an issue time and an expiration time.");
        }
    }

    private static JWSAlgorithm algorithm(String algName, JWK keyById) {
        if (!isBlank(algName)) {
            return JWSAlgorithm.parse(algName);
        }
        if (keyById != null && keyById.getAlgorithm() != null) {
            return JWSAlgorithm.parse(keyById.getAlgorithm().getName());
        }
        return JWSAlgorithm.parse(DEFAULT_ALGORITHM);
    }

    private static JWK requireUsable(JWK key, JWSAlgorithm alg) {
        String problem = whyUnusable(key, alg);
        if (problem != null) {
            throw new IdTokenException("The key '" + key.getKeyID() + "' cannot sign the ID token with " + alg + ": "
                    + problem + ".");
        }
        return key;
    }

    private static JWK firstUsable(JWKSet keys, JWSAlgorithm alg) {
        return keys.getKeys().stream()
                .filter(key -> whyUnusable(key, alg) == null)
                .findFirst()
                .orElseThrow(() -> new IdTokenException(
                        "The JWK Set has no private signing key usable with " + alg + " for the ID token."));
    }

    /** Null when {@code key} can sign with {@code alg}, else the reason (for the error message). */
    static String whyUnusable(JWK key, JWSAlgorithm alg) {
        if (!key.isPrivate()) {
            return "it has no private part";
        }
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            return "its use is '" + key.getKeyUse().identifier() + "', not 'sig'";
        }
        if (key.getKeyOperations() != null && !key.getKeyOperations().contains(KeyOperation.SIGN)) {
            return "its key_ops do not include 'sign'";
        }
        if (key.getAlgorithm() != null && !key.getAlgorithm().getName().equals(alg.getName())) {
            return "it is restricted to '" + key.getAlgorithm().getName() + "'";
        }
        if (JWSAlgorithm.Family.RSA.contains(alg)) {
            if (!(key instanceof RSAKey rsa)) {
                return "it is not an RSA key";
            }
            return rsa.size() < MIN_RSA_BITS ? "it is shorter than " + MIN_RSA_BITS + " bits" : null;
        }
        // Only EC algorithms remain in SUPPORTED.
        if (!(key instanceof ECKey ec)) {
            return "it is not an EC key";
        }
        return Curve.forJWSAlgorithm(alg).contains(ec.getCurve()) ? null : "its curve " + ec.getCurve() + " does not match";
    }

    private static JWSSigner signer(JWK key) throws JOSEException {
        return RandomValues.drawingFromCurrent(key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key));
    }

    /** Claims in a stable, conventional order; Jackson rather than Nimbus so that {@code aud} can be a 1-element array. */
    static String payloadJson(IdTokenClaims claims) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", claims.issuer());
        payload.put("sub", claims.subject());
        payload.put("aud", claims.audienceAsArray() || claims.audience().size() > 1
                ? claims.audience() : claims.audience().get(0));
        payload.put("exp", claims.expiresAt().getEpochSecond());
        payload.put("iat", claims.issuedAt().getEpochSecond());
        putIfPresent(payload, "auth_time", claims.authTimeSeconds());
        putIfPresent(payload, "nonce", claims.nonce());
        putIfPresent(payload, "acr", claims.acr());
        putIfPresent(payload, "at_hash", claims.atHash());
        putIfPresent(payload, "c_hash", claims.cHash());
        putIfPresent(payload, "sid", claims.sessionId());
        claims.extraClaims().forEach((name, value) -> {
            if (!PROTECTED_CLAIMS.contains(name) && !payload.containsKey(name)) {
                payload.put(name, value);
            }
        });
        try {
            return OAuthJson.MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IdTokenException("An extra ID token claim cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void putIfPresent(Map<String, Object> payload, String name, Object value) {
        if (value != null) {
            payload.put(name, value);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
