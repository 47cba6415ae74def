package io.github.authletetestkit.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The mock's only source of time. Runs with the system clock plus an offset that tests move forward
 * ({@link #advance}) to expire tickets, codes and tokens without sleeping; {@link #freeze} stops it. Its
 * setting lives in this process, or in a {@link SharedSetting} (Redis) that several mock processes agree on.
 */
public final class MockClock extends Clock {

    private record State(Duration offset, Instant frozenAt) {

        static final State REAL_TIME = new State(Duration.ZERO, null);

        /** "" for real time, else "offset|frozenAt" (ISO-8601, frozenAt possibly empty). */
        String text() {
            return equals(REAL_TIME) ? "" : offset + "|" + (frozenAt == null ? "" : frozenAt);
        }

        static State of(String text) {
            if (text == null || text.isEmpty()) {
                return REAL_TIME;
            }
            int bar = text.indexOf('|');
            String frozen = text.substring(bar + 1);
            return new State(Duration.parse(text.substring(0, bar)), frozen.isEmpty() ? null : Instant.parse(frozen));
        }
    }

    /** Where several mock processes keep the clock's setting, as text: read it, and compare-and-set it. */
    public interface SharedSetting {
        /** The setting; "" when the clock runs at real time. */
        String read();

        /** Sets {@code updated} while the setting is still {@code expected}; false when another process changed it first. */
        boolean swap(String expected, String updated);
    }

    private final Clock base;
    private final AtomicReference<State> state = new AtomicReference<>(State.REAL_TIME);
    /** Null when the setting is this process's own. */
    private final SharedSetting shared;

    public MockClock() {
        this(Clock.systemUTC());
    }

    public MockClock(Clock base) {
        this(base, null);
    }

    /** A clock whose setting lives in {@code shared}, so that every process using it agrees on the time. */
    public MockClock(Clock base, SharedSetting shared) {
        this.base = base;
        this.shared = shared;
    }

    private State state() {
        return shared == null ? state.get() : State.of(shared.read());
    }

    private void update(UnaryOperator<State> change) {
        if (shared == null) {
            state.updateAndGet(change);
            return;
        }
        while (true) {
            String current = shared.read();
            if (shared.swap(current, change.apply(State.of(current)).text())) {
                return;
            }
        }
    }

    @Override
    public Instant instant() {
        return instant(state());
    }

    private Instant instant(State s) {
        return s.frozenAt() != null ? s.frozenAt() : base.instant().plus(s.offset());
    }

    /** Moves the mock's time forward (or back, with a negative duration). */
    public MockClock advance(Duration amount) {
        update(s -> s.frozenAt() != null
                ? new State(s.offset(), s.frozenAt().plus(amount))
                : new State(s.offset().plus(amount), null));
        return this;
    }

    /** Sets the mock's time; it keeps running from there unless frozen. */
    public MockClock set(Instant now) {
        update(s -> s.frozenAt() != null
                ? new State(s.offset(), now)
                : new State(Duration.between(base.instant(), now), null));
        return this;
    }

    /** Stops time at the current instant until {@link #unfreeze()} or {@link #reset()}. */
    public MockClock freeze() {
        update(s -> new State(s.offset(), instant(s)));
        return this;
    }

    public MockClock unfreeze() {
        update(s -> new State(Duration.between(base.instant(), instant(s)), null));
        return this;
    }

    /** Back to real time. */
    public MockClock reset() {
        update(s -> State.REAL_TIME);
        return this;
    }

    public boolean isFrozen() {
        return state().frozenAt() != null;
    }

    /** How far the mock's time is from real time (positive when ahead). */
    public Duration offset() {
        State s = state();
        return s.frozenAt() != null ? Duration.between(base.instant(), s.frozenAt()) : s.offset();
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
