package io.github.authletetestkit.flows.internal;

/**
 * One step as it was performed, for a {@link FlowListener}.
 *
 * @param cleanup        a deletion run after the flow (not one of the flow's own steps)
 * @param request        what was sent
 * @param reply          the answer; {@code null} when none came
 * @param mismatch       why the answer (or its absence) did not meet the step's expectation; {@code null} when it did
 * @param lacksOperation the target does not have the operation (501, 405, a 404 not about a resource, or an answer
 *                       the mock synthesised): the answer is not the operation's, so there is nothing to check in it
 */
public record StepEvent(Step step, boolean cleanup, ApiRequest request, Reply reply, String mismatch, boolean lacksOperation) {
}
