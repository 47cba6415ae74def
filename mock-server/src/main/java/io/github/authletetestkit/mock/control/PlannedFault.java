package io.github.authletetestkit.mock.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.Fault;
import io.github.authletetestkit.mock.model.Json;
import java.time.Duration;

/**
 * A fault waiting for the next {@code calls} calls of an operation, as {@link AuthleteMockControl#faults()} and
 * {@code /__admin/authlete/faults} show it.
 *
 * @param operation the operationId, or {@value AuthleteMockControl#ANY_OPERATION} for any operation
 */
public record PlannedFault(String operation, Fault fault, int calls) {

    /** As the admin API writes it, and as {@code POST faults} reads it. */
    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("operation", operation);
        if (fault.status() != 0) {
            node.put("status", fault.status());
        }
        node.put("latencyMs", fault.delay().toMillis()).put("resetConnection", fault.connectionReset());
        if (fault.retryAfter() != null) {
            node.put("retryAfterSeconds", fault.retryAfter().toSeconds());
        }
        return node.put("count", calls);
    }

    /** A planned fault as the admin API wrote it. */
    public static PlannedFault fromJson(JsonNode node) {
        Duration retryAfter = node.hasNonNull("retryAfterSeconds") ? Duration.ofSeconds(node.get("retryAfterSeconds").asLong()) : null;
        Fault fault = new Fault(node.path("status").asInt(0), Duration.ofMillis(node.path("latencyMs").asLong(0)),
                node.path("resetConnection").asBoolean(false), retryAfter);
        return new PlannedFault(node.path("operation").asText(), fault, node.path("count").asInt(1));
    }
}
