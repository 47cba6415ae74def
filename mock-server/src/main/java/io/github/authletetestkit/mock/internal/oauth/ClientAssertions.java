package io.github.authletetestkit.mock.internal.oauth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.authletetestkit.mock.internal.jose.JoseVerifier;
import io.github.authletetestkit.mock.model.ClientConfig;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * JWT client authentication (RFC 7523 section 2.2, OpenID Connect Core section 9): {@code private_key_jwt} with the
 * client's public keys, {@code client_secret_jwt} with its secret. Pure: the client, the accepted audiences and the
 * clock come in; the checked assertion goes out, or {@link InvalidClientCredentialsException} saying why not. The
 * one-time use of {@code jti} is the caller's to record.
 */
public final class ClientAssertions {

    /** The only {@code client_assertion_type} there is for JWT client authentication. */
    public static final String JWT_BEARER_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /** A verified assertion: the method it stands for and what its one-time use is recorded by. */
    public record Checked(String method, String jti, Instant expiresAt) {}

    private ClientAssertions() {}

    /** The client the assertion claims to be ({@code sub}, else {@code iss}), read before anything is verified. */
    public static String claimedClient(String assertion) {
        JWTClaimsSet claims = parse(assertion).claims;
        return claims.getSubject() != null ? claims.getSubject() : claims.getIssuer();
    }

    /**
     * @param audiences   the values {@code aud} may hold (the service's issuer and endpoints)
     * @param skewSeconds how far the clocks may differ
     */
    public static Checked verify(String assertion, ClientConfig client, Collection<String> audiences, Instant now, long skewSeconds) {
        Parsed parsed = parse(assertion);
        JWSAlgorithm alg = parsed.jwt.getHeader().getAlgorithm();
        boolean hmac = JWSAlgorithm.Family.HMAC_SHA.contains(alg);
        String method = hmac ? "CLIENT_SECRET_JWT" : "PRIVATE_KEY_JWT";
        if (client.tokenAuthSignAlg() != null && !client.tokenAuthSignAlg().equals(alg.getName())) {
            throw invalid("The client assertion is signed with " + alg + ", but the client's tokenAuthSignAlg is "
                    + client.tokenAuthSignAlg() + ".");
        }
        JoseVerifier.Verdict verdict = new JoseVerifier(keys(client, hmac), List.of())
                .verify(assertion, List.of(), skewSeconds, now);
        if (!verdict.signatureValid()) {
            throw invalid("The signature of the client assertion is not valid: " + String.join(" ", verdict.errorDescriptions()));
        }
        JWTClaimsSet claims = parsed.claims;
        if (claims.getIssuer() == null || !client.isIdentifiedBy(claims.getIssuer())) {
            throw invalid("The 'iss' claim of the client assertion is not the client ID.");
        }
        if (claims.getSubject() == null || !client.isIdentifiedBy(claims.getSubject())) {
            throw invalid("The 'sub' claim of the client assertion is not the client ID.");
        }
        if (claims.getAudience().stream().noneMatch(audiences::contains)) {
            throw invalid("The 'aud' claim of the client assertion names neither the issuer nor an endpoint of the service: "
                    + claims.getAudience() + ".");
        }
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw invalid("The client assertion has no 'exp' claim.");
        }
        if (!now.minusSeconds(skewSeconds).isBefore(exp.toInstant())) {
            throw invalid("The client assertion expired at " + exp.toInstant() + ".");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plusSeconds(skewSeconds).isBefore(nbf.toInstant())) {
            throw invalid("The client assertion is not valid before " + nbf.toInstant() + ".");
        }
        if (claims.getJWTID() == null || claims.getJWTID().isEmpty()) {
            throw invalid("The client assertion has no 'jti' claim.");
        }
        return new Checked(method, claims.getJWTID(), exp.toInstant());
    }

    private static List<JWK> keys(ClientConfig client, boolean hmac) {
        if (hmac) {
            if (client.clientSecret() == null || client.clientSecret().isEmpty()) {
                throw invalid("The client assertion is signed with a MAC, but the client has no secret.");
            }
            return List.of(new OctetSequenceKey.Builder(client.clientSecret().getBytes(StandardCharsets.UTF_8)).build());
        }
        List<JWK> keys;
        try {
            keys = ClientKeys.publicKeys(client);
        } catch (ClientKeys.KeyProblem e) {
            throw invalid(e.getMessage());
        }
        if (keys.isEmpty()) {
            throw invalid("The client has registered neither 'jwks' nor 'jwksUri' to verify its client assertion with.");
        }
        return keys;
    }

    private record Parsed(SignedJWT jwt, JWTClaimsSet claims) {}

    private static Parsed parse(String assertion) {
        try {
            SignedJWT jwt = SignedJWT.parse(assertion.trim());
            return new Parsed(jwt, jwt.getJWTClaimsSet());
        } catch (ParseException e) {
            throw invalid("The client assertion is not a signed JWT: " + e.getMessage());
        }
    }

    private static InvalidClientCredentialsException invalid(String message) {
        return new InvalidClientCredentialsException(message);
    }
}
