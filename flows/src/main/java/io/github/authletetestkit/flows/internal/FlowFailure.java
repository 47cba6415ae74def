package io.github.authletetestkit.flows.internal;

/** A step did not get the answer it expected (or none at all): the flow stops and fails. */
public final class FlowFailure extends RuntimeException {

    public FlowFailure(String message) {
        super(message);
    }

    public FlowFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
