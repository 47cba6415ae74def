package io.github.authletetestkit.mock.internal.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JoseVerifierTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final String SECRET = "a-client-secret-that-is-long-enough-for-hs256-keys";
    private static ECKey signingKey;
    private static ECKey otherKey;
    private static RSAKey encryptionKey;

    @BeforeAll
    static void keys() throws Exception {
        signingKey = new ECKeyGenerator(Curve.P_256).keyID("sig-1").generate();
        otherKey = new ECKeyGenerator(Curve.P_256).keyID("sig-1").generate();
        encryptionKey = new RSAKeyGenerator(2048).keyID("enc-1").generate();
    }

    private static JoseVerifier verifier() {
        return new JoseVerifier(List.of(signingKey.toPublicJWK()), List.of(encryptionKey));
    }

    private static String signed(JWTClaimsSet claims, ECKey key) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new Payload(claims.toJSONObject()));
        jws.sign(new ECDSASigner(key));
        return jws.serialize();
    }

    private static JWTClaimsSet claims(long expOffsetSeconds) {
        return new JWTClaimsSet.Builder().issuer("https://as.example.com").subject("alice")
                .expirationTime(Date.from(NOW.plusSeconds(expOffsetSeconds))).issueTime(Date.from(NOW.minusSeconds(10))).build();
    }

    @Test
    void aWellSignedCurrentObjectIsValid() throws Exception {
        JoseVerifier.Verdict verdict = verifier().verify(signed(claims(60), signingKey), List.of("iss", "sub"), 0, NOW);

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.signatureValid()).isTrue();
        assertThat(verdict.missingClaims()).isEmpty();
        assertThat(verdict.invalidClaims()).isEmpty();
        assertThat(verdict.errorDescriptions()).isEmpty();
    }

    @Test
    void garbageIsNeitherValidNorSigned() {
        JoseVerifier.Verdict verdict = verifier().verify("not.a.jwt", List.of(), 0, NOW);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.signatureValid()).isFalse();
        assertThat(verdict.errorDescriptions()).singleElement().asString().startsWith("The JOSE object cannot be parsed");
    }

    @Test
    void aSignatureByAnotherKeyWithTheSameKidIsInvalid() throws Exception {
        JoseVerifier.Verdict verdict = verifier().verify(signed(claims(60), otherKey), List.of(), 0, NOW);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.signatureValid()).isFalse();
        assertThat(verdict.errorDescriptions()).containsExactly("The signature is invalid.");
    }

    @Test
    void aTamperedPayloadBreaksTheSignature() throws Exception {
        String[] parts = signed(claims(60), signingKey).split("\\.");
        String forged = parts[0] + "." + Base64URL.encode("{\"sub\":\"admin\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(verifier().verify(forged, List.of(), 0, NOW).signatureValid()).isFalse();
    }

    @Test
    void noKeyOfTheRightKindSaysSo() throws Exception {
        JoseVerifier.Verdict verdict = new JoseVerifier(List.of(encryptionKey.toPublicJWK()), List.of())
                .verify(signed(claims(60), signingKey), List.of(), 0, NOW);

        assertThat(verdict.signatureValid()).isFalse();
        assertThat(verdict.errorDescriptions()).containsExactly("No key to verify the signature with (alg ES256, kid 'sig-1').");
    }

    @Test
    void missingMandatoryClaimsAreListed() throws Exception {
        JoseVerifier.Verdict verdict = verifier().verify(signed(claims(60), signingKey), List.of("sub", "aud", "nonce"), 0, NOW);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.signatureValid()).isTrue();
        assertThat(verdict.missingClaims()).containsExactly("aud", "nonce");
    }

    @Test
    void anExpiredObjectIsInvalidUnlessTheSkewCoversIt() throws Exception {
        String expired = signed(claims(-30), signingKey);

        JoseVerifier.Verdict strict = verifier().verify(expired, List.of(), 0, NOW);
        JoseVerifier.Verdict lenient = verifier().verify(expired, List.of(), 60, NOW);

        assertThat(strict.invalidClaims()).containsExactly("exp");
        assertThat(strict.valid()).isFalse();
        assertThat(lenient.valid()).isTrue();
    }

    @Test
    void notBeforeAndIssuedAtInTheFutureAreInvalid() throws Exception {
        JWTClaimsSet future = new JWTClaimsSet.Builder().notBeforeTime(Date.from(NOW.plusSeconds(300)))
                .issueTime(Date.from(NOW.plusSeconds(300))).build();

        assertThat(verifier().verify(signed(future, signingKey), List.of(), 10, NOW).invalidClaims()).containsExactly("nbf", "iat");
    }

    @Test
    void anUnsignedObjectIsNotValid() {
        JoseVerifier.Verdict verdict = verifier().verify(new PlainJWT(claims(60)).serialize(), List.of(), 0, NOW);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.signatureValid()).isFalse();
        assertThat(verdict.errorDescriptions()).contains("The JOSE object is not signed (alg none).");
    }

    @Test
    void anHmacSignatureIsCheckedWithTheSecret() throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(claims(60).toJSONObject()));
        jws.sign(new MACSigner(SECRET));
        JWK secret = new OctetSequenceKey.Builder(SECRET.getBytes(StandardCharsets.UTF_8)).build();
        JWK wrong = new OctetSequenceKey.Builder("another-secret-that-is-long-enough-for-hs256!!".getBytes(StandardCharsets.UTF_8)).build();

        assertThat(new JoseVerifier(List.of(secret), List.of()).verify(jws.serialize(), List.of(), 0, NOW).valid()).isTrue();
        assertThat(new JoseVerifier(List.of(wrong), List.of()).verify(jws.serialize(), List.of(), 0, NOW).valid()).isFalse();
    }

    @Test
    void aJweIsDecryptedThenItsNestedSignatureChecked() throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM)
                .keyID("enc-1").contentType("JWT").build(), new Payload(signed(claims(60), signingKey)));
        jwe.encrypt(new RSAEncrypter(encryptionKey.toRSAPublicKey()));

        assertThat(verifier().verify(jwe.serialize(), List.of("sub"), 0, NOW).valid()).isTrue();
    }

    @Test
    void aJweForAnotherKeyCannotBeDecrypted() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("enc-1").generate();
        JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM),
                new Payload(signed(claims(60), signingKey)));
        jwe.encrypt(new RSAEncrypter(stranger.toRSAPublicKey()));

        JoseVerifier.Verdict verdict = verifier().verify(jwe.serialize(), List.of(), 0, NOW);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.errorDescriptions()).containsExactly("The JWE cannot be decrypted with any key of the service.");
    }
}
