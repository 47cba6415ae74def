package io.github.authletetestkit.flows;

import io.github.authletetestkit.contract.report.FlowResult;
import io.github.authletetestkit.contract.report.StepRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs flows one after the other in one {@link FlowEnvironment}: decides what to skip before a flow starts
 * (read-only mode, operations the spec lacks, what the service does not support), runs it, and always runs
 * its cleanup. An interrupt stops the run after the current flow's cleanup.
 */
public final class FlowRunner {

    /** Told about each flow as it starts and ends: the progress line. */
    public interface Listener {
        default void started(int index, int total, Flow flow) {
        }

        default void finished(int index, int total, FlowResult result) {
        }
    }

    private final FlowEnvironment env;
    private final boolean readOnly;
    private final Listener listener;

    public FlowRunner(FlowEnvironment env, boolean readOnly, Listener listener) {
        this.env = env;
        this.readOnly = readOnly;
        this.listener = listener == null ? new Listener() { } : listener;
    }

    public List<FlowResult> run(List<Flow> flows) {
        List<FlowResult> results = new ArrayList<>();
        boolean interrupted = false;
        for (int i = 0; i < flows.size(); i++) {
            Flow flow = flows.get(i);
            listener.started(i + 1, flows.size(), flow);
            FlowResult result = interrupted ? skipped(flow, "the run was interrupted") : runOne(flow);
            interrupted |= Thread.currentThread().isInterrupted();
            results.add(result);
            listener.finished(i + 1, flows.size(), result);
        }
        return results;
    }

    FlowResult runOne(Flow flow) {
        String reason = preflight(flow);
        if (reason != null) {
            return skipped(flow, reason);
        }
        FlowContext ctx = new FlowContext(env, flow);
        long started = System.nanoTime();
        FlowResult.Status status = FlowResult.Status.PASSED;
        String why = null;
        try {
            flow.run(ctx);
        } catch (FlowSkipped e) {
            status = FlowResult.Status.SKIPPED;
            why = e.getMessage();
        } catch (FlowFailure e) {
            status = FlowResult.Status.FAILED;
            why = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = FlowResult.Status.FAILED;
            why = "interrupted";
        } catch (RuntimeException e) {
            status = FlowResult.Status.FAILED;
            why = "unexpected error: " + env.masker().mask(String.valueOf(e));
        } finally {
            ctx.cleanUp();
        }
        List<String> cleanupFailures = ctx.cleanupFailures();
        if (!cleanupFailures.isEmpty()) {
            String cleanup = "cleanup failed: " + String.join("; ", cleanupFailures);
            why = why == null ? cleanup : why + "; " + cleanup;
            status = FlowResult.Status.FAILED;
        }
        return new FlowResult(flow.id(), flow.title(), status, why, flow.operations(), flow.createsResources(),
                (System.nanoTime() - started) / 1_000_000, ctx.steps());
    }

    private String preflight(Flow flow) {
        if (readOnly && flow.createsResources()) {
            return "creates resources (--read-only)";
        }
        for (String operation : flow.operations()) {
            if (!env.checker().hasOperation(operation)) {
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

    private static FlowResult skipped(Flow flow, String reason) {
        return new FlowResult(flow.id(), flow.title(), FlowResult.Status.SKIPPED, reason, flow.operations(), flow.createsResources(),
                0, List.<StepRecord>of());
    }
}
