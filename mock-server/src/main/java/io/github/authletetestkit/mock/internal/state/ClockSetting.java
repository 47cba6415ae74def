package io.github.authletetestkit.mock.internal.state;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the mock clock stands when it does not run at real time: stopped at {@code frozenAt}, or running
 * {@code offset} away from real time.
 */
public record ClockSetting(Duration offset, Instant frozenAt) {

    /** Offsets below this are the time a test took, not a move of the clock. */
    private static final Duration NOISE = Duration.ofSeconds(1);

    /** The setting of a clock, or null when it runs at real time. */
    public static ClockSetting of(Duration offset, boolean frozen, Instant now) {
        if (frozen) {
            return new ClockSetting(null, now);
        }
        return offset.abs().compareTo(NOISE) < 0 ? null : new ClockSetting(offset, null);
    }
}
