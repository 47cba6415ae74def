package io.github.authletetestkit.mock.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.api.ApiException;
import io.github.authletetestkit.mock.internal.oauth.FormParameters;
import io.github.authletetestkit.mock.internal.oauth.InvalidParametersException;
import io.github.authletetestkit.mock.model.Json;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Turns a JSON or form-encoded request body into the JSON tree handlers read. */
final class RequestBodies {

    private static final String FORM = "application/x-www-form-urlencoded";

    /**
     * The tree handlers read, and the JSON text the request validator checks (null: check the body as sent).
     * {@code fromForm}: the body was form-encoded and {@code tree} is its members typed by the spec.
     */
    record Parsed(JsonNode tree, String jsonForValidation, boolean fromForm) {

        Parsed(JsonNode tree, String jsonForValidation) {
            this(tree, jsonForValidation, false);
        }
    }

    private RequestBodies() {}

    static Parsed parse(HttpExchange exchange, Map<String, RequestSchemas.Kind> formTypes) {
        String body = exchange.body();
        if (body == null || body.isBlank()) {
            return new Parsed(NullNode.getInstance(), null);
        }
        if (FORM.equals(exchange.mediaType())) {
            JsonNode tree = fromForm(body, formTypes);
            return new Parsed(tree, Json.write(tree), true);
        }
        JsonNode tree;
        try {
            tree = Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The request body is not valid JSON: " + e.getMessage().replace("not valid JSON: ", ""));
        }
        // Authlete reads a null member as an absent one, and SDKs serialise every unset member as null
        return dropNulls(tree) ? new Parsed(tree, Json.write(tree)) : new Parsed(tree, body);
    }

    /** Removes null members of objects, at any depth; true when it removed any. */
    static boolean dropNulls(JsonNode node) {
        boolean dropped = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (member.getValue().isNull()) {
                    it.remove();
                    dropped = true;
                } else {
                    dropped |= dropNulls(member.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                dropped |= dropNulls(element);
            }
        }
        return dropped;
    }

    /** Each form member as the JSON type the spec gives it; repeated keys become arrays. */
    private static JsonNode fromForm(String body, Map<String, RequestSchemas.Kind> types) {
        FormParameters form;
        try {
            form = FormParameters.parse(body);
        } catch (InvalidParametersException e) {
            throw ApiException.badRequest("The form body is malformed: " + e.getMessage());
        }
        ObjectNode tree = Json.object();
        for (String name : form.names()) {
            RequestSchemas.Kind kind = types.getOrDefault(name, RequestSchemas.Kind.STRING);
            List<String> values = form.all(name);
            if (kind == RequestSchemas.Kind.ARRAY || values.size() > 1) {
                ArrayNode array = tree.putArray(name);
                values.forEach(array::add);
            } else {
                tree.set(name, typed(name, values.get(0), kind));
            }
        }
        return tree;
    }

    private static JsonNode typed(String name, String value, RequestSchemas.Kind kind) {
        try {
            return switch (kind) {
                case BOOLEAN -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new NumberFormatException();
                    }
                    yield Json.MAPPER.getNodeFactory().booleanNode(Boolean.parseBoolean(value));
                }
                case INTEGER -> Json.MAPPER.getNodeFactory().numberNode(Long.parseLong(value));
                case NUMBER -> Json.MAPPER.getNodeFactory().numberNode(new BigDecimal(value));
                default -> Json.MAPPER.getNodeFactory().textNode(value);
            };
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("The form member '" + name + "' must be " + kind.name().toLowerCase() + ": '" + value + "'.");
        }
    }
}
