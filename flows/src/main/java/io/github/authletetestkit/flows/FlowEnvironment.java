package io.github.authletetestkit.flows;

import io.github.authletetestkit.contract.check.SpecChecker;
import io.github.authletetestkit.contract.report.Masker;
import io.github.authletetestkit.contract.target.ApiCaller;
import io.github.authletetestkit.contract.target.Target;
import java.util.Objects;

/**
 * What every flow of one run shares: the target and the caller to it, the spec checker, the masker, the
 * registry of things to delete, the run's id, and the service's configuration once service-read has read it.
 */
public final class FlowEnvironment {

    /** Every resource a run creates is named {@code PREFIX + "-" + runId + "-" + flowId}; {@code --cleanup} looks for it. */
    public static final String PREFIX = "authlete-contract-suite";

    private final Target target;
    private final ApiCaller caller;
    private final SpecChecker checker;
    private final Masker masker;
    private final CleanupRegistry registry;
    private final String runId;
    private volatile ServiceProfile service;

    public FlowEnvironment(Target target, ApiCaller caller, SpecChecker checker, Masker masker, CleanupRegistry registry, String runId) {
        this.target = Objects.requireNonNull(target, "target");
        this.caller = Objects.requireNonNull(caller, "caller");
        this.checker = Objects.requireNonNull(checker, "checker");
        this.masker = Objects.requireNonNull(masker, "masker");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.runId = Objects.requireNonNull(runId, "runId");
    }

    public Target target() {
        return target;
    }

    public ApiCaller caller() {
        return caller;
    }

    public SpecChecker checker() {
        return checker;
    }

    public Masker masker() {
        return masker;
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
