package io.github.authletetestkit.contract.internal.target;

import java.time.Duration;
import java.util.Optional;

/**
 * How a 429 is retried: {@code Retry-After} (seconds) when the answer has one, else exponential back-off
 * from {@link #initialBackoff()}, each wait capped at {@link #maxWait()}.
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxWait) {

    public static RetryPolicy standard() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(2));
    }

    /** The wait before retry number {@code attempt} (1-based). */
    public Duration backoff(int attempt, Optional<String> retryAfter) {
        Duration wait = retryAfter.flatMap(RetryPolicy::seconds)
                .orElseGet(() -> initialBackoff.multipliedBy(1L << Math.min(20, attempt - 1)));
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }

    private static Optional<Duration> seconds(String header) {
        try {
            long value = Long.parseLong(header.trim());
            return value < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(value));
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
    }
}
