package io.github.authletetestkit.flows.internal;

/**
 * Told what a {@link FlowRunner} does, as it happens and on the runner's thread: each flow starting and
 * ending, and every step in between. The contract suite checks each exchange against the spec and builds its
 * report here; a test can just collect the events.
 */
public interface FlowListener {

    /** Listens to nothing. */
    FlowListener NONE = new FlowListener() { };

    default void started(int index, int total, Flow flow) {
    }

    /** A step of the flow that {@link #started} last, or of its cleanup. */
    default void performed(StepEvent event) {
    }

    /**
     * The flow found the answer of its last step wrong beyond the step's expectation ({@link FlowContext#check});
     * the flow fails with this message.
     */
    default void checkFailed(String message) {
    }

    default void finished(int index, int total, FlowOutcome outcome) {
    }
}
