package io.github.authletetestkit.mock.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One call the mock answered, as a test wants to verify it: which Authlete operation, with which body,
 * and what came back.
 *
 * @param operationId the operation of the spec, or null when no operation has that path
 * @param requestBody the body as JSON (a form body turned into an object); null when there was none
 * @param action the {@code action} of the answer, for runtime APIs
 * @param resultCode the {@code resultCode} of the answer, when it has one
 */
public record RecordedCall(Instant at, String operationId, String method, String path, JsonNode requestBody,
                           int status, String action, String resultCode, long durationMicros) {

    /** A member of the request body as text; null when absent. */
    public String bodyField(String name) {
        JsonNode value = requestBody == null ? null : requestBody.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
