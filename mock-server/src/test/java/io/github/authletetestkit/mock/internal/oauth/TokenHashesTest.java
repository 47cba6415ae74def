package io.github.authletetestkit.mock.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.nimbusds.jose.JWSAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenHashesTest {

    private static final String TOKEN = "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y";

    @Test
    void sha256Base64UrlMatchesTheRfc9449AthExample() {
        // RFC 9449 section 7.1: the ath of the access token in Figure 12.
        assertThat(TokenHashes.sha256Base64Url("Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"))
                .isEqualTo("fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo");
    }

    @Test
    void sha256Base64UrlOfAKnownValue() {
        assertThat(TokenHashes.sha256Base64Url("abc")).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
    }

    @Test
    void sha256Base64UrlRejectsNull() {
        assertThatNullPointerException().isThrownBy(() -> TokenHashes.sha256Base64Url(null));
    }

    @Test
    void halfHashMatchesTheOidcCoreAtHashExample() {
        // OpenID Connect Core 1.0, Appendix A.3 (RS256).
        assertThat(TokenHashes.halfHash(TOKEN, JWSAlgorithm.RS256)).isEqualTo("77QmUPtjPfzWtF2AnpK9RQ");
    }

    @Test
    void halfHashMatchesTheOidcCoreCHashExample() {
        // OpenID Connect Core 1.0, Appendix A.4 (RS256).
        assertThat(TokenHashes.halfHash("Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk", JWSAlgorithm.RS256))
                .isEqualTo("LDktKdoQak3Pk0cnXxCltA");
    }

    @ParameterizedTest
    @CsvSource({
            "RS256, SHA-256", "PS256, SHA-256", "ES256, SHA-256", "HS256, SHA-256", "ES256K, SHA-256",
            "RS384, SHA-384", "PS384, SHA-384", "ES384, SHA-384", "HS384, SHA-384",
            "RS512, SHA-512", "PS512, SHA-512", "ES512, SHA-512", "HS512, SHA-512",
            "EdDSA, SHA-512", "Ed25519, SHA-512"})
    void halfHashUsesTheLeftHalfOfTheAlgorithmsHash(String alg, String digest) throws Exception {
        byte[] full = MessageDigest.getInstance(digest).digest(TOKEN.getBytes(StandardCharsets.US_ASCII));
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, full.length / 2));

        assertThat(TokenHashes.halfHash(TOKEN, JWSAlgorithm.parse(alg))).isEqualTo(expected);
    }

    @Test
    void halfHashLengthsFollowTheHashSize() {
        assertThat(TokenHashes.halfHash(TOKEN, JWSAlgorithm.ES256)).hasSize(22);
        assertThat(TokenHashes.halfHash(TOKEN, JWSAlgorithm.ES384)).hasSize(32);
        assertThat(TokenHashes.halfHash(TOKEN, JWSAlgorithm.ES512)).hasSize(43);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "Ed448", "XYZ"})
    void halfHashRejectsAlgorithmsWithoutADefinedHash(String alg) {
        assertThatIllegalArgumentException().isThrownBy(() -> TokenHashes.halfHash(TOKEN, JWSAlgorithm.parse(alg)))
                .withMessageContaining(alg);
    }

    @Test
    void halfHashRejectsNulls() {
        assertThatNullPointerException().isThrownBy(() -> TokenHashes.halfHash(null, JWSAlgorithm.RS256));
        assertThatNullPointerException().isThrownBy(() -> TokenHashes.halfHash(TOKEN, null));
    }
}
