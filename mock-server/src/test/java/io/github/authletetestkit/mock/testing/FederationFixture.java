package io.github.authletetestkit.mock.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small OpenID Federation for tests: a relying party (the leaf), an intermediate and a trust anchor, each with its
 * own key, and the statements that chain them. Every statement is really signed; tests break one link at a time.
 */
public final class FederationFixture {

    public static final String LEAF = "https://rp.example.com";
    public static final String INTERMEDIATE = "https://intermediate.example.com";
    public static final String DEFAULT_ANCHOR = "https://anchor.example.com";

    public final ECKey leafKey = key("leaf");
    public final ECKey intermediateKey = key("intermediate");
    public final ECKey anchorKey = key("anchor");
    public final String anchor;
    private final Instant now;

    /** A federation whose trust anchor has the entity ID {@code anchor} (a local URL where a test serves it). */
    public FederationFixture(Instant now, String anchor) {
        this.now = now;
        this.anchor = anchor;
    }

    public FederationFixture(Instant now) {
        this(now, DEFAULT_ANCHOR);
    }

    private static ECKey key(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String leafConfiguration(List<String> authorityHints) {
        Map<String, Object> rp = new LinkedHashMap<>();
        rp.put("client_name", "federated RP");
        rp.put("redirect_uris", List.of("https://rp.example.com/cb"));
        rp.put("grant_types", List.of("authorization_code"));
        rp.put("response_types", List.of("code"));
        rp.put("token_endpoint_auth_method", "private_key_jwt");
        rp.put("jwks", new JWKSet(leafKey.toPublicJWK()).toJSONObject());
        return statement(LEAF, LEAF, leafKey, leafKey, Map.of("authority_hints", authorityHints,
                "metadata", Map.of("openid_relying_party", rp)), 3600);
    }

    /** A statement by {@code issuer} about {@code subject}, carrying {@code subjectKey}, signed with {@code signer}. */
    public String statement(String issuer, String subject, ECKey subjectKey, ECKey signer, Map<String, Object> extra, long lifetime) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + lifetime);
        claims.put("jwks", new JWKSet(subjectKey.toPublicJWK()).toJSONObject());
        claims.putAll(extra);
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("entity-statement+jwt"))
                .keyID(signer.getKeyID()).build(), new Payload(claims));
        try {
            jws.sign(new ECDSASigner(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }

    public String anchorConfiguration(String fetchEndpoint) {
        return statement(anchor, anchor, anchorKey, anchorKey,
                Map.of("metadata", Map.of("federation_entity", Map.of("federation_fetch_endpoint", fetchEndpoint))), 3600);
    }

    /** leaf → intermediate → anchor, every link sound. */
    public List<String> chainThroughIntermediate() {
        return List.of(leafConfiguration(List.of(INTERMEDIATE)),
                statement(INTERMEDIATE, LEAF, leafKey, intermediateKey, Map.of(), 3600),
                statement(anchor, INTERMEDIATE, intermediateKey, anchorKey, Map.of(), 3600),
                anchorConfiguration(anchor + "/fetch"));
    }

    /** leaf → anchor directly. */
    public List<String> directChain() {
        return List.of(leafConfiguration(List.of(anchor)),
                statement(anchor, LEAF, leafKey, anchorKey, Map.of(), 3600),
                anchorConfiguration(anchor + "/fetch"));
    }

    /** The service's trust anchors as {@code service/update} takes them. */
    public List<Map<String, Object>> trustAnchors() {
        return List.of(Map.of("entityId", anchor, "jwks", new JWKSet(anchorKey.toPublicJWK()).toString()));
    }
}
