package io.github.authletetestkit.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The mock's only source of time. Runs with the system clock plus an offset that tests move forward
 * ({@link #advance}) to expire tickets, codes and tokens without sleeping; {@link #freeze} stops it.
 */
public final class MockClock extends Clock {

    private record State(Duration offset, Instant frozenAt) {}

    private final Clock base;
    private final AtomicReference<State> state = new AtomicReference<>(new State(Duration.ZERO, null));

    public MockClock() {
        this(Clock.systemUTC());
    }

    public MockClock(Clock base) {
        this.base = base;
    }

    @Override
    public Instant instant() {
        State s = state.get();
        return s.frozenAt() != null ? s.frozenAt() : base.instant().plus(s.offset());
    }

    /** Moves the mock's time forward (or back, with a negative duration). */
    public MockClock advance(Duration amount) {
        state.updateAndGet(s -> s.frozenAt() != null
                ? new State(s.offset(), s.frozenAt().plus(amount))
                : new State(s.offset().plus(amount), null));
        return this;
    }

    /** Sets the mock's time; it keeps running from there unless frozen. */
    public MockClock set(Instant now) {
        state.updateAndGet(s -> s.frozenAt() != null
                ? new State(s.offset(), now)
                : new State(Duration.between(base.instant(), now), null));
        return this;
    }

    /** Stops time at the current instant until {@link #unfreeze()} or {@link #reset()}. */
    public MockClock freeze() {
        Instant now = instant();
        state.set(new State(state.get().offset(), now));
        return this;
    }

    public MockClock unfreeze() {
        Instant now = instant();
        state.set(new State(Duration.between(base.instant(), now), null));
        return this;
    }

    /** Back to real time. */
    public MockClock reset() {
        state.set(new State(Duration.ZERO, null));
        return this;
    }

    /** How far the mock's time is from real time (a frozen clock's distance changes as real time runs). */
    public Duration offset() {
        return Duration.between(base.instant(), instant());
    }

    public boolean frozen() {
        return state.get().frozenAt() != null;
    }

    public long epochSeconds() {
        return instant().getEpochSecond();
    }

    public long epochMillis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the mock clock is always UTC");
    }
}
