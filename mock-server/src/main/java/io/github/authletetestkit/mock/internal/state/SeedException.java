package io.github.authletetestkit.mock.internal.state;

/**
 * A seed or state document that cannot be loaded: names the member at fault as a path such as
 * {@code services[1].clients[0].redirectUris} (empty for the document as a whole).
 */
public final class SeedException extends RuntimeException {

    private final String field;
    private final String reason;
    private final String source;

    public SeedException(String field, String reason) {
        this(field, reason, null, null);
    }

    private SeedException(String field, String reason, String source, Throwable cause) {
        super((source == null ? "" : source + ": ") + (field.isEmpty() ? "" : field + ": ") + reason, cause);
        this.field = field;
        this.reason = reason;
        this.source = source;
    }

    /** The same error, said of a named document (a file). */
    public SeedException in(String documentName) {
        return new SeedException(field, reason, documentName, this);
    }

    public String field() {
        return field;
    }

    /** What is wrong, without the path and the document. */
    public String reason() {
        return reason;
    }

    /** The document (file) at fault, or null. */
    public String source() {
        return source;
    }
}
