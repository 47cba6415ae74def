package io.github.authletetestkit.contract.internal.report;

/** One row of the per-operation table. */
public record OperationSummary(String operationId, long calls, long findings, long allowedFindings, long mismatches,
                               long differences) {
}
