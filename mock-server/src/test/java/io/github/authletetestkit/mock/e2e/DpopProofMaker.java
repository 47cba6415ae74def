package io.github.authletetestkit.mock.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.authletetestkit.mock.internal.oauth.TokenHashes;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** DPoP proofs (RFC 9449) as a client makes them, for the tests that bind tokens to a key. */
final class DpopProofMaker {

    private DpopProofMaker() {}

    /** A proof with a fresh {@code jti}; with {@code ath} when an access token is given. */
    static String proof(ECKey key, String htm, String htu, String accessToken, Instant issuedAt) {
        return proof(key, htm, htu, accessToken, UUID.randomUUID().toString(), issuedAt);
    }

    static String proof(ECKey key, String htm, String htu, String accessToken, String jti, Instant issuedAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().jwtID(jti).claim("htm", htm).claim("htu", htu)
                .issueTime(Date.from(issuedAt));
        if (accessToken != null) {
            claims.claim("ath", TokenHashes.sha256Base64Url(accessToken));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
                .jwk(key.toPublicJWK()).build(), claims.build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
