package io.github.authletetestkit.contract.internal.target;

import io.github.authletetestkit.spec.internal.RateLimits;
import java.time.Duration;

/** Where the flows run: the embedded mock or a base URL that speaks the Authlete API. */
public interface Target extends AutoCloseable {

    /** {@code mock}, a region id ({@code us}…) or the base URL: what the reports call this target. */
    String name();

    String baseUrl();

    Credentials credentials();

    /** A real Authlete (or another server we do not control): paced, and everything created must be cleaned up. */
    boolean live();

    /** The hourly call limits to pace by. */
    RateLimits limits();

    /**
     * Lets time pass for the target, e.g. a polling interval: the embedded mock moves its clock, anything
     * else waits for real.
     */
    void elapse(Duration duration) throws InterruptedException;

    @Override
    void close();
}
