package io.github.authletetestkit.mock.internal.ratelimit;

import io.github.authletetestkit.spec.internal.RateCategory;
import io.github.authletetestkit.spec.internal.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts calls per service and {@link RateCategory} against hourly limits, the way Authlete throttles a
 * service. A fixed window per service and category opens at its first call and lasts an hour of the
 * instants it is given (the mock's clock, so tests advance time instead of sleeping); a call past the limit
 * is refused with the time until the window closes. Fixed rather than sliding: constant memory per counter,
 * and a clock moved back simply opens a new window. Thread-safe; off until {@link #enable}d.
 */
public final class RateLimiter {

    public static final Duration WINDOW = Duration.ofHours(1);

    /** One service's use of one category in the current window. */
    public record Usage(long serviceId, RateCategory category, int calls, int limit, Instant windowEnds) {}

    /**
     * Where the windows are counted: in this process, or in Redis so that several mock processes count
     * together.
     */
    public interface Windows {
        /** Counts a call in the window of (service, category); empty when allowed, else the time until it closes. */
        Optional<Duration> take(long serviceId, RateCategory category, Instant now, int limit);

        /** The windows still open at {@code now}. */
        List<Usage> usage(Instant now, RateLimits limits);

        void clear();
    }

    private final RateLimits limits;
    private final Windows windows;
    private volatile boolean enabled;

    public RateLimiter(RateLimits limits, boolean enabled) {
        this(limits, enabled, new LocalWindows());
    }

    public RateLimiter(RateLimits limits, boolean enabled, Windows windows) {
        this.limits = limits;
        this.enabled = enabled;
        this.windows = windows;
    }

    /**
     * Counts one call of {@code operationId} for the service at {@code now}; empty when it is allowed, else
     * how long until the window frees a slot. Nothing is counted while emulation is off.
     *
     * @param serviceId the service called; 0 for calls outside any service (service creation and listing)
     */
    public Optional<Duration> acquire(long serviceId, String operationId, Instant now) {
        if (!enabled) {
            return Optional.empty();
        }
        RateCategory category = RateCategory.of(operationId);
        int limit = limits.published(category);
        if (limit < 0) {
            return Optional.empty();
        }
        return windows.take(serviceId, category, now, limit);
    }

    public boolean enabled() {
        return enabled;
    }

    /** Turns emulation on or off; either way the counting starts afresh. */
    public void enable(boolean on) {
        enabled = on;
        clear();
    }

    public RateLimits limits() {
        return limits;
    }

    /** The windows still open at {@code now}, by service and category. */
    public List<Usage> usage(Instant now) {
        return windows.usage(now, limits).stream()
                .sorted(Comparator.comparingLong(Usage::serviceId).thenComparing(Usage::category))
                .toList();
    }

    /** Forgets every count. */
    public void clear() {
        windows.clear();
    }

    /** Windows in this process's memory. */
    private static final class LocalWindows implements Windows {

        private record Key(long serviceId, RateCategory category) {}

        /** A window's start and count; guarded by its own monitor so services do not wait for each other. */
        private static final class Window {
            private Instant start;
            private int calls;

            synchronized Optional<Duration> take(Instant now, int limit) {
                if (!isOpenAt(now)) {
                    start = now;
                    calls = 0;
                }
                if (calls >= limit) {
                    return Optional.of(Duration.between(now, start.plus(WINDOW)));
                }
                calls++;
                return Optional.empty();
            }

            synchronized Optional<Usage> usage(Key key, int limit, Instant now) {
                if (!isOpenAt(now)) {
                    return Optional.empty();
                }
                return Optional.of(new Usage(key.serviceId(), key.category(), calls, limit, start.plus(WINDOW)));
            }

            private boolean isOpenAt(Instant now) {
                return start != null && !now.isBefore(start) && now.isBefore(start.plus(WINDOW));
            }
        }

        private final Map<Key, Window> windows = new ConcurrentHashMap<>();

        @Override
        public Optional<Duration> take(long serviceId, RateCategory category, Instant now, int limit) {
            return windows.computeIfAbsent(new Key(serviceId, category), k -> new Window()).take(now, limit);
        }

        @Override
        public List<Usage> usage(Instant now, RateLimits limits) {
            return windows.entrySet().stream()
                    .flatMap(e -> e.getValue().usage(e.getKey(), limits.published(e.getKey().category()), now).stream())
                    .toList();
        }

        @Override
        public void clear() {
            windows.clear();
        }
    }
}
