package io.github.authletetestkit.flows.internal;

/**
 * The target cannot run this flow: it lacks an operation (not in the spec, or it answered 404/501), or the
 * service is not configured for it. The flow stops, cleans up and is reported as skipped.
 */
public final class FlowSkipped extends RuntimeException {

    public FlowSkipped(String reason) {
        super(reason);
    }

    /** {@code target lacks operation X (why)}. */
    public static FlowSkipped lacksOperation(String operationId, String why) {
        return new FlowSkipped("target lacks operation " + operationId + " (" + why + ")");
    }
}
