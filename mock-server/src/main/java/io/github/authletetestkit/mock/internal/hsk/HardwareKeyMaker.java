package io.github.authletetestkit.mock.internal.hsk;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import java.util.Map;
import java.util.Set;

/**
 * Makes the key an {@code /hsk/create} request asks for: {@code kty} EC or RSA, {@code use} sig or enc, and an
 * {@code alg} that fits both. A request the HSM could not serve is refused with the reason, never half-made.
 */
public final class HardwareKeyMaker {

    /** The HSM Authlete names in its examples; used when the request names none. */
    public static final String DEFAULT_HSM = "google";

    private static final Set<String> RSA_SIGNING = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512");
    private static final Map<String, Curve> EC_SIGNING = Map.of("ES256", Curve.P_256, "ES384", Curve.P_384, "ES512", Curve.P_521);
    private static final Set<String> RSA_ENCRYPTION = Set.of("RSA-OAEP", "RSA-OAEP-256");
    private static final Set<String> EC_ENCRYPTION = Set.of("ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW");

    /** What was asked for; any member may be null. */
    public record Request(String kty, String use, String alg, String kid, String hsmName) {}

    /** Why a key cannot be made, in words for {@code resultMessage}. */
    public static final class RefusedException extends RuntimeException {
        public RefusedException(String message) {
            super(message);
        }
    }

    private HardwareKeyMaker() {}

    public static HardwareKey make(Request request) {
        String kty = required(request.kty(), "kty");
        String use = required(request.use(), "use");
        String alg = required(request.alg(), "alg");
        if (!kty.equals("EC") && !kty.equals("RSA")) {
            throw new RefusedException("The key type '" + kty + "' is not supported: use EC or RSA.");
        }
        if (!use.equals("sig") && !use.equals("enc")) {
            throw new RefusedException("The key use '" + use + "' is not supported: use sig or enc.");
        }
        if (!supported(kty, use).contains(alg)) {
            throw new RefusedException("The algorithm '" + alg + "' does not fit a " + kty + " key for " + use
                    + ": expected one of " + supported(kty, use).stream().sorted().toList() + ".");
        }
        String kid = request.kid() == null || request.kid().isBlank() ? RandomValues.keyId() : request.kid();
        String hsm = request.hsmName() == null || request.hsmName().isBlank() ? DEFAULT_HSM : request.hsmName();
        return new HardwareKey(RandomValues.token(), kty, use, alg, kid, hsm, generate(kty, use, alg, kid));
    }

    private static Set<String> supported(String kty, String use) {
        if (use.equals("sig")) {
            return kty.equals("RSA") ? RSA_SIGNING : EC_SIGNING.keySet();
        }
        return kty.equals("RSA") ? RSA_ENCRYPTION : EC_ENCRYPTION;
    }

    private static JWK generate(String kty, String use, String alg, String kid) {
        KeyUse keyUse = use.equals("sig") ? KeyUse.SIGNATURE : KeyUse.ENCRYPTION;
        Algorithm algorithm = use.equals("sig") ? JWSAlgorithm.parse(alg) : JWEAlgorithm.parse(alg);
        try {
            if (kty.equals("RSA")) {
                return new RSAKeyGenerator(2048).keyUse(keyUse).algorithm(algorithm).keyID(kid).secureRandom(RandomValues.current()).generate();
            }
            Curve curve = use.equals("sig") ? EC_SIGNING.get(alg) : Curve.P_256;
            return new ECKeyGenerator(curve).keyUse(keyUse).algorithm(algorithm).keyID(kid).secureRandom(RandomValues.current()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("The JDK cannot make a " + kty + " key: " + e.getMessage(), e);
        }
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new RefusedException("The request does not contain '" + name + "'.");
        }
        return value;
    }
}
