package io.github.authletetestkit.mock.internal.oauth;

/**
 * Thrown when an ID token cannot be produced (no usable key, missing mandatory claim, signing failure).
 * Authlete answers such cases with {@code INTERNAL_SERVER_ERROR}, so callers map it in one place.
 */
public final class IdTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdTokenException(String message) {
        super(message);
    }

    public IdTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
