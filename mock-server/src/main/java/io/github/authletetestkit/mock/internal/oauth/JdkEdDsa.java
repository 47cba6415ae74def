package io.github.authletetestkit.mock.internal.oauth;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/**
 * EdDSA (RFC 8037) signature verification on the JDK's own Ed25519/Ed448 support. Nimbus' EdDSA classes
 * need Google Tink, which this module does not ship.
 */
final class JdkEdDsa {

    /** DER SubjectPublicKeyInfo header preceding a raw Ed25519 / Ed448 public key (RFC 8410 4). */
    private static final byte[] ED25519_SPKI_PREFIX = hex("302a300506032b6570032100");
    private static final byte[] ED448_SPKI_PREFIX = hex("3043300506032b6571033a00");

    private JdkEdDsa() {}

    /** True for the curves this class can verify with. */
    static boolean supports(Curve curve) {
        return Curve.Ed25519.equals(curve) || Curve.Ed448.equals(curve);
    }

    /**
     * @throws GeneralSecurityException when the key is malformed (e.g. wrong length of {@code x})
     * @throws IllegalArgumentException when the curve is not {@link #supports(Curve) supported}
     */
    static boolean verify(OctetKeyPair key, byte[] signingInput, byte[] signature) throws GeneralSecurityException {
        if (!supports(key.getCurve())) {
            throw new IllegalArgumentException("Not an EdDSA curve: " + key.getCurve());
        }
        String algorithm = key.getCurve().getName();
        byte[] prefix = Curve.Ed25519.equals(key.getCurve()) ? ED25519_SPKI_PREFIX : ED448_SPKI_PREFIX;
        byte[] raw = key.getX().decode();
        byte[] spki = new byte[prefix.length + raw.length];
        System.arraycopy(prefix, 0, spki, 0, prefix.length);
        System.arraycopy(raw, 0, spki, prefix.length, raw.length);
        PublicKey publicKey = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(signingInput);
        return verifier.verify(signature);
    }

    private static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
