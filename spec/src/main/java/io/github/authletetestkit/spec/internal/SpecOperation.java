package io.github.authletetestkit.spec.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One operation of an OpenAPI document, reduced to what request routing needs.
 *
 * @param method              HTTP method, upper case ({@code GET}, {@code POST}, ...)
 * @param pathTemplate        the path as written in the document, e.g. {@code /api/{serviceId}/auth/token}
 * @param operationId         the operationId, or {@code null} when the document gives none
 * @param authenticated       whether the effective security requirement demands credentials
 *                            ({@code false} for {@code security: []} or an empty requirement)
 * @param requestContentTypes media types of the request body in document order; empty without a body
 */
public record SpecOperation(String method, String pathTemplate, String operationId, boolean authenticated,
                            List<String> requestContentTypes) {

    public SpecOperation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        method = method.toUpperCase(Locale.ROOT);
        requestContentTypes = requestContentTypes == null ? List.of() : List.copyOf(requestContentTypes);
        PathTemplate.of(pathTemplate); // validate early and warm the cache
    }

    /** The pre-split path template. */
    public PathTemplate template() {
        return PathTemplate.of(pathTemplate);
    }

    /**
     * Whether a request with this method and concrete path (query string ignored) fits this operation's
     * template, looked at alone. Several templates can fit one path (a literal segment is also a valid
     * parameter value); for routing use {@link OperationMatcher}, which prefers literal segments.
     */
    public boolean matches(String method, String path) {
        return this.method.equalsIgnoreCase(method) && template().match(path) != null;
    }

    /** Whether the request body may be sent with the given media type (parameters such as charset ignored). */
    public boolean acceptsContentType(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String bare = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).trim();
        for (String accepted : requestContentTypes) {
            if (accepted.equalsIgnoreCase(bare)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return method + " " + pathTemplate + (operationId != null ? " (" + operationId + ")" : "");
    }
}
