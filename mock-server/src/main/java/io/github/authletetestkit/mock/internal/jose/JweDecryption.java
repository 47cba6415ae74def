package io.github.authletetestkit.mock.internal.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.factories.DefaultJWEDecrypterFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import java.security.Key;
import java.util.List;
import java.util.Optional;

/** Decrypts a JWE with whichever of the given private keys it was made for (the one its {@code kid} names, else each in turn). */
public final class JweDecryption {

    private JweDecryption() {}

    /** The decrypted payload; empty when no key decrypts it. */
    public static Optional<Payload> decrypt(JWEObject jwe, List<JWK> keys) {
        String kid = jwe.getHeader().getKeyID();
        DefaultJWEDecrypterFactory factory = new DefaultJWEDecrypterFactory();
        for (JWK key : keys) {
            if (kid != null && !kid.equals(key.getKeyID()) || !key.isPrivate()) {
                continue;
            }
            try {
                jwe.decrypt(factory.createJWEDecrypter(jwe.getHeader(), privateKey(key)));
                return Optional.of(jwe.getPayload());
            } catch (JOSEException | IllegalStateException e) {
                // this key is not the one: try the next
            }
        }
        return Optional.empty();
    }

    private static Key privateKey(JWK key) throws JOSEException {
        if (key instanceof AsymmetricJWK asymmetric) {
            return asymmetric.toPrivateKey();
        }
        if (key instanceof OctetSequenceKey oct) {
            return oct.toSecretKey();
        }
        throw new JOSEException("unsupported key type " + key.getKeyType());
    }
}
