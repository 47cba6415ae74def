package io.github.authletetestkit.flows.internal;

import java.util.List;
import java.util.Optional;

/**
 * A sequence of API calls with an expectation on each, run against any target. A flow knows nothing of
 * HTTP: it builds {@link Step}s and reads {@link Reply}s through its {@link FlowContext}, registers what it
 * creates for deletion, and throws {@link FlowFailure} or {@link FlowSkipped} to stop.
 */
public interface Flow {

    /** Short, stable, kebab-case: used on the command line, in reports and in created resources' names. */
    String id();

    /** One line for humans. */
    String title();

    /** Every operation (operationId) the flow calls: it is skipped when the spec or the target lacks one. */
    List<String> operations();

    /** Whether the flow creates anything on the target (then {@code --read-only} leaves it out). */
    boolean createsResources();

    /** A reason to skip on a service configured like this, or empty. */
    default Optional<String> unsupportedBy(ServiceProfile service) {
        return Optional.empty();
    }

    void run(FlowContext context) throws InterruptedException;
}
