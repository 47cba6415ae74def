package io.github.authletetestkit.flows.internal;

/**
 * How one flow went.
 *
 * @param reason why it failed or was skipped; {@code null} when it passed
 */
public record FlowOutcome(Flow flow, Status status, String reason, long durationMillis) {

    public enum Status { PASSED, FAILED, SKIPPED }

    static FlowOutcome skipped(Flow flow, String reason) {
        return new FlowOutcome(flow, Status.SKIPPED, reason, 0);
    }
}
