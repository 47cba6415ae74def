package io.github.authletetestkit.contract.internal.target;

import java.util.List;

/** A live target was asked for but the environment does not hold its credentials. */
public final class MissingCredentialsException extends RuntimeException {

    private final List<String> variables;

    public MissingCredentialsException(List<String> variables) {
        super("credentials for a live target come from the environment; not set: " + String.join(", ", variables));
        this.variables = List.copyOf(variables);
    }

    public List<String> variables() {
        return variables;
    }
}
