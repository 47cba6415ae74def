package io.github.authletetestkit.flows.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;

/**
 * A JARM authorization response (a redirect carrying one {@code response} JWT), checked against the service's
 * published JWK Set the way a client checks it.
 */
final class JarmResponse {

    private JarmResponse() {
    }

    /**
     * The claims of the {@code response} JWT of {@code location}, once its signature verifies with the key of
     * {@code jwkSet} its header names.
     */
    static JWTClaimsSet verifiedClaims(FlowContext ctx, String location, String jwkSet) {
        String response = Fixtures.redirectParameter(location, "response");
        ctx.check(response != null, "the redirect URI carries no JARM 'response' parameter: " + location);
        ctx.check(Fixtures.redirectParameter(location, "code") == null, "the JARM redirect URI carries the code in the clear");
        try {
            SignedJWT jwt = SignedJWT.parse(response);
            JWK key = JWKSet.parse(jwkSet).getKeyByKeyId(jwt.getHeader().getKeyID());
            ctx.check(key instanceof AsymmetricJWK, "the service's JWK Set has no public key '" + jwt.getHeader().getKeyID() + "'");
            boolean valid = jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(),
                    ((AsymmetricJWK) key).toPublicKey()));
            ctx.check(valid, "the JARM response's signature does not verify with the service's published key");
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new FlowFailure("the JARM response cannot be read: " + e.getMessage());
        }
    }
}
