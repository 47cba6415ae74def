package io.github.authletetestkit.mock.federation;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.github.authletetestkit.mock.oauth.JwsSigning;
import java.util.Map;

/** Signs OpenID Federation entity statements ({@code typ: entity-statement+jwt}). */
public final class EntityStatements {

    /** The media type of one entity statement (OpenID Federation 1.0). */
    public static final JOSEObjectType TYPE = new JOSEObjectType("entity-statement+jwt");

    private EntityStatements() {}

    /**
     * The signing key: the one named {@code keyId}, else the first private signing key of the set.
     *
     * @throws IllegalArgumentException when the set holds no key to sign with
     */
    public static JWK signingKey(JWKSet keys, String keyId) {
        return keys.getKeys().stream()
                .filter(JWK::isPrivate)
                .filter(k -> keyId == null || keyId.equals(k.getKeyID()))
                .filter(k -> k.getKeyUse() == null || "sig".equals(k.getKeyUse().identifier()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(keyId == null ? "The federation JWK Set holds no private signing key."
                        : "The federation JWK Set holds no private signing key with the kid '" + keyId + "'."));
    }

    /** The claims, signed with the key's own algorithm (RS256 or ES256 when the key names none). */
    public static String sign(Map<String, Object> claims, JWK key) {
        return JwsSigning.sign(new Payload(claims), TYPE, key);
    }
}
