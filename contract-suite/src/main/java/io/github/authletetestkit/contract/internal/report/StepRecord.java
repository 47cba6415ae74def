package io.github.authletetestkit.contract.internal.report;

import io.github.authletetestkit.contract.internal.check.CheckedFinding;
import java.util.List;

/**
 * One call of a flow as it happened.
 *
 * @param phase        {@link Phase#FLOW} for the flow's own steps, {@link Phase#CLEANUP} for deletions afterwards
 * @param path         the path with the service ID replaced by {@code {serviceId}} (and no secrets)
 * @param expected     what the step expected, e.g. {@code HTTP 200, action INTERACTION}
 * @param status       the HTTP status (0 when no answer arrived)
 * @param action       the {@code action} member of the answer, or {@code null}
 * @param mismatch     why the answer did not meet the expectation, or {@code null}
 * @param responseBody the (masked) body, kept for comparison and for diagnosing failures
 */
public record StepRecord(
        String name,
        Phase phase,
        String operationId,
        String method,
        String path,
        String expected,
        int status,
        String action,
        long durationMillis,
        int retries,
        List<CheckedFinding> findings,
        String mismatch,
        String responseBody) {

    public enum Phase { FLOW, CLEANUP }

    public StepRecord {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** Findings that fail the run (not covered by the allow-list). */
    public long failingFindings() {
        return findings.stream().filter(f -> !f.allowed()).count();
    }
}
