package io.github.authletetestkit.mock.internal.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.Fault;
import io.github.authletetestkit.mock.control.PlannedFault;
import io.github.authletetestkit.mock.internal.faults.FaultPlan;
import io.github.authletetestkit.mock.model.Json;
import java.time.Duration;
import java.util.Set;

/** {@code GET/POST/DELETE faults}: the faults planned for the next calls of an operation. */
final class FaultsAdmin {

    private static final Set<String> MEMBERS = Set.of("operation", "status", "latencyMs", "resetConnection", "retryAfterSeconds", "count");
    private static final long MAX_LATENCY_MS = 600_000;
    private static final long MAX_COUNT = 1_000_000;

    private final FaultPlan faults;
    private final Set<String> operationIds;

    /** @param operationIds the operations of the loaded spec: a fault for any other could never fire */
    FaultsAdmin(FaultPlan faults, Set<String> operationIds) {
        this.faults = faults;
        this.operationIds = operationIds;
    }

    AdminReply list(String body) {
        ArrayNode planned = Json.array();
        faults.planned().forEach(p -> planned.add(p.shown().toJson()));
        ObjectNode answer = Json.object();
        answer.set("faults", planned);
        return AdminReply.ok(answer);
    }

    AdminReply add(String body) {
        AdminInput in = AdminInput.object(body, MEMBERS);
        String operation = in.required("operation", in.text("operation"));
        try {
            FaultPlan.checkOperation(operation, operationIds);
        } catch (IllegalArgumentException e) {
            throw new AdminInputException("operation", e.getMessage());
        }
        int status = in.integer("status", 400, 599).orElse(0L).intValue();
        long latency = in.integer("latencyMs", 0, MAX_LATENCY_MS).orElse(0L);
        boolean reset = in.bool("resetConnection").orElse(false);
        Duration retryAfter = in.integer("retryAfterSeconds", 1, 86_400).map(Duration::ofSeconds).orElse(null);
        int count = in.integer("count", 1, MAX_COUNT).orElse(1L).intValue();
        if (reset && status != 0) {
            throw new AdminInputException("resetConnection", "A reset connection has no status: give one of status and resetConnection.");
        }
        if (retryAfter != null && status != 429) {
            throw new AdminInputException("retryAfterSeconds", "'retryAfterSeconds' goes with status 429 only.");
        }
        if (status == 0 && latency == 0 && !reset) {
            throw new AdminInputException("status", "A fault needs a status, a latencyMs or resetConnection.");
        }
        faults.add(operation, new Fault(status, Duration.ofMillis(latency), reset, retryAfter), count);
        return list(null);
    }

    AdminReply clear(String body) {
        faults.clear();
        return AdminReply.noContent();
    }
}
