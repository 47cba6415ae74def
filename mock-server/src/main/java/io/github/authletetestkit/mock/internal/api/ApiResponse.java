package io.github.authletetestkit.mock.internal.api;

/**
 * What a handler answers: an HTTP status and a body that is either an object to serialise as JSON or,
 * for the few operations that return documents verbatim, ready text.
 */
public record ApiResponse(int status, Object body, String contentType) {

    public static final String JSON = "application/json";

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, JSON);
    }

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body, JSON);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, null);
    }

    /** A JSON document that is already text (JWK Set, discovery document). */
    public static ApiResponse rawJson(String json) {
        return new ApiResponse(200, new RawText(json), JSON);
    }

    public static ApiResponse text(String text) {
        return new ApiResponse(200, new RawText(text), "text/plain");
    }

    /** Text written as it is, not serialised. */
    public record RawText(String text) {}
}
