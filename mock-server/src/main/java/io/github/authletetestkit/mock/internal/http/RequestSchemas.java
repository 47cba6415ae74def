package io.github.authletetestkit.mock.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request body schema of each operation (references inlined, allOf merged), and what the mock does
 * with it: give form values their JSON types, and drop members the schema does not declare — Authlete
 * ignores unknown members, and the mock must not store them and later answer with them.
 */
final class RequestSchemas {

    /** The JSON type a form value becomes. */
    enum Kind { STRING, BOOLEAN, INTEGER, NUMBER, ARRAY }

    private static final int MAX_DEPTH = 16;

    private final AuthleteSpec spec;
    private final Map<String, Optional<Schema<?>>> byOperation = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Kind>> formKinds = new ConcurrentHashMap<>();

    RequestSchemas(AuthleteSpec spec) {
        this.spec = spec;
    }

    /** Member name → kind for the operation's body; members not described are left as text. */
    Map<String, Kind> formKinds(String operationId) {
        return formKinds.computeIfAbsent(operationId, id -> {
            Map<String, Kind> kinds = new java.util.HashMap<>();
            schema(id).map(Schema::getProperties).ifPresent(properties ->
                    properties.forEach((name, property) -> kinds.put(name, kind(property))));
            return Map.copyOf(kinds);
        });
    }

    /** Removes, at any depth, object members the operation's request schema does not declare. */
    void dropUndeclared(String operationId, JsonNode body) {
        schema(operationId).ifPresent(schema -> prune(body, schema, 0));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void prune(JsonNode node, Schema<?> schema, int depth) {
        if (node instanceof ObjectNode object && schema.getProperties() != null) {
            Map<String, Schema> properties = (Map) schema.getProperties();
            boolean closed = closed(schema);
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                Schema<?> declared = properties.get(member.getKey());
                if (declared == null ? closed || deeperThan(member.getValue(), MAX_DEPTH - depth) : !fits(member.getValue(), declared, depth + 1)) {
                    it.remove();
                }
            }
        } else if (node instanceof ArrayNode array && schema.getItems() != null) {
            for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
                if (!fits(it.next(), schema.getItems(), depth + 1)) {
                    it.remove();
                }
            }
        }
    }

    /**
     * Prunes the value by its schema; false when it is nested deeper than any Authlete member could be
     * (a member of an open object, or a value where the schema expects a scalar), so that it is dropped
     * rather than stored, exported and saved.
     */
    private static boolean fits(JsonNode value, Schema<?> schema, int depth) {
        if (depth > MAX_DEPTH) {
            return !value.isContainerNode();
        }
        if (schema.getProperties() == null && schema.getItems() == null) {
            return !deeperThan(value, MAX_DEPTH - depth);
        }
        prune(value, schema, depth);
        return true;
    }

    /** True when the value nests containers more than {@code levels} deep. */
    private static boolean deeperThan(JsonNode value, int levels) {
        if (!value.isContainerNode()) {
            return false;
        }
        if (levels <= 0) {
            return true;
        }
        for (JsonNode child : value) {
            if (deeperThan(child, levels - 1)) {
                return true;
            }
        }
        return false;
    }

    /** An object schema that lists its members and allows no others (a map-like schema keeps everything). */
    private static boolean closed(Schema<?> schema) {
        Object additional = schema.getAdditionalProperties();
        return additional == null || Boolean.FALSE.equals(additional);
    }

    private Optional<Schema<?>> schema(String operationId) {
        return byOperation.computeIfAbsent(operationId, this::find);
    }

    private Optional<Schema<?>> find(String operationId) {
        return spec.flattenedOperation(operationId)
                .map(Operation::getRequestBody)
                .filter(body -> body.getContent() != null)
                .flatMap(body -> body.getContent().values().stream().map(MediaType::getSchema).filter(Objects::nonNull).findFirst())
                .map(schema -> (Schema<?>) schema);
    }

    private static Kind kind(Schema<?> schema) {
        Set<String> types = schema.getTypes();
        String type = schema.getType() != null ? schema.getType()
                : types == null ? null : types.stream().filter(t -> !t.equals("null")).findFirst().orElse(null);
        if (type == null) {
            return Kind.STRING;
        }
        return switch (type) {
            case "boolean" -> Kind.BOOLEAN;
            case "integer" -> Kind.INTEGER;
            case "number" -> Kind.NUMBER;
            case "array" -> Kind.ARRAY;
            default -> Kind.STRING;
        };
    }
}
