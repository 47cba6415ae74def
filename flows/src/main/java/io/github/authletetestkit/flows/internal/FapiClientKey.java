package io.github.authletetestkit.flows.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * A FAPI client's own ES256 key pair, made fresh per flow, and the JWTs it signs with it: client assertions
 * ({@code private_key_jwt}, RFC 7523), request objects (RFC 9101) and DPoP proofs (RFC 9449).
 */
final class FapiClientKey {

    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final ECKey key;

    private FapiClientKey(ECKey key) {
        this.key = key;
    }

    static FapiClientKey generate() {
        try {
            return new FapiClientKey(new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an EC key pair", e);
        }
    }

    /** The public JWK Set the client registers inline ({@code jwks}). */
    String publicJwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** A client assertion of {@code clientId} for {@code audience}, valid for a minute. */
    String clientAssertion(String clientId, String audience) {
        Instant now = Instant.now();
        return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), base(now, 60)
                .issuer(clientId).subject(clientId).audience(audience).build());
    }

    /** A request object of {@code clientId} for {@code audience} carrying {@code parameters}, valid for five minutes. */
    String requestObject(String clientId, String audience, Map<String, String> parameters) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = base(now, 300).issuer(clientId).audience(audience).notBeforeTime(Date.from(now));
        parameters.forEach(claims::claim);
        return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("oauth-authz-req+jwt"))
                .keyID(key.getKeyID()).build(), claims.build());
    }

    /** A DPoP proof of a {@code htm} request to {@code htu}; with {@code ath} when an access token is given. */
    String dpopProof(String htm, String htu, String accessToken) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
                .claim("htm", htm).claim("htu", htu).issueTime(new Date());
        if (accessToken != null) {
            claims.claim("ath", Fixtures.s256(accessToken));
        }
        return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt")).jwk(key.toPublicJWK()).build(),
                claims.build());
    }

    private static JWTClaimsSet.Builder base(Instant now, long lifetimeSeconds) {
        return new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(lifetimeSeconds)));
    }

    private String sign(JWSHeader header, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a JWT", e);
        }
        return jwt.serialize();
    }
}
