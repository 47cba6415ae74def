package io.github.authletetestkit.mock.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.authletetestkit.mock.internal.oauth.DpopProofVerifier.DpopProof;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DpopProofVerifierTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final String HTM = "POST";
    private static final String HTU = "https://server.example.com/token";
    private static final String ACCESS_TOKEN = "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU";

    private static ECKey ecKey;
    private static ECKey otherEcKey;
    private static RSAKey rsaKey;

    @BeforeAll
    static void keys() throws Exception {
        ecKey = new ECKeyGenerator(Curve.P_256).generate();
        otherEcKey = new ECKeyGenerator(Curve.P_256).generate();
        rsaKey = (RSAKey) Jwks.sharedDefaultKeys().getKeys().get(0);
    }

    // ---- proof building ------------------------------------------------------------------------------------

    private static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("jti", "e1j3V_bKic8-LAEB");
        claims.put("htm", HTM);
        claims.put("htu", HTU);
        claims.put("iat", NOW.getEpochSecond());
        return claims;
    }

    private static Map<String, Object> header(JWSAlgorithm alg, JWK publicJwk) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "dpop+jwt");
        header.put("alg", alg.getName());
        header.put("jwk", publicJwk.toJSONObject());
        return header;
    }

    /** Signs arbitrary header/claims JSON, so that tests can build proofs Nimbus' builders would refuse. */
    private static String sign(Map<String, Object> header, Map<String, Object> claims, JWSSigner signer) throws Exception {
        String signingInput = encode(header) + "." + encode(claims);
        // Sign with the header's alg when the signer can, else with its own: tests may declare a wrong alg.
        JWSAlgorithm declared = header.get("alg") instanceof String name ? JWSAlgorithm.parse(name) : null;
        JWSAlgorithm alg = signer.supportedJWSAlgorithms().contains(declared)
                ? declared : signer.supportedJWSAlgorithms().iterator().next();
        Base64URL signature = signer.sign(new JWSHeader(alg), signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + signature;
    }

    private static String encode(Map<String, Object> json) {
        return Base64URL.encode(JSONObjectUtils.toJSONString(json)).toString();
    }

    private static String ecProof(Consumer<Map<String, Object>> header, Consumer<Map<String, Object>> claims) throws Exception {
        Map<String, Object> h = header(JWSAlgorithm.ES256, ecKey.toPublicJWK());
        Map<String, Object> c = claims();
        header.accept(h);
        claims.accept(c);
        return sign(h, c, new ECDSASigner(ecKey));
    }

    private static String ecProofWithClaims(Consumer<Map<String, Object>> claims) throws Exception {
        return ecProof(h -> { }, claims);
    }

    private static String ecProofWithHeader(Consumer<Map<String, Object>> header) throws Exception {
        return ecProof(header, c -> { });
    }

    private static DpopProof verify(String proof) {
        return DpopProofVerifier.verify(proof, HTM, HTU, null, NOW, SKEW);
    }

    private static void assertRejected(String proof, String messagePart) {
        assertThatThrownBy(() -> verify(proof)).isInstanceOf(InvalidDpopProofException.class).hasMessageContaining(messagePart);
    }

    // ---- tests ---------------------------------------------------------------------------------------------

    @Nested
    class ValidProofs {

        @Test
        void es256ProofBuiltWithNimbus() throws Exception {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt")).jwk(ecKey.toPublicJWK()).build(),
                    new JWTClaimsSet.Builder().jwtID("abc").claim("htm", "POST").claim("htu", HTU)
                            .issueTime(Date.from(NOW)).build());
            jwt.sign(new ECDSASigner(ecKey));

            DpopProof proof = verify(jwt.serialize());

            assertThat(proof.jwkThumbprint()).isEqualTo(ecKey.computeThumbprint().toString());
            assertThat(proof.jti()).isEqualTo("abc");
            assertThat(proof.issuedAt()).isEqualTo(NOW);
        }

        @Test
        void thumbprintIsTheRfc7638Sha256OfThePublicKey() throws Exception {
            DpopProof proof = verify(ecProof(h -> { }, c -> { }));

            assertThat(proof.jwkThumbprint()).isEqualTo(ecKey.toPublicJWK().computeThumbprint("SHA-256").toString())
                    .matches("[A-Za-z0-9_-]{43}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"RS256", "PS256", "RS512"})
        void rsaProofs(String alg) throws Exception {
            JWSAlgorithm jwsAlg = JWSAlgorithm.parse(alg);
            String proof = sign(header(jwsAlg, rsaKey.toPublicJWK()), claims(), new RSASSASigner(rsaKey));

            assertThat(verify(proof).jwkThumbprint()).isEqualTo(rsaKey.computeThumbprint().toString());
        }

        @ParameterizedTest
        @CsvSource({"Ed25519, EdDSA", "Ed25519, Ed25519", "Ed448, EdDSA", "Ed448, Ed448"})
        void edDsaProofsVerifiedWithTheJdk(String curve, String alg) throws Exception {
            KeyPair pair = KeyPairGenerator.getInstance(curve).generateKeyPair();
            OctetKeyPair jwk = okp(curve, pair);
            Map<String, Object> header = header(JWSAlgorithm.parse(alg), jwk);
            String signingInput = encode(header) + "." + encode(claims());
            Signature signer = Signature.getInstance(curve);
            signer.initSign(pair.getPrivate());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            String proof = signingInput + "." + Base64URL.encode(signer.sign());

            assertThat(verify(proof).jwkThumbprint()).isEqualTo(jwk.computeThumbprint().toString());
        }

        @Test
        void typIsCaseInsensitive() throws Exception {
            assertThat(verify(ecProofWithHeader(h -> h.put("typ", "DPoP+JWT")))).isNotNull();
        }

        @Test
        void accessTokenWithMatchingAth() throws Exception {
            String proof = ecProofWithClaims(c -> {
                c.put("htm", "GET");
                c.put("htu", "https://resource.example.org/protected");
                c.put("ath", "fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo");
            });

            assertThat(DpopProofVerifier.verify(proof, "GET", "https://resource.example.org/protected", ACCESS_TOKEN, NOW, SKEW))
                    .isNotNull();
        }

        @Test
        void athIsIgnoredWithoutAnAccessToken() throws Exception {
            assertThat(verify(ecProofWithClaims(c -> c.put("ath", "whatever")))).isNotNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "https://server.example.com/token?x=1",
                "https://server.example.com/token#frag",
                "https://SERVER.Example.COM/token",
                "HTTPS://server.example.com:443/token"})
        void htuIgnoresQueryFragmentCaseAndDefaultPort(String htu) throws Exception {
            assertThat(verify(ecProofWithClaims(c -> c.put("htu", htu)))).isNotNull();
        }

        @Test
        void expectedHtuMayCarryAQueryToo() throws Exception {
            String proof = ecProof(h -> { }, c -> { });

            assertThat(DpopProofVerifier.verify(proof, HTM, HTU + "?a=b#c", null, NOW, SKEW)).isNotNull();
        }

        @Test
        void nullExpectationsSkipTheHtmAndHtuChecks() throws Exception {
            String proof = ecProofWithClaims(c -> {
                c.put("htm", "PATCH");
                c.put("htu", "https://elsewhere.example.com/");
            });

            assertThat(DpopProofVerifier.verify(proof, null, null, null, NOW, SKEW)).isNotNull();
        }

        @Test
        void iatAtTheEdgesOfTheWindow() throws Exception {
            assertThat(verify(ecProofWithClaims(c -> c.put("iat", NOW.minus(SKEW).getEpochSecond()))).issuedAt())
                    .isEqualTo(NOW.minus(SKEW));
            assertThat(verify(ecProofWithClaims(c -> c.put("iat", NOW.plus(SKEW).getEpochSecond()))).issuedAt())
                    .isEqualTo(NOW.plus(SKEW));
        }

        @Test
        void fractionalIat() throws Exception {
            assertThat(verify(ecProofWithClaims(c -> c.put("iat", NOW.getEpochSecond() + 0.5))).issuedAt())
                    .isEqualTo(NOW.plusMillis(500));
        }
    }

    @Nested
    class RejectedProofs {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void missing(String proof) {
            assertRejected(proof, "missing");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a.b", "a.b.c.d", "abc"})
        void notThreeParts(String proof) {
            assertRejected(proof, "not a compact JWS");
        }

        @Test
        void headerNotJson() {
            assertRejected(Base64URL.encode("not json") + ".e30.sig", "header is not a base64url-encoded JSON object");
        }

        @Test
        void payloadNotJson() throws Exception {
            Map<String, Object> header = header(JWSAlgorithm.ES256, ecKey.toPublicJWK());
            String signingInput = encode(header) + "." + Base64URL.encode("[1,2]");
            Base64URL signature = new ECDSASigner(ecKey).sign(new JWSHeader(JWSAlgorithm.ES256),
                    signingInput.getBytes(StandardCharsets.US_ASCII));

            assertRejected(signingInput + "." + signature, "payload is not a base64url-encoded JSON object");
        }

        @ParameterizedTest
        @ValueSource(strings = {"JWT", "dpop", "at+jwt"})
        void wrongTyp(String typ) throws Exception {
            assertRejected(ecProofWithHeader(h -> h.put("typ", typ)), "typ header must be 'dpop+jwt' but is '" + typ + "'");
        }

        @Test
        void missingTyp() throws Exception {
            assertRejected(ecProofWithHeader(h -> h.remove("typ")), "typ header must be 'dpop+jwt' but is absent");
        }

        @Test
        void nonStringTyp() throws Exception {
            assertRejected(ecProofWithHeader(h -> h.put("typ", 7)), "typ header must be 'dpop+jwt'");
        }

        @Test
        void symmetricAlg() throws Exception {
            Map<String, Object> header = header(JWSAlgorithm.HS256, ecKey.toPublicJWK());
            String proof = sign(header, claims(), new MACSigner(new byte[32]));

            assertRejected(proof, "alg header must be a supported asymmetric signature algorithm but is 'HS256'");
        }

        @Test
        void algNone() throws Exception {
            Map<String, Object> header = header(JWSAlgorithm.ES256, ecKey.toPublicJWK());
            header.put("alg", "none");

            assertRejected(encode(header) + "." + encode(claims()) + ".", "but is 'none'");
        }

        @Test
        void algMissing() throws Exception {
            assertRejected(ecProofWithHeader(h -> h.remove("alg")), "asymmetric signature algorithm but is absent");
        }

        @Test
        void algUnsupportedByTheJdk() throws Exception {
            assertRejected(ecProofWithHeader(h -> h.put("alg", "ES256K")), "but is 'ES256K'");
        }

        @Test
        void jwkMissing() throws Exception {
            assertRejected(ecProofWithHeader(h -> h.remove("jwk")), "no jwk header");
        }

        @Test
        void jwkNotAnObject() throws Exception {
            assertRejected(ecProofWithHeader(h -> h.put("jwk", "key")), "no jwk header");
        }

        @Test
        void jwkInvalid() throws Exception {
            assertRejected(ecProofWithHeader(h -> h.put("jwk", Map.of("kty", "EC"))), "jwk header is not a valid JWK");
        }

        @Test
        void jwkWithPrivateKey() throws Exception {
            assertRejected(ecProofWithHeader(h -> h.put("jwk", ecKey.toJSONObject())), "contains private key material");
        }

        @Test
        void jwkOfAnotherTypeThanTheAlg() throws Exception {
            assertRejected(ecProofWithHeader(h -> h.put("jwk", rsaKey.toPublicJWK().toJSONObject())),
                    "jwk (kty RSA) cannot be used with alg ES256");
        }

        @Test
        void ecJwkWithAnRsaAlg() throws Exception {
            assertRejected(ecProofWithHeader(h -> h.put("alg", "RS256")), "jwk (kty EC, crv P-256) cannot be used with alg RS256");
        }

        @Test
        void ecJwkWithAnEdDsaAlg() throws Exception {
            assertRejected(ecProofWithHeader(h -> h.put("alg", "EdDSA")), "jwk (kty EC, crv P-256) cannot be used with alg EdDSA");
        }

        @Test
        void ecJwkOfAnotherCurveThanTheAlg() throws Exception {
            assertRejected(ecProofWithHeader(h -> h.put("alg", "ES384")), "jwk (kty EC, crv P-256) cannot be used with alg ES384");
        }

        @Test
        void okpJwkOfAnotherCurveThanTheAlg() throws Exception {
            OctetKeyPair ed25519 = okp("Ed25519", KeyPairGenerator.getInstance("Ed25519").generateKeyPair());

            assertRejected(ecProofWithHeader(h -> {
                h.put("alg", "Ed448");
                h.put("jwk", ed25519.toJSONObject());
            }), "jwk (kty OKP, crv Ed25519) cannot be used with alg Ed448");
        }

        @Test
        void okpJwkOfAnXCurve() throws Exception {
            Map<String, Object> x25519 = Map.of("kty", "OKP", "crv", "X25519", "x", Base64URL.encode(new byte[32]).toString());

            assertRejected(ecProofWithHeader(h -> {
                h.put("alg", "EdDSA");
                h.put("jwk", x25519);
            }), "jwk (kty OKP, crv X25519) cannot be used with alg EdDSA");
        }

        @Test
        void signedByAnotherKey() throws Exception {
            String proof = sign(header(JWSAlgorithm.ES256, ecKey.toPublicJWK()), claims(), new ECDSASigner(otherEcKey));

            assertRejected(proof, "signature is invalid");
        }

        @Test
        void tamperedPayload() throws Exception {
            String[] parts = ecProof(h -> { }, c -> { }).split("\\.");
            Map<String, Object> forged = claims();
            forged.put("htu", "https://server.example.com/token2");

            assertRejected(parts[0] + "." + encode(forged) + "." + parts[2], "signature is invalid");
        }

        @Test
        void emptySignature() throws Exception {
            String[] parts = ecProof(h -> { }, c -> { }).split("\\.");

            assertRejected(parts[0] + "." + parts[1] + ".", "signature is invalid");
        }

        @Test
        void unknownCriticalHeader() throws Exception {
            assertRejected(ecProofWithHeader(h -> {
                h.put("crit", List.of("exp-param"));
                h.put("exp-param", 1);
            }), "signature is invalid");
        }

        @Test
        void headerNimbusCannotParse() throws Exception {
            assertRejected(ecProofWithHeader(h -> h.put("kid", 42)), "signature cannot be verified");
        }

        @Test
        void edDsaKeyOfTheWrongLength() throws Exception {
            Map<String, Object> badKey = Map.of("kty", "OKP", "crv", "Ed25519", "x", Base64URL.encode(new byte[31]).toString());

            assertRejected(ecProofWithHeader(h -> {
                h.put("alg", "EdDSA");
                h.put("jwk", badKey);
            }), "signature cannot be verified");
        }

        @ParameterizedTest
        @ValueSource(strings = {"jti", "htm", "htu"})
        void missingStringClaim(String claim) throws Exception {
            assertRejected(ecProofWithClaims(c -> c.remove(claim)), "no " + claim + " claim");
        }

        @ParameterizedTest
        @ValueSource(strings = {"jti", "htm", "htu"})
        void emptyOrNonStringClaim(String claim) throws Exception {
            assertRejected(ecProofWithClaims(c -> c.put(claim, "")), "no " + claim + " claim");
            assertRejected(ecProofWithClaims(c -> c.put(claim, 5)), "no " + claim + " claim");
        }

        @Test
        void missingOrNonNumericIat() throws Exception {
            assertRejected(ecProofWithClaims(c -> c.remove("iat")), "no iat claim");
            assertRejected(ecProofWithClaims(c -> c.put("iat", "1717243200")), "no iat claim");
        }

        @ParameterizedTest
        @ValueSource(strings = {"GET", "post", "PUT"})
        void htmMismatch(String htm) throws Exception {
            assertRejected(ecProofWithClaims(c -> c.put("htm", htm)), "htm '" + htm + "' does not match the request method 'POST'");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "https://server.example.com/token/",
                "https://server.example.com/Token",
                "http://server.example.com/token",
                "https://server.example.com:8443/token",
                "https://other.example.com/token",
                "https://user@server.example.com/token",
                "/token",
                "https://server.example.com/to ken"})
        void htuMismatch(String htu) throws Exception {
            assertRejected(ecProofWithClaims(c -> c.put("htu", htu)), "htu '" + htu + "' does not match the request URL");
        }

        @Test
        void iatTooOld() throws Exception {
            assertRejected(ecProofWithClaims(c -> c.put("iat", NOW.minus(SKEW).getEpochSecond() - 1)),
                    "iat 2025-06-01T11:58:59Z is outside the acceptable window of 60 seconds around 2025-06-01T12:00:00Z");
        }

        @Test
        void iatInTheFuture() throws Exception {
            assertRejected(ecProofWithClaims(c -> c.put("iat", NOW.plus(SKEW).getEpochSecond() + 1)), "is outside the acceptable window");
        }

        @Test
        void athMissingWhenAnAccessTokenIsPresented() throws Exception {
            String proof = ecProof(h -> { }, c -> { });

            assertThatThrownBy(() -> DpopProofVerifier.verify(proof, HTM, HTU, ACCESS_TOKEN, NOW, SKEW))
                    .isInstanceOf(InvalidDpopProofException.class).hasMessageContaining("no ath claim");
        }

        @Test
        void athNotAString() throws Exception {
            String proof = ecProofWithClaims(c -> c.put("ath", 12));

            assertThatThrownBy(() -> DpopProofVerifier.verify(proof, HTM, HTU, ACCESS_TOKEN, NOW, SKEW))
                    .isInstanceOf(InvalidDpopProofException.class).hasMessageContaining("no ath claim");
        }

        @Test
        void athOfAnotherToken() throws Exception {
            String proof = ecProofWithClaims(c -> c.put("ath", TokenHashes.sha256Base64Url("other-token")));

            assertThatThrownBy(() -> DpopProofVerifier.verify(proof, HTM, HTU, ACCESS_TOKEN, NOW, SKEW))
                    .isInstanceOf(InvalidDpopProofException.class).hasMessageContaining("ath does not match");
        }

        @Test
        void nowAndSkewAreRequired() throws Exception {
            String proof = ecProof(h -> { }, c -> { });

            assertThatNullPointerException().isThrownBy(() -> DpopProofVerifier.verify(proof, HTM, HTU, null, null, SKEW));
            assertThatNullPointerException().isThrownBy(() -> DpopProofVerifier.verify(proof, HTM, HTU, null, NOW, null));
        }
    }

    @Nested
    class HtuNormalisation {

        @ParameterizedTest
        @CsvSource({
                "https://EX.com,                 https://ex.com/",
                "HTTPS://ex.com:443/a?q=1#f,     https://ex.com/a",
                "http://ex.com:80/a,             http://ex.com/a",
                "http://ex.com:443/a,            http://ex.com:443/a",
                "https://ex.com:8443/A/b,        https://ex.com:8443/A/b",
                "https://u:p@ex.com/a,           https://u:p@ex.com/a",
                "https://ex.com#f?x,             https://ex.com/",
                "urn:example:x,                  urn:example:x",
                "/relative?x,                    /relative",
                "https://ex .com/a,              https://ex .com/a",
                "https://ex_1.com/a,             https://ex_1.com/a"})
        void normalises(String url, String expected) {
            assertThat(DpopProofVerifier.normalizedHtu(url)).isEqualTo(expected);
        }
    }

    private static OctetKeyPair okp(String curve, KeyPair pair) {
        // The last 32 (Ed25519) or 57 (Ed448) bytes of the X.509 encoding are the raw public key (RFC 8410).
        byte[] spki = pair.getPublic().getEncoded();
        int length = curve.equals("Ed25519") ? 32 : 57;
        byte[] raw = Arrays.copyOfRange(spki, spki.length - length, spki.length);
        return new OctetKeyPair.Builder(Curve.parse(curve), Base64URL.encode(raw)).build();
    }
}
