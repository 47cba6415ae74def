package io.github.authletetestkit.mock.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RandomValuesTest {

    private static final String BASE64URL_43 = "[A-Za-z0-9_-]{43}";

    @Test
    void tokenIs256BitsOfBase64UrlWithoutPadding() {
        String token = RandomValues.token();

        assertThat(token).matches(BASE64URL_43);
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    }

    @Test
    void clientSecretIs512BitsOfBase64UrlWithoutPadding() {
        String secret = RandomValues.clientSecret();

        assertThat(secret).matches("[A-Za-z0-9_-]{86}");
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(64);
    }

    @Test
    void keyIdIsSixteenBase64UrlCharacters() {
        assertThat(RandomValues.keyId()).matches("[A-Za-z0-9_-]{16}");
    }

    @Test
    void valuesDoNotRepeat() {
        assertThat(distinct(RandomValues::token, 1000)).hasSize(1000);
        assertThat(distinct(RandomValues::clientSecret, 1000)).hasSize(1000);
        assertThat(distinct(RandomValues::keyId, 1000)).hasSize(1000);
        assertThat(distinct(RandomValues::numericId, 1000)).hasSize(1000);
    }

    @Test
    void isSafeToUseFromManyThreads() {
        Set<String> tokens = IntStream.range(0, 20_000).parallel()
                .mapToObj(i -> RandomValues.token())
                .collect(Collectors.toSet());

        assertThat(tokens).hasSize(20_000);
    }

    @Test
    void numericIdIsAPositiveLongOf13To16Digits() {
        for (int i = 0; i < 10_000; i++) {
            long id = RandomValues.numericId();

            assertThat(id).isBetween(1_000_000_000_000L, 9_999_999_999_999_999L);
            assertThat(Long.toString(id)).hasSizeBetween(13, 16);
        }
    }

    @Test
    void everyNumericIdSurvivesAJavaScriptNumber() {
        long safe = 9_007_199_254_740_991L; // Number.MAX_SAFE_INTEGER in JavaScript

        long tooLarge = IntStream.range(0, 100_000).mapToLong(i -> RandomValues.numericId()).filter(id -> id > safe).count();

        assertThat(tooLarge).isZero();
        assertThat(RandomValues.MAX_SAFE_INTEGER).isEqualTo(safe);
        assertThat((double) safe).as("a double holds it exactly").isEqualTo(safe);
    }

    @Test
    void numericIdsSpreadOverTheRange() {
        // Uniform over [10^12, 2^53): 89 % have 16 digits (sigma ~1 %); a generator stuck low would fail this.
        long sixteenDigits = IntStream.range(0, 1000).mapToLong(i -> RandomValues.numericId())
                .filter(id -> id >= 1_000_000_000_000_000L).count();

        assertThat(sixteenDigits).isGreaterThan(850);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"BASE20", "base20", "HEX", ""})
    void userCodeDefaultsToBase20(String charset) {
        String code = RandomValues.userCode(charset, 8);

        assertThat(code).matches("[BCDFGHJKLMNPQRSTVWXZ]{8}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NUMERIC", "numeric"})
    void userCodeCanBeNumeric(String charset) {
        assertThat(RandomValues.userCode(charset, 9)).matches("[0-9]{9}");
    }

    @Test
    void userCodeUsesTheWholeAlphabet() {
        Set<Integer> seen = IntStream.range(0, 200)
                .mapToObj(i -> RandomValues.userCode("BASE20", 10))
                .flatMapToInt(String::chars).boxed()
                .collect(Collectors.toSet());

        assertThat(seen).hasSize(20);
    }

    @Test
    void userCodeOfLengthOne() {
        assertThat(RandomValues.userCode("NUMERIC", 1)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void userCodeLengthMustBePositive(int length) {
        assertThatIllegalArgumentException().isThrownBy(() -> RandomValues.userCode("BASE20", length))
                .withMessageContaining(Integer.toString(length));
    }

    private static <T> Set<T> distinct(Supplier<T> generator, int count) {
        return IntStream.range(0, count).mapToObj(i -> generator.get()).collect(Collectors.toSet());
    }
}
