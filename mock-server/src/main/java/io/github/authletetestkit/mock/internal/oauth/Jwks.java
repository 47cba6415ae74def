package io.github.authletetestkit.mock.internal.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** JWK Sets of a mock service: generating signing keys, (de)serialising them. */
public final class Jwks {

    static final int RSA_KEY_BITS = 2048;

    private Jwks() {}

    /**
     * Fresh signing keys: an RSA 2048 key ({@code RS256}) and an EC P-256 key ({@code ES256}), both
     * {@code use=sig} with a random 16-character {@code kid}. The RSA key makes every call cost tens to
     * hundreds of milliseconds; use {@link #sharedDefaultKeys()} where keys need not be unique. Drawn from
     * {@link RandomValues#current()}.
     */
    public static JWKSet generateSigningKeys() {
        return generateSigningKeys(RandomValues::keyId, RandomValues::keyId);
    }

    /** Keys with these IDs (see {@link DeferredSigningKeys}); the key material drawn from {@link RandomValues#current()}. */
    static JWKSet generateSigningKeys(String rsaKeyId, String ecKeyId) {
        return generateSigningKeys(() -> rsaKeyId, () -> ecKeyId);
    }

    /** Each key ID is asked for just before its key is made, so that a seeded source gives the same sequence as ever. */
    private static JWKSet generateSigningKeys(Supplier<String> rsaKeyId, Supplier<String> ecKeyId) {
        try {
            JWK rsa = new RSAKeyGenerator(RSA_KEY_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(rsaKeyId.get())
                    .secureRandom(RandomValues.current())
                    .generate();
            JWK ec = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyID(ecKeyId.get())
                    .secureRandom(RandomValues.current())
                    .generate();
            return new JWKSet(List.of(rsa, ec));
        } catch (JOSEException e) {
            // Only thrown when the JCA lacks RSA or EC, which every Java SE platform provides.
            throw new IllegalStateException("Cannot generate signing keys: " + e.getMessage(), e);
        }
    }

    /**
     * One set of {@link #generateSigningKeys() signing keys} per JVM, generated on first use and then
     * reused, so that tests starting a server each do not pay for RSA key generation every time.
     * Servers using it share their keys: fine for tests, never for anything real.
     */
    public static JWKSet sharedDefaultKeys() {
        return SHARED.get();
    }

    /** {@link #sharedDefaultKeys()} not generated yet: their key IDs now, the keys on first use (see {@link DeferredSigningKeys}). */
    public static DeferredSigningKeys sharedDeferredKeys() {
        return SHARED;
    }

    /** Drawn from the JVM's secure source whatever scope first touches this class (a seeded mock's, say). */
    private static final DeferredSigningKeys SHARED = RandomValues.using(null, DeferredSigningKeys::new);

    /** The set as JSON with public members only, as served at the {@code jwks_uri}. */
    public static String publicJson(JWKSet set) {
        return set.toString(true);
    }

    /** The set as JSON including private members, as Authlete stores the service {@code jwks}. */
    public static String fullJson(JWKSet set) {
        return set.toString(false);
    }

    /**
     * The key to sign with: the one named {@code keyId}, else the first private key meant for signing (or for any use).
     *
     * @param setName what the set is, for the message (e.g. "federation", "credential")
     * @throws IllegalArgumentException when the set holds no such key
     */
    public static JWK signingKey(JWKSet keys, String keyId, String setName) {
        return keys.getKeys().stream()
                .filter(JWK::isPrivate)
                .filter(k -> keyId == null || keyId.equals(k.getKeyID()))
                .filter(k -> k.getKeyUse() == null || "sig".equals(k.getKeyUse().identifier()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The " + setName + " JWK Set holds no private signing key"
                        + (keyId == null ? "." : " with the kid '" + keyId + "'.")));
    }

    /** The key to sign with {@code alg}: the private key named {@code keyId} (any when null or blank) that fits the algorithm. */
    public static Optional<JWK> signingKeyFor(JWKSet keys, JWSAlgorithm alg, String keyId) {
        return keys.getKeys().stream()
                .filter(JWK::isPrivate)
                .filter(k -> keyId == null || keyId.isBlank() || keyId.equals(k.getKeyID()))
                .filter(k -> JwsSignatures.fits(alg, k))
                .findFirst();
    }

    /**
     * Parses a JWK Set document ({@code {"keys":[...]}}).
     *
     * @throws IllegalArgumentException when the text is null, blank, not JSON, or not a valid JWK Set
     */
    public static JWKSet parse(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("The JWK Set is empty; expected a JSON object with a \"keys\" array.");
        }
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("The JWK Set is not valid: " + e.getMessage(), e);
        }
    }
}
