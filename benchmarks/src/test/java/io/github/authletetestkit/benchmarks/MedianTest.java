package io.github.authletetestkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The interleaved rounds are summed up by medians: of the rates, of the ratios, and the round whose latency is shown. */
class MedianTest {

    @Test
    void theMiddleValueOfAnOddCountAndTheMeanOfTheTwoMiddleOnesOfAnEvenCount() {
        assertThat(Benchmarks.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(Benchmarks.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Benchmarks.median(new double[] {7})).isEqualTo(7);
    }

    @Test
    void theRoundOfTheMedianRateIsTheOneWhoseLatencyIsShown() {
        assertThat(Benchmarks.medianIndex(new double[] {30, 10, 20})).isEqualTo(2);
        assertThat(Benchmarks.medianIndex(new double[] {40, 10, 30, 20})).isEqualTo(3);
    }
}
