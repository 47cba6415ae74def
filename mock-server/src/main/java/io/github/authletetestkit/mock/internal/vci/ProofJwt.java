package io.github.authletetestkit.mock.internal.vci;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import io.github.authletetestkit.mock.internal.oauth.JwsSignatures;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A key proof of a credential request (OpenID4VCI, {@code proof_type: jwt}): typed {@code openid4vci-proof+jwt},
 * signed with an asymmetric key carried in its {@code jwk} header, addressed ({@code aud}) to the credential issuer,
 * fresh ({@code iat}) and carrying the issuer's current {@code c_nonce}. The key is what the credential is bound to.
 */
public final class ProofJwt {

    public static final String TYPE = "openid4vci-proof+jwt";
    static final long MAX_AGE_SECONDS = 300;

    /** Why a proof is refused; the credential endpoint answers {@code invalid_proof}. */
    public static final class InvalidProofException extends RuntimeException {
        public InvalidProofException(String message) {
            super(message);
        }
    }

    private ProofJwt() {}

    /** The proof's public key once every check passed. */
    public static JWK verify(String jwt, String credentialIssuer, String expectedNonce, Instant now) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(jwt);
        } catch (ParseException | NullPointerException e) {
            throw new InvalidProofException("The proof is not a signed JWT.");
        }
        if (jws.getHeader().getType() == null || !TYPE.equals(jws.getHeader().getType().getType())) {
            throw new InvalidProofException("The proof's typ must be '" + TYPE + "'.");
        }
        JWSAlgorithm alg = jws.getHeader().getAlgorithm();
        JWK key = jws.getHeader().getJWK();
        if (JWSAlgorithm.Family.HMAC_SHA.contains(alg) || key == null || key.isPrivate()) {
            throw new InvalidProofException("The proof must be signed with an asymmetric key given as a public 'jwk' header.");
        }
        try {
            if (!JwsSignatures.verify(jws.getHeader(), jws.getSigningInput(), jws.getSignature(), key)) {
                throw new InvalidProofException("The proof's signature is invalid.");
            }
        } catch (JOSEException e) {
            throw new InvalidProofException("The proof's signature cannot be checked: " + e.getMessage());
        }
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        if (claims == null) {
            throw new InvalidProofException("The proof's payload is not a JSON object.");
        }
        Object aud = claims.get("aud");
        if (!(credentialIssuer.equals(aud) || aud instanceof List<?> list && list.contains(credentialIssuer))) {
            throw new InvalidProofException("The proof's aud must be the credential issuer '" + credentialIssuer + "'.");
        }
        if (!(claims.get("iat") instanceof Number iat) || Math.abs(now.getEpochSecond() - iat.longValue()) > MAX_AGE_SECONDS) {
            throw new InvalidProofException("The proof's iat is missing or not within " + MAX_AGE_SECONDS + " seconds of now.");
        }
        if (expectedNonce != null && !expectedNonce.equals(claims.get("nonce"))) {
            throw new InvalidProofException("The proof's nonce is not the current c_nonce.");
        }
        return key;
    }
}
