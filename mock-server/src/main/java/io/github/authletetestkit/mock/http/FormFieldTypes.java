package io.github.authletetestkit.mock.http;

import io.github.authletetestkit.spec.AuthleteSpec;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON type of each member of an operation's form body, read from the spec: a form carries only
 * text, so {@code pkceRequired=true} must become a boolean and {@code accessTokenDuration=600} a number
 * before it reaches a handler or the stored state.
 */
final class FormFieldTypes {

    /** The JSON type a form value becomes. */
    enum Kind { STRING, BOOLEAN, INTEGER, NUMBER, ARRAY }

    private static final String FORM = "application/x-www-form-urlencoded";

    private final OpenAPI api;
    private final Map<String, Map<String, Kind>> byOperation = new ConcurrentHashMap<>();

    FormFieldTypes(AuthleteSpec spec) {
        this.api = spec.openApi();
    }

    /** Member name → kind for the operation's form body; members not described are left as text. */
    Map<String, Kind> of(String operationId) {
        return byOperation.computeIfAbsent(operationId, this::compute);
    }

    private Map<String, Kind> compute(String operationId) {
        Map<String, Kind> kinds = new HashMap<>();
        if (api.getPaths() == null) {
            return kinds;
        }
        for (PathItem path : api.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                if (operationId.equals(operation.getOperationId()) && operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null) {
                    MediaType form = operation.getRequestBody().getContent().get(FORM);
                    if (form != null && form.getSchema() != null) {
                        collect(form.getSchema(), kinds, 0);
                    }
                }
            }
        }
        return Map.copyOf(kinds);
    }

    private void collect(Schema<?> schema, Map<String, Kind> kinds, int depth) {
        if (schema == null || depth > 8) {
            return;
        }
        Schema<?> resolved = resolve(schema);
        if (resolved.getAllOf() != null) {
            resolved.getAllOf().forEach(part -> collect(part, kinds, depth + 1));
        }
        if (resolved.getProperties() != null) {
            resolved.getProperties().forEach((name, property) -> kinds.put(name, kind(resolve(property))));
        }
    }

    private Schema<?> resolve(Schema<?> schema) {
        Schema<?> current = schema;
        for (int hops = 0; current.get$ref() != null && hops < 8; hops++) {
            String ref = current.get$ref();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            Schema<?> target = api.getComponents() == null || api.getComponents().getSchemas() == null
                    ? null : api.getComponents().getSchemas().get(name);
            if (target == null) {
                break;
            }
            current = target;
        }
        return current;
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
