package io.github.authletetestkit.mock.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.RecordedCall;
import io.github.authletetestkit.mock.internal.journal.CurlCommand;
import io.github.authletetestkit.mock.model.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One Authlete call the mock answered, as {@link AuthleteMockControl#calls()} and {@code GET /__admin/authlete/calls}
 * show it: the same members in process and over HTTP.
 *
 * @param operation     the spec's operationId, e.g. {@code auth_token_api}; null when no operation has the path
 * @param query         the query string without {@code ?}; empty when none
 * @param action        the answer's {@code action}, for runtime APIs; null otherwise
 * @param resultCode    the answer's {@code resultCode}; null when it has none
 * @param durationMs    how long the mock took to answer
 * @param requestBody   the request body as sent; null when none (or when the journal keeps no bodies)
 * @param responseBody  the answer's body; null when none
 * @param specViolations what the spec validator found wrong with the request or the answer
 * @param curl          a {@code curl} command line that sends the call again
 */
public record MockCall(Instant at, String operation, String method, String path, String query, int status, String action,
                       String resultCode, double durationMs, String requestContentType, String requestBody,
                       String responseBody, List<String> specViolations, String curl) {

    public MockCall {
        query = query == null ? "" : query;
        specViolations = specViolations == null ? List.of() : List.copyOf(specViolations);
    }

    /** A journal entry of a mock reachable at {@code baseUrl}. */
    public static MockCall of(RecordedCall call, String baseUrl) {
        RecordedCall.Wire wire = call.wire();
        return new MockCall(call.at(), call.operationId(), call.method(), call.path(), wire.query(), call.status(),
                call.action(), call.resultCode(), call.durationMicros() / 1000.0, wire.contentType(), wire.requestText(),
                wire.responseBody(), wire.violations(), CurlCommand.of(baseUrl, call));
    }

    /** The call as the admin API writes it. */
    public ObjectNode toJson() {
        ObjectNode node = Json.object()
                .put("at", at.toString())
                .put("operation", operation)
                .put("method", method)
                .put("path", path)
                .put("query", query)
                .put("status", status)
                .put("action", action)
                .put("resultCode", resultCode)
                .put("durationMs", durationMs)
                .put("requestContentType", requestContentType)
                .put("requestBody", requestBody)
                .put("responseBody", responseBody);
        ArrayNode violations = node.putArray("specViolations");
        specViolations.forEach(violations::add);
        return node.put("curl", curl);
    }

    /** A call as the admin API wrote it. */
    public static MockCall fromJson(JsonNode node) {
        List<String> violations = new ArrayList<>();
        node.path("specViolations").forEach(v -> violations.add(v.asText()));
        return new MockCall(Instant.parse(node.path("at").asText()), text(node, "operation"), text(node, "method"),
                text(node, "path"), text(node, "query"), node.path("status").asInt(), text(node, "action"),
                text(node, "resultCode"), node.path("durationMs").asDouble(), text(node, "requestContentType"),
                text(node, "requestBody"), text(node, "responseBody"), violations, text(node, "curl"));
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** One line for a failure message: method, path, operation, status, action and result code. */
    public String summary() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " (" + operation + ") -> " + status
                + (action == null ? "" : " " + action) + (resultCode == null ? "" : " " + resultCode);
    }
}
