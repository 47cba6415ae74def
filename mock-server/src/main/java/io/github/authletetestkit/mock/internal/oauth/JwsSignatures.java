package io.github.authletetestkit.mock.internal.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;

/**
 * Checks a JWS signature with one key, for every family the mock verifies: RSA, EC, EdDSA (on the JDK, see
 * {@link JdkEdDsa}) and HMAC (an {@code oct} key, e.g. a client secret).
 */
public final class JwsSignatures {

    private JwsSignatures() {}

    /** Whether {@code key} can check a signature made with {@code alg}: key type and curve fit the algorithm. */
    public static boolean fits(JWSAlgorithm alg, JWK key) {
        return switch (key) {
            case RSAKey ignored -> JWSAlgorithm.Family.RSA.contains(alg);
            case ECKey ec -> JWSAlgorithm.Family.EC.contains(alg) && Curve.forJWSAlgorithm(alg).contains(ec.getCurve());
            case OctetKeyPair okp -> JWSAlgorithm.Family.ED.contains(alg) && edCurveFits(alg, okp);
            case OctetSequenceKey ignored -> JWSAlgorithm.Family.HMAC_SHA.contains(alg);
            default -> false;
        };
    }

    /**
     * Whether the signature over {@code signingInput} is valid under {@code key}.
     *
     * @throws JOSEException when the key does not {@link #fits fit} the header's algorithm or cannot be used
     */
    public static boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature, JWK key) throws JOSEException {
        JWSAlgorithm alg = header.getAlgorithm();
        if (!fits(alg, key)) {
            throw new JOSEException("a key of type " + key.getKeyType() + curveOf(key) + " cannot be used with alg " + alg);
        }
        try {
            return switch (key) {
                case RSAKey rsa -> new RSASSAVerifier(rsa).verify(header, signingInput, signature);
                case ECKey ec -> new ECDSAVerifier(ec).verify(header, signingInput, signature);
                case OctetKeyPair okp -> JdkEdDsa.verify(okp, signingInput, signature.decode());
                case OctetSequenceKey oct -> new MACVerifier(oct).verify(header, signingInput, signature);
                default -> throw new JOSEException("unsupported key type " + key.getKeyType());
            };
        } catch (GeneralSecurityException e) {
            throw new JOSEException(e.getMessage(), e);
        }
    }

    /** {@code EdDSA} allows either curve; the fully-specified names (RFC 9864) fix one. */
    private static boolean edCurveFits(JWSAlgorithm alg, OctetKeyPair okp) {
        if (JWSAlgorithm.EdDSA.equals(alg)) {
            return JdkEdDsa.supports(okp.getCurve());
        }
        return alg.getName().equals(okp.getCurve().getName());
    }

    static String curveOf(JWK jwk) {
        return switch (jwk) {
            case ECKey ec -> ", crv " + ec.getCurve();
            case OctetKeyPair okp -> ", crv " + okp.getCurve();
            default -> "";
        };
    }
}
