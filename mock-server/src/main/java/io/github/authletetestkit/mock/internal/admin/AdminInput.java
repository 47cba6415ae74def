package io.github.authletetestkit.mock.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.model.Json;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads an admin request body strictly: a JSON object with only known members, each of the expected type.
 * A misspelt member is an error rather than silently ignored, so a test never thinks it set what it did not.
 */
public final class AdminInput {

    private final ObjectNode body;

    private AdminInput(ObjectNode body) {
        this.body = body;
    }

    /** The body as a JSON object whose members are all among {@code known}. */
    public static AdminInput object(String text, Set<String> known) {
        if (text == null || text.isBlank()) {
            throw new AdminInputException(null, "The request needs a JSON object body.");
        }
        JsonNode parsed;
        try {
            parsed = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new AdminInputException(null, "The body is " + e.getMessage());
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw new AdminInputException(null, "The body must be a JSON object.");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new AdminInputException(name, "Unknown member '" + name + "'; known: " + String.join(", ", new TreeSet<>(known)) + ".");
            }
        }
        return new AdminInput(object);
    }

    public boolean has(String field) {
        return body.hasNonNull(field);
    }

    /** The whole body, for a route that hands it on as it is (a seed document). */
    public ObjectNode json() {
        return body;
    }

    public Optional<String> text(String field) {
        return member(field, JsonNode::isTextual, "a string", JsonNode::textValue);
    }

    public Optional<Boolean> bool(String field) {
        return member(field, JsonNode::isBoolean, "true or false", JsonNode::booleanValue);
    }

    /** A whole number from {@code min} to {@code max}. */
    public Optional<Long> integer(String field, long min, long max) {
        return member(field, v -> v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= min && v.longValue() <= max,
                "a whole number from " + min + " to " + max, JsonNode::longValue);
    }

    /** A member that is absent or null is empty; one that fails {@code valid} is refused, naming the field. */
    private <T> Optional<T> member(String field, Predicate<JsonNode> valid, String expected, Function<JsonNode, T> read) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!valid.test(value)) {
            throw new AdminInputException(field, "'" + field + "' must be " + expected + ".");
        }
        return Optional.of(read.apply(value));
    }

    public <T> T required(String field, Optional<T> value) {
        return value.orElseThrow(() -> new AdminInputException(field, "'" + field + "' is required."));
    }
}
