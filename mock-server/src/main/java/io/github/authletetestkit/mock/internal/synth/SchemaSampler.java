package io.github.authletetestkit.mock.internal.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.model.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a JSON value that satisfies a (fully resolved, allOf-merged) schema: its example when it has
 * one, else the smallest value of its type — required members only, the first enum value, minimum lengths.
 */
final class SchemaSampler {

    /** Actions that read as "it worked", preferred over an enum's first value. */
    private static final List<String> SUCCESS_ACTIONS = List.of("OK", "CREATED", "SUCCESS", "VALID", "JSON",
            "USER_IDENTIFICATION", "NO_ACTION", "UPDATED", "DELETED", "NO_CONTENT");
    private static final int MAX_DEPTH = 12;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchemaSampler() {}

    static JsonNode sample(Schema<?> schema) {
        return sample(schema, "", 0);
    }

    private static JsonNode sample(Schema<?> schema, String name, int depth) {
        if (schema == null || depth > MAX_DEPTH) {
            return NODES.nullNode();
        }
        JsonNode example = example(schema);
        if (example != null) {
            return example;
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return enumValue(schema.getEnum(), name);
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return sample(schema.getOneOf().get(0), name, depth + 1);
        }
        if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
            return sample(schema.getAnyOf().get(0), name, depth + 1);
        }
        return switch (type(schema)) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, name, depth);
            case "integer" -> NODES.numberNode(schema.getMinimum() != null ? schema.getMinimum().longValue() : 0L);
            case "number" -> NODES.numberNode(schema.getMinimum() != null ? schema.getMinimum() : BigDecimal.ZERO);
            case "boolean" -> NODES.booleanNode(false);
            case "null" -> NODES.nullNode();
            default -> NODES.textNode(text(schema, name));
        };
    }

    private static ObjectNode object(Schema<?> schema, int depth) {
        ObjectNode object = Json.object();
        Map<String, Schema> properties = schema.getProperties();
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        if (properties != null) {
            properties.forEach((member, property) -> {
                if (required.contains(member) || isResultMember(member)) {
                    object.set(member, sample(property, member, depth + 1));
                }
            });
        }
        return object;
    }

    /** Members every Authlete answer carries, worth having even where a schema does not require them. */
    private static boolean isResultMember(String member) {
        return member.equals("resultCode") || member.equals("resultMessage") || member.equals("action");
    }

    private static ArrayNode array(Schema<?> schema, String name, int depth) {
        ArrayNode array = Json.array();
        int items = schema.getMinItems() == null ? 0 : schema.getMinItems();
        for (int i = 0; i < items; i++) {
            array.add(sample(schema.getItems(), name, depth + 1));
        }
        return array;
    }

    private static String text(Schema<?> schema, String name) {
        if (name.equals("resultCode")) {
            return "A000001";
        }
        if (name.equals("resultMessage")) {
            return "[A000001] A response synthesised by the Authlete Testkit mock from the API specification.";
        }
        String format = schema.getFormat();
        String value = format == null ? "x" : switch (format) {
            case "date-time" -> "2026-01-01T00:00:00Z";
            case "date" -> "2026-01-01";
            case "uri", "url" -> "https://example.com/";
            case "email" -> "user@example.com";
            case "uuid" -> "00000000-0000-0000-0000-000000000000";
            default -> "x";
        };
        int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
        return value.length() >= min ? value : value + "x".repeat(min - value.length());
    }

    private static JsonNode enumValue(List<?> values, String name) {
        if (name.equals("action")) {
            for (String preferred : SUCCESS_ACTIONS) {
                if (values.contains(preferred)) {
                    return NODES.textNode(preferred);
                }
            }
        }
        Object first = values.stream().filter(v -> v != null).findFirst().orElse(null);
        return first == null ? NODES.nullNode() : Json.MAPPER.valueToTree(first);
    }

    private static JsonNode example(Schema<?> schema) {
        Object example = schema.getExample();
        if (example == null && schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            example = schema.getExamples().get(0);
        }
        return example == null ? null : Json.MAPPER.valueToTree(example);
    }

    static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        Set<String> types = schema.getTypes();
        if (types != null && !types.isEmpty()) {
            return types.stream().filter(t -> !t.equals("null")).findFirst().orElse("null");
        }
        return schema.getProperties() != null ? "object" : schema.getItems() != null ? "array" : "string";
    }
}
