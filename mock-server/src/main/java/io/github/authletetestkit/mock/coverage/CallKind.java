package io.github.authletetestkit.mock.coverage;

import java.util.Objects;

/**
 * What a call was, as coverage counts it.
 *
 * @param action the answer's {@code action}; null when it had none
 * @param resultCode the answer's {@code resultCode}; null when it had none
 */
public record CallKind(String operationId, String action, String resultCode) {

    public CallKind {
        Objects.requireNonNull(operationId, "operationId");
    }
}
