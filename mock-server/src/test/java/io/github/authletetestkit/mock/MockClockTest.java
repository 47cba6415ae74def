package io.github.authletetestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MockClockTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A base clock the test moves by hand, standing in for real time. */
    private static final class ManualClock extends Clock {
        Instant now = T0;
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void followsTheBaseClockPlusTheOffset() {
        ManualClock base = new ManualClock();
        MockClock clock = new MockClock(base);

        clock.advance(Duration.ofMinutes(5));
        base.now = T0.plusSeconds(10);

        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(310));
    }

    @Test
    void setMovesToAnInstantAndKeepsRunning() {
        ManualClock base = new ManualClock();
        MockClock clock = new MockClock(base);

        clock.set(T0.plusSeconds(1000));
        base.now = T0.plusSeconds(1);

        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(1001));
    }

    @Test
    void freezeStopsTimeUntilUnfrozenAndAdvanceStillWorks() {
        ManualClock base = new ManualClock();
        MockClock clock = new MockClock(base).freeze();

        base.now = T0.plusSeconds(50);
        assertThat(clock.instant()).isEqualTo(T0);
        clock.advance(Duration.ofSeconds(7));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(7));
        clock.set(T0.plusSeconds(100));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(100));

        clock.unfreeze();
        base.now = T0.plusSeconds(60);
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(110));
    }

    @Test
    void reportsWhetherItIsFrozenAndHowFarItIsFromRealTime() {
        ManualClock base = new ManualClock();
        MockClock clock = new MockClock(base).advance(Duration.ofMinutes(3));
        assertThat(clock.isFrozen()).isFalse();
        assertThat(clock.offset()).isEqualTo(Duration.ofMinutes(3));

        clock.freeze();
        base.now = T0.plusSeconds(60);

        assertThat(clock.isFrozen()).isTrue();
        assertThat(clock.offset()).as("real time moved on, the frozen clock did not").isEqualTo(Duration.ofMinutes(2));
        assertThat(clock.reset().isFrozen()).isFalse();
        assertThat(clock.offset()).isZero();
    }

    @Test
    void resetGoesBackToTheBaseClock() {
        ManualClock base = new ManualClock();
        MockClock clock = new MockClock(base).advance(Duration.ofDays(3)).freeze();

        clock.reset();

        assertThat(clock.instant()).isEqualTo(T0);
        assertThat(clock.epochSeconds()).isEqualTo(T0.getEpochSecond());
        assertThat(clock.epochMillis()).isEqualTo(T0.toEpochMilli());
    }

    @Test
    void isAlwaysUtc() {
        MockClock clock = new MockClock();
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThatThrownBy(() -> clock.withZone(java.time.ZoneId.of("Asia/Tokyo"))).isInstanceOf(UnsupportedOperationException.class);
    }
}
