package io.github.authletetestkit.contract.internal.check;

import java.util.Objects;

/**
 * One way an exchange does not conform to the spec.
 *
 * @param operationId the operation the validator matched (or the one the flow meant to call)
 * @param direction   whether the request or the response is at fault
 * @param pointer     JSON pointer into the body ({@code ""} when the finding is not about the body: status, header…)
 * @param key         the validator's message key, e.g. {@code validation.response.body.schema.type}
 * @param message     the validator's message
 */
public record Finding(String operationId, Direction direction, String pointer, String key, String message) {

    public enum Direction { REQUEST, RESPONSE }

    public Finding {
        Objects.requireNonNull(direction, "direction");
        pointer = pointer == null ? "" : pointer;
        key = key == null ? "" : key;
        message = message == null ? "" : message;
    }

    /** {@code auth_token_api response /accessTokenDuration: [validation.response.body.schema.type] …}. */
    @Override
    public String toString() {
        return operationId + " " + direction.name().toLowerCase(java.util.Locale.ROOT) + " "
                + displayPointer() + ": [" + key + "] " + message;
    }

    /** The pointer, or what the finding is about when it has none: the body as a whole, or the status/headers. */
    public String displayPointer() {
        if (!pointer.isEmpty()) {
            return pointer;
        }
        return key.contains(".body.") ? "(body)" : "(no pointer: status, headers or path)";
    }
}
