package io.github.authletetestkit.mock.internal.oauth;

/**
 * Thrown when a client assertion (RFC 7523) or a client certificate (RFC 8705) does not authenticate the client. The
 * message says which check failed, for the {@code error_description} of an {@code invalid_client} error.
 */
public final class InvalidClientCredentialsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidClientCredentialsException(String message) {
        super(message);
    }
}
