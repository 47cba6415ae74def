package io.github.authletetestkit.mock.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable JSON document with typed reads. Services and clients are kept as the JSON Authlete
 * exchanges, so that every one of their many members round-trips without a field per member here.
 */
public abstract class JsonDocument {

    private final ObjectNode json;

    protected JsonDocument(ObjectNode json) {
        this.json = json.deepCopy();
    }

    /** A copy of the document, safe to change. */
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    /**
     * A copy of just these members, those present and not null, in the order given: what a response shows of a
     * service or client, without copying the whole document first (a profile showed that copy per request).
     */
    public ObjectNode view(List<String> members) {
        ObjectNode view = json.objectNode();
        for (String member : members) {
            JsonNode value = json.get(member);
            if (value != null && !value.isNull()) {
                view.set(member, value.deepCopy());
            }
        }
        return view;
    }

    protected String text(String name) {
        JsonNode v = json.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    protected boolean flag(String name) {
        JsonNode v = json.get(name);
        return v != null && v.asBoolean(false);
    }

    protected long number(String name, long fallback) {
        JsonNode v = json.get(name);
        return v == null || v.isNull() || !v.canConvertToLong() && !v.isTextual() ? fallback : v.asLong(fallback);
    }

    protected List<String> texts(String name) {
        return texts(json.get(name));
    }

    protected JsonNode node(String name) {
        return json.get(name);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(e -> out.add(e.asText()));
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + json;
    }
}
