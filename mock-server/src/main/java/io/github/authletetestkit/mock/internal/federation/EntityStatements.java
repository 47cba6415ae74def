package io.github.authletetestkit.mock.internal.federation;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.internal.oauth.JwsSigning;
import java.util.Map;

/** Signs OpenID Federation entity statements ({@code typ: entity-statement+jwt}). */
public final class EntityStatements {

    /** The media type of one entity statement (OpenID Federation 1.0). */
    public static final JOSEObjectType TYPE = new JOSEObjectType("entity-statement+jwt");

    private EntityStatements() {}

    /** The signing key of a federation JWK Set: the one named {@code keyId}, else its first private signing key. */
    public static JWK signingKey(JWKSet keys, String keyId) {
        return Jwks.signingKey(keys, keyId, "federation");
    }

    /** The claims, signed with the key's own algorithm (RS256 or ES256 when the key names none). */
    public static String sign(Map<String, Object> claims, JWK key) {
        return JwsSigning.sign(new Payload(claims), TYPE, key);
    }
}
