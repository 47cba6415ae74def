package io.github.authletetestkit.mock.internal.oauth;

/**
 * Thrown when an {@code application/x-www-form-urlencoded} string cannot be decoded.
 * Unchecked because callers turn it into an OAuth {@code invalid_request} in one place.
 */
public final class InvalidParametersException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameterName;

    /**
     * @param parameterName the (raw) name of the offending parameter, as far as it could be read
     * @param message       human-readable reason, naming the parameter
     */
    public InvalidParametersException(String parameterName, String message) {
        super(message);
        this.parameterName = parameterName;
    }

    /** The name of the parameter whose name or value is malformed, as it appeared on the wire. */
    public String parameterName() {
        return parameterName;
    }
}
