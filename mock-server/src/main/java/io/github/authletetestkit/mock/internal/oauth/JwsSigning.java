package io.github.authletetestkit.mock.internal.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.JWK;

/** Signs a payload with a private JWK in the key's own algorithm (ES256 for EC, RS256 for RSA when the key names none). */
public final class JwsSigning {

    private JwsSigning() {}

    public static JWSAlgorithm algorithmOf(JWK key) {
        if (key.getAlgorithm() != null) {
            return JWSAlgorithm.parse(key.getAlgorithm().getName());
        }
        return "EC".equals(key.getKeyType().getValue()) ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
    }

    /**
     * The compact JWS of {@code payload}, its header naming {@code type} and the key's {@code kid}.
     *
     * @throws IllegalArgumentException when the key cannot sign (no private part, or an algorithm it does not fit)
     */
    public static String sign(Payload payload, JOSEObjectType type, JWK key) {
        return sign(payload, type, key, algorithmOf(key));
    }

    /** As {@link #sign(Payload, JOSEObjectType, JWK)}, with an algorithm the key must fit. */
    public static String sign(Payload payload, JOSEObjectType type, JWK key, JWSAlgorithm alg) {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(alg).type(type).keyID(key.getKeyID()).build(), payload);
        try {
            jws.sign(RandomValues.drawingFromCurrent(new DefaultJWSSignerFactory().createJWSSigner(key, alg)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("The key '" + key.getKeyID() + "' cannot sign with " + alg + ": " + e.getMessage(), e);
        }
        return jws.serialize();
    }
}
