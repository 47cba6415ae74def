package io.github.authletetestkit.mock.internal.oauth;

/** Thrown when a request object (RFC 9101) is refused; the message is the {@code error_description} of {@code invalid_request_object}. */
public final class InvalidRequestObjectException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestObjectException(String message) {
        super(message);
    }
}
