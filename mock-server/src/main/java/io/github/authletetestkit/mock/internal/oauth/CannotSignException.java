package io.github.authletetestkit.mock.internal.oauth;

/**
 * Why a JWT the service issues (a JWT access token, a JARM response) cannot be signed: an algorithm the mock cannot use
 * for it, or no key for it. Authlete answers such cases with {@code INTERNAL_SERVER_ERROR}.
 */
public final class CannotSignException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CannotSignException(String message) {
        super(message);
    }
}
