package io.github.authletetestkit.mock.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.model.Json;

/**
 * What an admin route answers: a status and a JSON body, or none for 204.
 *
 * @param body null for no body
 */
public record AdminReply(int status, JsonNode body) {

    public static AdminReply ok(JsonNode body) {
        return new AdminReply(200, body);
    }

    public static AdminReply noContent() {
        return new AdminReply(204, null);
    }

    /** {@code {"error": message, "field": field}}, the one error shape of the admin API. */
    public static AdminReply error(int status, String message, String field) {
        ObjectNode body = Json.object().put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        return new AdminReply(status, body);
    }
}
