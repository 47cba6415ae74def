package io.github.authletetestkit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One call the mock answered, as a test wants to verify it: which Authlete operation, with which body,
 * and what came back.
 *
 * @param operationId the operation of the spec, or null when no operation has that path
 * @param requestBody the body as JSON (a form body turned into an object); null when there was none
 * @param action the {@code action} of the answer, for runtime APIs
 * @param resultCode the {@code resultCode} of the answer, when it has one
 * @param wire what went over the wire, to show and repeat the call; {@link Wire#NONE} when not kept
 */
public record RecordedCall(Instant at, String operationId, String method, String path, JsonNode requestBody,
                           int status, String action, String resultCode, long durationMicros, Wire wire) {

    /**
     * The call as sent and answered.
     *
     * @param query the query string without {@code ?}; empty when none
     * @param contentType the request's content type; null when none
     * @param authorization the request's Authorization header; null when none
     * @param requestText the request body as sent; null when none
     * @param responseBody the answer's body; null when none
     * @param violations what the spec validator found wrong with the request or the response
     */
    public record Wire(String query, String contentType, String authorization, String requestText, String responseBody,
                       List<String> violations) {
        public static final Wire NONE = new Wire("", null, null, null, null, List.of());

        public Wire {
            query = query == null ? "" : query;
            violations = List.copyOf(violations);
        }
    }

    /** A call recorded without its wire details. */
    public RecordedCall(Instant at, String operationId, String method, String path, JsonNode requestBody,
                        int status, String action, String resultCode, long durationMicros) {
        this(at, operationId, method, path, requestBody, status, action, resultCode, durationMicros, Wire.NONE);
    }

    public RecordedCall {
        wire = wire == null ? Wire.NONE : wire;
    }

    /** A member of the request body as text; null when absent. */
    public String bodyField(String name) {
        JsonNode value = requestBody == null ? null : requestBody.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
