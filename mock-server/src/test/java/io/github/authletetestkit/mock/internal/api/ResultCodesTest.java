package io.github.authletetestkit.mock.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Result codes are written as Authlete writes them: A, three digits of API, one of category, two of sequence. */
class ResultCodesTest {

    @Test
    void everyPartIsZeroPadded() {
        assertThat(ResultCodes.of(50, 0, 1)).isEqualTo("A050001");
        assertThat(ResultCodes.of(1, 2, 9)).isEqualTo("A001209");
        assertThat(ResultCodes.of(999, 9, 99)).isEqualTo("A999999");
        assertThat(ResultCodes.of(0, 0, 0)).isEqualTo("A000000");
    }

    @Test
    void partsTooWideForTheirDigitsAreWrittenWhole() {
        assertThat(ResultCodes.of(1000, 1, 1)).isEqualTo("A1000101");
        assertThat(ResultCodes.of(5, 1, 100)).isEqualTo("A0051100");
    }
}
