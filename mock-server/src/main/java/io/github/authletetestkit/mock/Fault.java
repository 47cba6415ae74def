package io.github.authletetestkit.mock;

import java.time.Duration;
import java.util.Objects;

/**
 * What goes wrong with a call on purpose: an HTTP error instead of the answer, a delay before it, a
 * reset connection, or a 429 with {@code Retry-After}. Build one with the factories, combine with {@link #after}.
 *
 * @param status the HTTP status to answer instead of the real answer; 0 answers normally
 * @param delay how long to wait before answering
 * @param connectionReset drop the connection instead of answering
 * @param retryAfter for a 429, the {@code Retry-After} to send (whole seconds)
 */
public record Fault(int status, Duration delay, boolean connectionReset, Duration retryAfter) {

    public Fault {
        Objects.requireNonNull(delay, "delay");
        if (status != 0 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("a fault's status must be 4xx or 5xx, or 0 for none: " + status);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a fault's delay must not be negative: " + delay);
        }
    }

    /** Answer {@code status} (500, 503…) with an Authlete error body instead of the real answer. */
    public static Fault status(int status) {
        return new Fault(status, Duration.ZERO, false, null);
    }

    /** Answer normally, but only after {@code delay}. */
    public static Fault latency(Duration delay) {
        return new Fault(0, delay, false, null);
    }

    /** Close the connection without answering. */
    public static Fault resetConnection() {
        return new Fault(0, Duration.ZERO, true, null);
    }

    /** Answer 429 Too Many Requests with {@code Retry-After}. */
    public static Fault rateLimited(Duration retryAfter) {
        return new Fault(429, Duration.ZERO, false, retryAfter);
    }

    /** This fault, after a delay. */
    public Fault after(Duration wait) {
        return new Fault(status, wait, connectionReset, retryAfter);
    }

    /** Whether the real answer is replaced (an error status or a reset), not merely delayed. */
    public boolean replacesAnswer() {
        return status != 0 || connectionReset;
    }
}
