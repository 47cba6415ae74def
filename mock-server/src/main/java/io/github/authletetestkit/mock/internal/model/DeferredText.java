package io.github.authletetestkit.mock.internal.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A JSON string whose value is computed when first read or written, not when the document is built: a
 * service's signing keys ({@code jwks}), whose generation would otherwise be most of a mock's start. The
 * supplier must give the same value every time (compute once and keep it); copies of the document share
 * this node, so they all see that one value.
 */
public final class DeferredText extends ValueNode {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<String> value;

    public DeferredText(Supplier<String> value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    @Override
    public JsonNodeType getNodeType() {
        return JsonNodeType.STRING;
    }

    @Override
    public JsonToken asToken() {
        return JsonToken.VALUE_STRING;
    }

    @Override
    public String textValue() {
        return value.get();
    }

    @Override
    public String asText() {
        return value.get();
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeString(value.get());
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof JsonNode node && node.isTextual() && value.get().equals(node.textValue());
    }

    @Override
    public int hashCode() {
        return value.get().hashCode();
    }
}
