package io.github.authletetestkit.mock.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Client assertions (RFC 7523) as a client makes them, and the test certificates, for the client-authentication tests. */
public final class ClientAssertionMaker {

    public static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private ClientAssertionMaker() {}

    /** The claims a valid assertion of {@code clientId} for {@code audience} has, valid for a minute from {@code now}. */
    public static JWTClaimsSet.Builder claims(String clientId, String audience, Instant now) {
        return new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(audience)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)));
    }

    /** The claims of {@link #claims}, changed by {@code change}, signed with {@code key} in {@code alg}. */
    public static String sign(JWK key, JWSAlgorithm alg, String clientId, String audience, Instant now,
                              UnaryOperator<JWTClaimsSet.Builder> change) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(),
                change.apply(claims(clientId, audience, now)).build());
        try {
            jwt.sign(new DefaultJWSSignerFactory().createJWSSigner(key, alg));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A {@code client_secret_jwt} assertion: HS256 with the client secret. */
    public static String withSecret(String secret, String clientId, String audience, Instant now) {
        return sign(new OctetSequenceKey.Builder(secret.getBytes(StandardCharsets.UTF_8)).build(), JWSAlgorithm.HS256,
                clientId, audience, now, c -> c);
    }

    /** A PEM certificate of the test resources: {@code client-a} (CN=client.example.com, SANs) or {@code client-b}. */
    public static String certificate(String name) {
        try (InputStream in = ClientAssertionMaker.class.getResourceAsStream("/certs/" + name + ".pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
