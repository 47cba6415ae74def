package io.github.authletetestkit.contract.internal.report;

import io.github.authletetestkit.flows.internal.FlowOutcome;
import java.util.List;

/**
 * How one flow went.
 *
 * @param operations the operations the flow needs
 * @param reason     why it failed or was skipped; {@code null} when it passed
 */
public record FlowResult(String id, String title, FlowOutcome.Status status, String reason, List<String> operations,
                         boolean createsResources, long durationMillis, List<StepRecord> steps) {

    public FlowResult {
        operations = List.copyOf(operations);
        steps = List.copyOf(steps);
    }

    public long calls() {
        return steps.size();
    }

    public long failingFindings() {
        return steps.stream().mapToLong(StepRecord::failingFindings).sum();
    }

    public long mismatches() {
        return steps.stream().filter(s -> s.mismatch() != null).count();
    }
}
