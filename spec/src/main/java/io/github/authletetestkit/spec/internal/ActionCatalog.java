package io.github.authletetestkit.spec.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code action} values each operation may answer, as the spec's response schemas enumerate them (the member
 * {@code action} of a JSON response, with an {@code enum}). Operations in document order; an operation whose responses
 * have no such member maps to an empty list.
 */
public final class ActionCatalog {

    private final Map<String, List<String>> actions;

    private ActionCatalog(Map<String, List<String>> actions) {
        this.actions = Collections.unmodifiableMap(actions);
    }

    /** The catalog of a spec: every operation with an {@code operationId}, and its action values. */
    public static ActionCatalog of(AuthleteSpec spec) {
        Map<String, List<String>> actions = new LinkedHashMap<>();
        for (SpecOperation operation : spec.operations()) {
            if (operation.operationId() != null) {
                actions.put(operation.operationId(), List.of());
            }
        }
        OpenAPI flattened = spec.openApiFlattened();
        if (flattened.getPaths() != null) {
            for (PathItem item : flattened.getPaths().values()) {
                for (Operation operation : item.readOperations()) {
                    if (operation.getOperationId() != null && actions.containsKey(operation.getOperationId())) {
                        actions.put(operation.getOperationId(), actionsOf(operation));
                    }
                }
            }
        }
        return new ActionCatalog(actions);
    }

    /** A catalog of these operations and actions, for tests and reports built without a spec. */
    public static ActionCatalog of(Map<String, List<String>> actions) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        actions.forEach((operation, values) -> copy.put(operation, List.copyOf(values)));
        return new ActionCatalog(copy);
    }

    /** operationId to its action values, in document order. */
    public Map<String, List<String>> actions() {
        return actions;
    }

    /** The action values of one operation; empty when it has none or is unknown. */
    public List<String> actionsOf(String operationId) {
        return actions.getOrDefault(operationId, List.of());
    }

    private static List<String> actionsOf(Operation operation) {
        Set<String> values = new LinkedHashSet<>();
        if (operation.getResponses() != null) {
            for (ApiResponse response : operation.getResponses().values()) {
                if (response.getContent() == null) {
                    continue;
                }
                for (MediaType media : response.getContent().values()) {
                    Schema<?> schema = media.getSchema();
                    Schema<?> action = schema == null || schema.getProperties() == null ? null : schema.getProperties().get("action");
                    if (action != null && action.getEnum() != null) {
                        action.getEnum().forEach(value -> values.add(String.valueOf(value)));
                    }
                }
            }
        }
        return new ArrayList<>(values);
    }
}
