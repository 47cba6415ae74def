package io.github.authletetestkit.mock.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.github.authletetestkit.mock.internal.oauth.IdTokenSigner.IdTokenClaims;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdTokenSignerTest {

    private static final Instant IAT = Instant.parse("2025-01-02T03:04:05Z");
    private static final Instant EXP = IAT.plusSeconds(86_400);

    /** The JVM-wide keys: an RS256 RSA key and an ES256 P-256 key, so no test pays for RSA generation. */
    private static RSAKey rsa;
    private static ECKey ec;
    private static JWKSet keys;
    /** An EC P-384 key without alg, for ES384 and curve checks. */
    private static ECKey p384;

    @BeforeAll
    static void keys() throws Exception {
        keys = Jwks.sharedDefaultKeys();
        rsa = (RSAKey) keys.getKeys().get(0);
        ec = (ECKey) keys.getKeys().get(1);
        p384 = new ECKeyGenerator(Curve.P_384).keyID("p384").generate();
    }

    private static IdTokenClaims claims() {
        return new IdTokenClaims("https://as.example.com", "alice", List.of("1234"), false, IAT, EXP,
                1_735_786_000L, "n-0S6_WzA2Mj", "urn:acr:pwd", "77QmUPtjPfzWtF2AnpK9RQ", "LDktKdoQak3Pk0cnXxCltA",
                "sid-1", Map.of());
    }

    private static IdTokenClaims minimalClaims() {
        return new IdTokenClaims("https://as.example.com", "alice", List.of("1234"), false, IAT, EXP,
                null, null, null, null, null, null, null);
    }

    private static IdTokenClaims withExtra(IdTokenClaims c, Map<String, Object> extra) {
        return new IdTokenClaims(c.issuer(), c.subject(), c.audience(), c.audienceAsArray(), c.issuedAt(), c.expiresAt(),
                c.authTimeSeconds(), c.nonce(), c.acr(), c.atHash(), c.cHash(), c.sessionId(), extra);
    }

    private static JWSObject parse(String compact) throws Exception {
        return JWSObject.parse(compact);
    }

    private static boolean verifies(JWSObject jws, JWSVerifier verifier) throws Exception {
        return jws.verify(verifier);
    }

    @Nested
    class Signing {

        @Test
        void defaultsToRs256WithTheFirstRsaKey() throws Exception {
            JWSObject jws = parse(IdTokenSigner.sign(claims(), keys, null, null));

            assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            assertThat(jws.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
            assertThat(jws.getHeader().getKeyID()).isEqualTo(rsa.getKeyID());
            assertThat(verifies(jws, new RSASSAVerifier(rsa.toPublicJWK()))).isTrue();
        }

        @Test
        void writesAllClaims() throws Exception {
            Map<String, Object> payload = parse(IdTokenSigner.sign(claims(), keys, null, null)).getPayload().toJSONObject();

            assertThat(payload).containsExactly(
                    Map.entry("iss", "https://as.example.com"),
                    Map.entry("sub", "alice"),
                    Map.entry("aud", "1234"),
                    Map.entry("exp", EXP.getEpochSecond()),
                    Map.entry("iat", IAT.getEpochSecond()),
                    Map.entry("auth_time", 1_735_786_000L),
                    Map.entry("nonce", "n-0S6_WzA2Mj"),
                    Map.entry("acr", "urn:acr:pwd"),
                    Map.entry("at_hash", "77QmUPtjPfzWtF2AnpK9RQ"),
                    Map.entry("c_hash", "LDktKdoQak3Pk0cnXxCltA"),
                    Map.entry("sid", "sid-1"));
        }

        @Test
        void leavesOutAbsentOptionalClaims() throws Exception {
            Map<String, Object> payload = parse(IdTokenSigner.sign(minimalClaims(), keys, null, null)).getPayload().toJSONObject();

            assertThat(payload).containsOnlyKeys("iss", "sub", "aud", "exp", "iat");
        }

        @Test
        void audienceAsArrayEvenWithOneClient() throws Exception {
            IdTokenClaims c = minimalClaims();
            IdTokenClaims asArray = new IdTokenClaims(c.issuer(), c.subject(), List.of("1234"), true, IAT, EXP,
                    null, null, null, null, null, null, null);

            assertThat(parse(IdTokenSigner.sign(asArray, keys, null, null)).getPayload().toJSONObject().get("aud"))
                    .isEqualTo(List.of("1234"));
        }

        @Test
        void severalAudiencesAreAlwaysAnArray() throws Exception {
            IdTokenClaims c = minimalClaims();
            IdTokenClaims several = new IdTokenClaims(c.issuer(), c.subject(), List.of("1234", "5678"), false, IAT, EXP,
                    null, null, null, null, null, null, null);

            assertThat(parse(IdTokenSigner.sign(several, keys, null, null)).getPayload().toJSONObject().get("aud"))
                    .isEqualTo(List.of("1234", "5678"));
        }

        @Test
        void es256PicksTheEcKey() throws Exception {
            JWSObject jws = parse(IdTokenSigner.sign(claims(), keys, null, "ES256"));

            assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
            assertThat(jws.getHeader().getKeyID()).isEqualTo(ec.getKeyID());
            assertThat(verifies(jws, new ECDSAVerifier(ec.toPublicJWK()))).isTrue();
        }

        @Test
        void ps256WithAnRsaKeyNotRestrictedToAnAlgorithm() throws Exception {
            RSAKey anyAlg = new RSAKey.Builder(rsa).algorithm(null).keyID("any").build();

            JWSObject jws = parse(IdTokenSigner.sign(claims(), new JWKSet(anyAlg), null, "PS256"));

            assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
            assertThat(verifies(jws, new RSASSAVerifier(anyAlg.toPublicJWK()))).isTrue();
        }

        @Test
        void es384WithAP384Key() throws Exception {
            JWSObject jws = parse(IdTokenSigner.sign(claims(), new JWKSet(List.of(ec, p384)), null, "ES384"));

            assertThat(jws.getHeader().getKeyID()).isEqualTo("p384");
            assertThat(verifies(jws, new ECDSAVerifier(p384.toPublicJWK()))).isTrue();
        }

        @Test
        void keyIdChoosesTheKeyAndItsAlgorithm() throws Exception {
            JWSObject jws = parse(IdTokenSigner.sign(claims(), keys, ec.getKeyID(), null));

            assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
            assertThat(jws.getHeader().getKeyID()).isEqualTo(ec.getKeyID());
        }

        @Test
        void keyIdWithAnExplicitAlgorithm() throws Exception {
            JWSObject jws = parse(IdTokenSigner.sign(claims(), keys, rsa.getKeyID(), "RS256"));

            assertThat(jws.getHeader().getKeyID()).isEqualTo(rsa.getKeyID());
        }

        @Test
        void keyIdOfAKeyWithoutAlgorithmDefaultsToRs256() throws Exception {
            RSAKey anyAlg = new RSAKey.Builder(rsa).algorithm(null).keyID("any").build();

            JWSObject jws = parse(IdTokenSigner.sign(claims(), new JWKSet(List.of(ec, anyAlg)), "any", null));

            assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        }

        @Test
        void blankKeyIdAndAlgorithmMeanAbsent() throws Exception {
            JWSObject jws = parse(IdTokenSigner.sign(claims(), keys, " ", ""));

            assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            assertThat(jws.getHeader().getKeyID()).isEqualTo(rsa.getKeyID());
        }

        @Test
        void headerHasNoKidWhenTheKeyHasNone() throws Exception {
            ECKey noKid = new ECKey.Builder(ec).keyID(null).build();

            assertThat(parse(IdTokenSigner.sign(claims(), new JWKSet(noKid), null, "ES256")).getHeader().getKeyID()).isNull();
        }

        @Test
        void skipsUnusableKeysWhenChoosing() throws Exception {
            RSAKey publicOnly = rsa.toPublicJWK();
            RSAKey encryption = new RSAKey.Builder(rsa).keyUse(KeyUse.ENCRYPTION).algorithm(null).keyID("enc").build();
            RSAKey good = new RSAKey.Builder(rsa).algorithm(null).keyID("good").build();

            JWSObject jws = parse(IdTokenSigner.sign(claims(), new JWKSet(List.of(ec, publicOnly, encryption, good)), null, "RS384"));

            assertThat(jws.getHeader().getKeyID()).isEqualTo("good");
            assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS384);
        }

        @Test
        void supportsTheJdkAlgorithms() {
            assertThat(IdTokenSigner.supportedAlgorithms()).contains(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256)
                    .doesNotContain(JWSAlgorithm.HS256, JWSAlgorithm.EdDSA);
        }
    }

    @Nested
    class ExtraClaims {

        @Test
        void areMergedAfterTheStandardOnes() throws Exception {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("email", "alice@example.com");
            extra.put("address", Map.of("country", "JP"));
            extra.put("groups", List.of("a", "b"));
            extra.put("age", 42);
            extra.put("verified", true);

            Map<String, Object> payload = parse(IdTokenSigner.sign(withExtra(minimalClaims(), extra), keys, null, null))
                    .getPayload().toJSONObject();

            assertThat(payload).containsEntry("email", "alice@example.com")
                    .containsEntry("address", Map.of("country", "JP"))
                    .containsEntry("groups", List.of("a", "b"))
                    .containsEntry("age", 42L)
                    .containsEntry("verified", true);
            assertThat(List.copyOf(payload.keySet())).startsWith("iss", "sub", "aud", "exp", "iat");
        }

        @Test
        void neverOverrideTheProtectedClaimsEvenWhenTheRecordLeavesThemOut() throws Exception {
            Map<String, Object> extra = Map.of("iss", "https://evil.example.com", "sub", "mallory", "aud", "other",
                    "exp", 9_999_999_999L, "iat", 1L, "nonce", "forged");

            Map<String, Object> payload = parse(IdTokenSigner.sign(withExtra(minimalClaims(), extra), keys, null, null))
                    .getPayload().toJSONObject();

            assertThat(payload).containsEntry("iss", "https://as.example.com").containsEntry("sub", "alice")
                    .containsEntry("aud", "1234").containsEntry("exp", EXP.getEpochSecond())
                    .containsEntry("iat", IAT.getEpochSecond()).doesNotContainKey("nonce");
        }

        @Test
        void neverReplaceAClaimTheRecordSets() throws Exception {
            Map<String, Object> payload = parse(IdTokenSigner.sign(withExtra(claims(), Map.of("acr", "other", "sid", "x")),
                    keys, null, null)).getPayload().toJSONObject();

            assertThat(payload).containsEntry("acr", "urn:acr:pwd").containsEntry("sid", "sid-1");
        }

        @Test
        void mayFillAClaimTheRecordLeavesOut() throws Exception {
            Map<String, Object> payload = parse(IdTokenSigner.sign(withExtra(minimalClaims(), Map.of("acr", "from-claims")),
                    keys, null, null)).getPayload().toJSONObject();

            assertThat(payload).containsEntry("acr", "from-claims");
        }

        @Test
        void mayHoldNullValues() throws Exception {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("middle_name", null);

            String compact = IdTokenSigner.sign(withExtra(minimalClaims(), extra), keys, null, null);

            assertThat(parse(compact).getPayload().toString()).contains("\"middle_name\":null");
        }

        @Test
        void thatCannotBeWrittenAsJsonFailTheSigning() {
            IdTokenClaims c = withExtra(minimalClaims(), Map.of("odd", new Object()));

            assertThatThrownBy(() -> IdTokenSigner.sign(c, keys, null, null))
                    .isInstanceOf(IdTokenException.class).hasMessageContaining("cannot be written as JSON");
        }
    }

    @Nested
    class ClaimsRecord {

        @Test
        void copiesTheAudienceAndExtraClaims() {
            List<String> audience = new ArrayList<>(List.of("1234"));
            Map<String, Object> extra = new LinkedHashMap<>(Map.of("a", 1));
            IdTokenClaims c = new IdTokenClaims("i", "s", audience, false, IAT, EXP, null, null, null, null, null, null, extra);

            audience.add("5678");
            extra.put("b", 2);

            assertThat(c.audience()).containsExactly("1234");
            assertThat(c.extraClaims()).containsOnlyKeys("a");
            assertThatThrownBy(() -> c.audience().add("x")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> c.extraClaims().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void nullCollectionsBecomeEmpty() {
            IdTokenClaims c = new IdTokenClaims("i", "s", null, false, IAT, EXP, null, null, null, null, null, null, null);

            assertThat(c.audience()).isEmpty();
            assertThat(c.extraClaims()).isEmpty();
        }
    }

    @Nested
    class Failures {

        @Test
        void nullClaims() {
            assertThatNullPointerException().isThrownBy(() -> IdTokenSigner.sign(null, keys, null, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"issuer", "blankIssuer", "subject", "audience", "issuedAt", "expiresAt"})
        void missingMandatoryClaims(String missing) {
            IdTokenClaims c = new IdTokenClaims(
                    missing.equals("issuer") ? null : missing.equals("blankIssuer") ? " " : "https://as.example.com",
                    missing.equals("subject") ? null : "alice",
                    missing.equals("audience") ? List.of() : List.of("1234"), false,
                    missing.equals("issuedAt") ? null : IAT,
                    missing.equals("expiresAt") ? null : EXP,
                    null, null, null, null, null, null, null);

            assertThatThrownBy(() -> IdTokenSigner.sign(c, keys, null, null))
                    .isInstanceOf(IdTokenException.class).hasMessageStartingWith("The ID token needs");
        }

        @Test
        void noKeySet() {
            assertThatThrownBy(() -> IdTokenSigner.sign(claims(), null, null, null))
                    .isInstanceOf(IdTokenException.class).hasMessageContaining("no JWK Set");
            assertThatThrownBy(() -> IdTokenSigner.sign(claims(), new JWKSet(), null, null))
                    .isInstanceOf(IdTokenException.class).hasMessageContaining("no JWK Set");
        }

        @Test
        void unknownKeyId() {
            assertThatThrownBy(() -> IdTokenSigner.sign(claims(), keys, "nope", null))
                    .isInstanceOf(IdTokenException.class).hasMessageContaining("no key with kid 'nope'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"HS256", "none", "EdDSA", "ES256K", "RSA-OAEP"})
        void unsupportedAlgorithms(String alg) {
            assertThatThrownBy(() -> IdTokenSigner.sign(claims(), keys, null, alg))
                    .isInstanceOf(IdTokenException.class).hasMessageContaining("'" + alg + "' is not supported");
        }

        @Test
        void keyIdOfAKeyThatCannotSignWithTheAlgorithm() {
            assertThatThrownBy(() -> IdTokenSigner.sign(claims(), keys, ec.getKeyID(), "RS256"))
                    .isInstanceOf(IdTokenException.class)
                    .hasMessageContaining("The key '" + ec.getKeyID() + "' cannot sign the ID token with RS256")
                    .hasMessageContaining("restricted to 'ES256'");
        }

        @Test
        void noUsableKeyForTheAlgorithm() {
            assertThatThrownBy(() -> IdTokenSigner.sign(claims(), keys, null, "ES384"))
                    .isInstanceOf(IdTokenException.class).hasMessageContaining("no private signing key usable with ES384");
        }

        @Test
        void onlyPublicKeys() {
            JWKSet publicOnly = keys.toPublicJWKSet();

            assertThatThrownBy(() -> IdTokenSigner.sign(claims(), publicOnly, null, null))
                    .isInstanceOf(IdTokenException.class).hasMessageContaining("no private signing key");
        }
    }

    @Nested
    class KeyUsability {

        private final RSAKey plainRsa = new RSAKey.Builder(rsa).algorithm(null).keyUse(null).build();

        @Test
        void usableKeys() {
            assertThat(IdTokenSigner.whyUnusable(rsa, JWSAlgorithm.RS256)).isNull();
            assertThat(IdTokenSigner.whyUnusable(plainRsa, JWSAlgorithm.PS512)).isNull();
            assertThat(IdTokenSigner.whyUnusable(ec, JWSAlgorithm.ES256)).isNull();
            assertThat(IdTokenSigner.whyUnusable(p384, JWSAlgorithm.ES384)).isNull();
            assertThat(IdTokenSigner.whyUnusable(new RSAKey.Builder(plainRsa).keyOperations(Set.of(KeyOperation.SIGN)).build(),
                    JWSAlgorithm.RS256)).isNull();
        }

        @Test
        void publicKey() {
            assertThat(IdTokenSigner.whyUnusable(rsa.toPublicJWK(), JWSAlgorithm.RS256)).isEqualTo("it has no private part");
        }

        @Test
        void encryptionKey() {
            JWK enc = new RSAKey.Builder(plainRsa).keyUse(KeyUse.ENCRYPTION).build();

            assertThat(IdTokenSigner.whyUnusable(enc, JWSAlgorithm.RS256)).isEqualTo("its use is 'enc', not 'sig'");
        }

        @Test
        void keyOperationsWithoutSign() {
            JWK verifyOnly = new RSAKey.Builder(plainRsa).keyOperations(Set.of(KeyOperation.VERIFY)).build();

            assertThat(IdTokenSigner.whyUnusable(verifyOnly, JWSAlgorithm.RS256)).isEqualTo("its key_ops do not include 'sign'");
        }

        @Test
        void keyRestrictedToAnotherAlgorithm() {
            assertThat(IdTokenSigner.whyUnusable(rsa, JWSAlgorithm.PS256)).isEqualTo("it is restricted to 'RS256'");
        }

        @Test
        void wrongKeyType() {
            assertThat(IdTokenSigner.whyUnusable(p384, JWSAlgorithm.RS256)).isEqualTo("it is not an RSA key");
            assertThat(IdTokenSigner.whyUnusable(plainRsa, JWSAlgorithm.ES256)).isEqualTo("it is not an EC key");
        }

        @Test
        void wrongCurve() {
            assertThat(IdTokenSigner.whyUnusable(p384, JWSAlgorithm.ES256)).isEqualTo("its curve P-384 does not match");
        }

        @Test
        void shortRsaKey() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            KeyPair pair = generator.generateKeyPair();
            RSAKey weak = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID("weak").build();

            assertThat(IdTokenSigner.whyUnusable(weak, JWSAlgorithm.RS256)).isEqualTo("it is shorter than 2048 bits");
            assertThatThrownBy(() -> IdTokenSigner.sign(claims(), new JWKSet(weak), "weak", "RS256"))
                    .isInstanceOf(IdTokenException.class).hasMessageContaining("shorter than 2048 bits");
        }
    }
}
