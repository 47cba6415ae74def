package io.github.authletetestkit.spec.internal;

/**
 * Thrown when an OpenAPI document cannot be read or parsed. The message always names the source.
 */
public final class SpecLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;

    public SpecLoadException(String source, String message) {
        super(message);
        this.source = source;
    }

    public SpecLoadException(String source, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
    }

    /** The source string as given to {@link AuthleteSpec#load(String)} (or its normalised form). */
    public String source() {
        return source;
    }
}
