package io.github.authletetestkit.mock.internal.oauth;

/**
 * Thrown when a DPoP proof JWT (RFC 9449) is rejected. The message says which check failed, so it can be
 * used as the {@code error_description} of an {@code invalid_dpop_proof} error.
 */
public final class InvalidDpopProofException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidDpopProofException(String message) {
        super(message);
    }

    public InvalidDpopProofException(String message, Throwable cause) {
        super(message, cause);
    }
}
