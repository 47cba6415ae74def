package io.github.authletetestkit.flows.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Runs flows one after the other in one {@link FlowEnvironment}: decides what to skip before a flow starts
 * (read-only mode, operations the target's spec lacks, what the service does not support), runs it, and always
 * runs its cleanup. An interrupt stops the run after the current flow's cleanup.
 *
 * <pre>{@code
 * FlowEnvironment env = new FlowEnvironment(caller, TargetClock.REAL, new CleanupRegistry(), "run1");
 * List<FlowOutcome> outcomes = new FlowRunner(env, false, operationId -> true, FlowListener.NONE)
 *         .run(FlowCatalog.select(List.of("authorization-code")));
 * }</pre>
 */
public final class FlowRunner {

    private final FlowEnvironment env;
    private final boolean readOnly;
    private final Predicate<String> knownOperation;
    private final FlowListener listener;

    /**
     * @param readOnly       skip the flows that create resources
     * @param knownOperation whether the target's spec has an operation (by operationId); a flow needing one it
     *                       lacks is skipped
     * @param listener       told about every flow and step; {@code null} for none
     */
    public FlowRunner(FlowEnvironment env, boolean readOnly, Predicate<String> knownOperation, FlowListener listener) {
        this.env = Objects.requireNonNull(env, "env");
        this.readOnly = readOnly;
        this.knownOperation = Objects.requireNonNull(knownOperation, "knownOperation");
        this.listener = listener == null ? FlowListener.NONE : listener;
    }

    public List<FlowOutcome> run(List<Flow> flows) {
        List<FlowOutcome> outcomes = new ArrayList<>();
        boolean interrupted = false;
        for (int i = 0; i < flows.size(); i++) {
            Flow flow = flows.get(i);
            listener.started(i + 1, flows.size(), flow);
            FlowOutcome outcome = interrupted ? FlowOutcome.skipped(flow, "the run was interrupted") : runOne(flow);
            interrupted |= Thread.currentThread().isInterrupted();
            outcomes.add(outcome);
            listener.finished(i + 1, flows.size(), outcome);
        }
        return outcomes;
    }

    FlowOutcome runOne(Flow flow) {
        String reason = preflight(flow);
        if (reason != null) {
            return FlowOutcome.skipped(flow, reason);
        }
        FlowContext ctx = new FlowContext(env, flow, listener);
        long started = System.nanoTime();
        FlowOutcome.Status status = FlowOutcome.Status.PASSED;
        String why = null;
        try {
            flow.run(ctx);
        } catch (FlowSkipped e) {
            status = FlowOutcome.Status.SKIPPED;
            why = e.getMessage();
        } catch (FlowFailure e) {
            status = FlowOutcome.Status.FAILED;
            why = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = FlowOutcome.Status.FAILED;
            why = "interrupted";
        } catch (RuntimeException e) {
            status = FlowOutcome.Status.FAILED;
            why = "unexpected error: " + e;
        } finally {
            ctx.cleanUp();
        }
        List<String> cleanupFailures = ctx.cleanupFailures();
        if (!cleanupFailures.isEmpty()) {
            String cleanup = "cleanup failed: " + String.join("; ", cleanupFailures);
            why = why == null ? cleanup : why + "; " + cleanup;
            status = FlowOutcome.Status.FAILED;
        }
        return new FlowOutcome(flow, status, why, (System.nanoTime() - started) / 1_000_000);
    }

    private String preflight(Flow flow) {
        if (readOnly && flow.createsResources()) {
            return "creates resources (--read-only)";
        }
        for (String operation : flow.operations()) {
            if (!knownOperation.test(operation)) {
                return FlowSkipped.lacksOperation(operation, "not in the spec").getMessage();
            }
        }
        if (!flow.id().equals(ServiceReadFlow.ID)) {
            ServiceProfile service = env.service();
            if (service == null) {
                return "not run: service-read did not pass, so the service's configuration is unknown";
            }
            return flow.unsupportedBy(service).orElse(null);
        }
        return null;
    }
}
