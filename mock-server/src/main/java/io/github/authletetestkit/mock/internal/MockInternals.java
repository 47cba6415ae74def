package io.github.authletetestkit.mock.internal;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.internal.faults.FaultPlan;
import io.github.authletetestkit.mock.internal.http.ApiPipeline;
import io.github.authletetestkit.mock.internal.journal.CallJournal;
import io.github.authletetestkit.mock.internal.ratelimit.RateLimiter;
import io.github.authletetestkit.mock.internal.store.MockStore;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import java.util.Objects;
import java.util.function.Function;

/**
 * What lies behind an {@link AuthleteMockServer}: its store, journal, fault plan and rate limiter. For the testkit's
 * own modules and tests; not part of the API, so it may change in any release. Users reach the same things through
 * {@link AuthleteMockServer#control()}.
 */
public final class MockInternals {

    /** Set once by {@link AuthleteMockServer}'s class initialisation: the only way to its private parts. */
    private static volatile Function<AuthleteMockServer, MockInternals> access;

    private final MockStore store;
    private final CallJournal journal;
    private final ApiPipeline pipeline;
    private final long defaultServiceId;

    public MockInternals(MockStore store, CallJournal journal, ApiPipeline pipeline, long defaultServiceId) {
        this.store = store;
        this.journal = journal;
        this.pipeline = pipeline;
        this.defaultServiceId = defaultServiceId;
    }

    /** Called by {@link AuthleteMockServer} only; a second caller is refused. */
    public static synchronized void grantAccess(Function<AuthleteMockServer, MockInternals> accessor) {
        if (access != null) {
            throw new IllegalStateException("access is granted once, by AuthleteMockServer");
        }
        access = Objects.requireNonNull(accessor, "accessor");
    }

    /** The internals of {@code server} (its class is initialised: the instance exists, so access is set). */
    public static MockInternals of(AuthleteMockServer server) {
        return access.apply(Objects.requireNonNull(server, "server"));
    }

    /** The state, for tests that look behind the API. */
    public MockStore store() {
        return store;
    }

    public ServiceState defaultService() {
        return store.service(defaultServiceId).orElseThrow(() -> new IllegalStateException("the default service was deleted"));
    }

    /** The Authlete calls answered since the start or the last reset, oldest first. */
    public CallJournal journal() {
        return journal;
    }

    /** Faults to inject into the next calls of an operation: error statuses, latency, resets, 429s. */
    public FaultPlan faults() {
        return pipeline.faults();
    }

    /** The emulation of Authlete's hourly rate limits; off unless the settings turn it on. */
    public RateLimiter rateLimiter() {
        return pipeline.rateLimiter();
    }
}
