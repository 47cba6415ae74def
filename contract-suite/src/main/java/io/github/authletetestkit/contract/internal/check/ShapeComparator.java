package io.github.authletetestkit.contract.internal.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares the shape of two JSON documents: which members exist and what JSON type each has, never the
 * values. Arrays compare the union of their elements' shapes (so {@code []} against {@code [x]} says
 * nothing about elements). Members whose value is a string holding a JSON object (Authlete's
 * {@code responseContent}) are compared as that object too, under {@code pointer + "(json)"}.
 */
public final class ShapeComparator {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ShapeComparator() {
    }

    public static List<ShapeDifference> compare(JsonNode left, JsonNode right) {
        List<ShapeDifference> differences = new ArrayList<>();
        compare("", left == null ? MissingNode.getInstance() : left, right == null ? MissingNode.getInstance() : right, differences);
        return differences;
    }

    private static void compare(String pointer, JsonNode left, JsonNode right, List<ShapeDifference> out) {
        String leftType = type(left);
        String rightType = type(right);
        if (!leftType.equals(rightType)) {
            out.add(new ShapeDifference(pointer, ShapeDifference.Kind.TYPE, leftType, rightType));
            return;
        }
        switch (left.getNodeType()) {
            case OBJECT -> compareObjects(pointer, left, right, out);
            case ARRAY -> {
                JsonNode leftUnion = union(left);
                JsonNode rightUnion = union(right);
                if (leftUnion != null && rightUnion != null) {
                    compare(pointer + "/*", leftUnion, rightUnion, out);
                }
            }
            case STRING -> {
                JsonNode leftJson = embeddedObject(left.asText());
                JsonNode rightJson = embeddedObject(right.asText());
                if (leftJson != null && rightJson != null) {
                    compare(pointer + "(json)", leftJson, rightJson, out);
                }
            }
            default -> {
                // same scalar type: values are not compared
            }
        }
    }

    private static void compareObjects(String pointer, JsonNode left, JsonNode right, List<ShapeDifference> out) {
        TreeSet<String> names = new TreeSet<>();
        left.fieldNames().forEachRemaining(names::add);
        right.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
            JsonNode l = left.get(name);
            JsonNode r = right.get(name);
            if (l == null) {
                out.add(new ShapeDifference(child, ShapeDifference.Kind.ONLY_RIGHT, "absent", type(r)));
            } else if (r == null) {
                out.add(new ShapeDifference(child, ShapeDifference.Kind.ONLY_LEFT, type(l), "absent"));
            } else {
                compare(child, l, r, out);
            }
        }
    }

    /** One object holding every member any element has (the first shape seen wins); null for an empty array. */
    private static JsonNode union(JsonNode array) {
        if (array.isEmpty()) {
            return null;
        }
        JsonNode first = array.get(0);
        if (!first.isObject()) {
            return first;
        }
        Map<String, JsonNode> members = new LinkedHashMap<>();
        for (JsonNode element : array) {
            if (element.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = element.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    members.putIfAbsent(field.getKey(), field.getValue());
                }
            }
        }
        var merged = MAPPER.createObjectNode();
        members.forEach(merged::set);
        return merged;
    }

    private static JsonNode embeddedObject(String text) {
        String trimmed = text.trim();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(trimmed);
            return node != null && node.isObject() ? node : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    /** {@code object}, {@code array}, {@code string}, {@code number}, {@code boolean}, {@code null}, {@code absent}. */
    public static String type(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "absent";
        }
        JsonNodeType type = node.getNodeType();
        return switch (type) {
            case OBJECT, POJO -> "object";
            case ARRAY -> "array";
            case STRING, BINARY -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case MISSING -> "absent";
        };
    }
}
