package io.github.authletetestkit.mock.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.github.authletetestkit.mock.internal.oauth.Pkce.Method;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PkceTest {

    /** RFC 7636 Appendix B. */
    private static final String RFC_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String RFC_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Nested
    class Methods {

        @Test
        void wireNamesAreTheRfcSpellings() {
            assertThat(Method.PLAIN.wireName()).isEqualTo("plain");
            assertThat(Method.S256.wireName()).isEqualTo("S256");
        }

        @Test
        void fromWireNameFindsExactSpellings() {
            assertThat(Method.fromWireName("plain")).contains(Method.PLAIN);
            assertThat(Method.fromWireName("S256")).contains(Method.S256);
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"s256", "PLAIN", "Plain", "S512", "", " S256"})
        void fromWireNameRejectsEverythingElse(String wireName) {
            assertThat(Method.fromWireName(wireName)).isEmpty();
        }
    }

    @Nested
    class WellFormedness {

        @Test
        void acceptsTheBoundaryLengths() {
            assertThat(Pkce.isWellFormed("a".repeat(43))).isTrue();
            assertThat(Pkce.isWellFormed("a".repeat(128))).isTrue();
        }

        @Test
        void rejectsLengthsOutsideTheRange() {
            assertThat(Pkce.isWellFormed("a".repeat(42))).isFalse();
            assertThat(Pkce.isWellFormed("a".repeat(129))).isFalse();
            assertThat(Pkce.isWellFormed("")).isFalse();
        }

        @Test
        void acceptsEveryUnreservedCharacter() {
            String all = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

            assertThat(Pkce.isWellFormed(all)).isTrue();
            assertThat(Pkce.isWellFormed(RFC_VERIFIER)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"+", "/", "=", " ", "%", "é", "!", "*"})
        void rejectsOtherCharacters(String bad) {
            assertThat(Pkce.isWellFormed("a".repeat(50) + bad)).isFalse();
        }

        @Test
        void rejectsNull() {
            assertThat(Pkce.isWellFormed(null)).isFalse();
        }
    }

    @Nested
    class S256Challenge {

        @Test
        void matchesRfc7636AppendixB() {
            assertThat(Pkce.s256Challenge(RFC_VERIFIER)).isEqualTo(RFC_CHALLENGE);
        }

        @Test
        void rejectsNonAsciiVerifier() {
            assertThatIllegalArgumentException().isThrownBy(() -> Pkce.s256Challenge("é".repeat(43)))
                    .withMessageContaining("ASCII");
        }

        @Test
        void rejectsNull() {
            assertThatNullPointerException().isThrownBy(() -> Pkce.s256Challenge(null));
        }
    }

    @Nested
    class Verify {

        @Test
        void s256AcceptsTheRfcVector() {
            assertThat(Pkce.verify(RFC_CHALLENGE, Method.S256, RFC_VERIFIER)).isTrue();
        }

        @Test
        void s256RejectsAnotherVerifier() {
            assertThat(Pkce.verify(RFC_CHALLENGE, Method.S256, RFC_VERIFIER.replace('d', 'e'))).isFalse();
        }

        @Test
        void s256RejectsTheChallengeItselfAsVerifier() {
            assertThat(Pkce.verify(RFC_CHALLENGE, Method.S256, RFC_CHALLENGE)).isFalse();
        }

        @Test
        void plainComparesVerbatim() {
            assertThat(Pkce.verify(RFC_VERIFIER, Method.PLAIN, RFC_VERIFIER)).isTrue();
            assertThat(Pkce.verify(RFC_VERIFIER, Method.PLAIN, RFC_VERIFIER + "x")).isFalse();
            assertThat(Pkce.verify(RFC_CHALLENGE, Method.PLAIN, RFC_VERIFIER)).isFalse();
        }

        @Test
        void nullMethodMeansPlain() {
            assertThat(Pkce.verify(RFC_VERIFIER, null, RFC_VERIFIER)).isTrue();
            assertThat(Pkce.verify(RFC_CHALLENGE, null, RFC_VERIFIER)).isFalse();
        }

        @Test
        void nullVerifierOrChallengeNeverVerifies() {
            assertThat(Pkce.verify(RFC_CHALLENGE, Method.S256, null)).isFalse();
            assertThat(Pkce.verify(RFC_VERIFIER, Method.PLAIN, null)).isFalse();
            assertThat(Pkce.verify(null, Method.PLAIN, RFC_VERIFIER)).isFalse();
        }

        @Test
        void nonAsciiVerifierNeverVerifies() {
            String nonAscii = "é".repeat(43);

            assertThat(Pkce.verify(nonAscii, Method.PLAIN, nonAscii)).isFalse();
            // Replacing 'é' by '?' before hashing would make this collide.
            assertThat(Pkce.verify(Pkce.s256Challenge("?".repeat(43)), Method.S256, nonAscii)).isFalse();
        }
    }
}
