package io.github.authletetestkit.contract.internal.target;

import io.github.authletetestkit.spec.internal.RateCategory;
import io.github.authletetestkit.spec.internal.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/**
 * Keeps each {@link RateCategory} under its hourly budget with a sliding one-hour window: a call that would
 * exceed the budget waits until the oldest call in the window is an hour old. Thread-safe.
 */
public final class Pacer {

    static final Duration WINDOW = Duration.ofHours(1);

    /** Pace to this share of a published limit, leaving room for the team's other use of the service. */
    public static final double SAFETY = 0.9;

    private final RateLimits limits;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<RateCategory, Deque<Instant>> calls = new EnumMap<>(RateCategory.class);

    public Pacer(RateLimits limits, Clock clock, Sleeper sleeper) {
        this.limits = limits;
        this.clock = clock;
        this.sleeper = sleeper;
        for (RateCategory category : RateCategory.values()) {
            calls.put(category, new ArrayDeque<>());
        }
    }

    /** Waits, if needed, until one more call of this operation fits its budget, then counts it. Returns the time waited. */
    public Duration acquire(String operationId) throws InterruptedException {
        RateCategory category = RateCategory.of(operationId);
        int budget = budget(limits, category);
        Duration waited = Duration.ZERO;
        while (true) {
            Duration wait;
            synchronized (this) {
                Deque<Instant> window = calls.get(category);
                Instant now = clock.instant();
                while (!window.isEmpty() && !window.peekFirst().plus(WINDOW).isAfter(now)) {
                    window.pollFirst();
                }
                if (window.size() < budget) {
                    window.addLast(now);
                    return waited;
                }
                wait = Duration.between(now, window.peekFirst().plus(WINDOW));
            }
            sleeper.sleep(wait);
            waited = waited.plus(wait);
        }
    }

    /** How many calls the suite allows itself in any hour: {@link #SAFETY} of the published limit, at least 1. */
    public static int budget(RateLimits limits, RateCategory category) {
        int limit = limits.published(category);
        return limit < 0 ? Integer.MAX_VALUE : Math.max(1, (int) Math.floor(limit * SAFETY));
    }

    /** Calls counted in the current window, for reports and tests. */
    public synchronized int inWindow(RateCategory category) {
        return calls.get(category).size();
    }
}
