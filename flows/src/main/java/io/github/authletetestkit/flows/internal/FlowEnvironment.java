package io.github.authletetestkit.flows.internal;

import java.util.Objects;

/**
 * What every flow of one run shares: the caller to the target and the target's clock, the registry of things
 * to delete, the run's id, and the service's configuration once service-read has read it.
 */
public final class FlowEnvironment {

    /** Every resource a run creates is named {@code PREFIX + "-" + runId + "-" + flowId}; {@code --cleanup} looks for it. */
    public static final String PREFIX = "authlete-contract-suite";

    private final ApiCaller caller;
    private final TargetClock clock;
    private final CleanupRegistry registry;
    private final String runId;
    private volatile ServiceProfile service;

    public FlowEnvironment(ApiCaller caller, TargetClock clock, CleanupRegistry registry, String runId) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.runId = Objects.requireNonNull(runId, "runId");
    }

    public ApiCaller caller() {
        return caller;
    }

    public TargetClock clock() {
        return clock;
    }

    public CleanupRegistry registry() {
        return registry;
    }

    public String runId() {
        return runId;
    }

    /** The service's configuration, or {@code null} before service-read has run (or when it failed). */
    public ServiceProfile service() {
        return service;
    }

    void service(ServiceProfile profile) {
        this.service = profile;
    }
}
