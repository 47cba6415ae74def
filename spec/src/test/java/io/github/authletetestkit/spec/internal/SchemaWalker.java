package io.github.authletetestkit.spec.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads schemas of one OpenAPI document (3.0 or 3.1, as parsed by swagger-parser with local
 * {@code $ref}s kept) as flat views: the properties, types, items, enum, format and required names a
 * schema ends up with after following {@code $ref} and merging {@code allOf}/{@code oneOf}/{@code anyOf}.
 *
 * <p>Reusable by tests that compare documents; it never modifies the model.
 */
final class SchemaWalker {

    /** Extension that marks a property which deliberately differs from Authlete's published spec. */
    static final String DEVIATION_EXTENSION = "x-testkit-deviation";

    private static final int MAX_REF_DEPTH = 32;

    private final OpenAPI api;

    SchemaWalker(OpenAPI api) {
        this.api = api;
    }

    OpenAPI api() {
        return api;
    }

    // ------------------------------------------------------------------------------ operations

    Operation operation(String method, String path) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
        if (item == null) {
            return null;
        }
        return item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
    }

    /** The response object, with a {@code $ref} to {@code components/responses} followed. */
    ApiResponse response(ApiResponse response) {
        int depth = 0;
        while (response != null && response.get$ref() != null && depth++ < MAX_REF_DEPTH) {
            response = components("responses", response.get$ref(), api.getComponents() == null
                    ? null : api.getComponents().getResponses());
        }
        return response;
    }

    /** {@code components/responses/<name>}, or {@code null}. */
    ApiResponse componentResponse(String name) {
        return api.getComponents() == null || api.getComponents().getResponses() == null
                ? null : response(api.getComponents().getResponses().get(name));
    }

    RequestBody requestBody(RequestBody body) {
        int depth = 0;
        while (body != null && body.get$ref() != null && depth++ < MAX_REF_DEPTH) {
            body = components("requestBodies", body.get$ref(), api.getComponents() == null
                    ? null : api.getComponents().getRequestBodies());
        }
        return body;
    }

    Parameter parameter(Parameter parameter) {
        int depth = 0;
        while (parameter != null && parameter.get$ref() != null && depth++ < MAX_REF_DEPTH) {
            parameter = components("parameters", parameter.get$ref(), api.getComponents() == null
                    ? null : api.getComponents().getParameters());
        }
        return parameter;
    }

    /** Parameters of the path item and the operation (operation wins), resolved, keyed {@code in:name}. */
    Map<String, Parameter> parameters(String path, Operation operation) {
        Map<String, Parameter> result = new LinkedHashMap<>();
        PathItem item = api.getPaths().get(path);
        List<Parameter> all = new ArrayList<>();
        if (item != null && item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        for (Parameter raw : all) {
            Parameter p = parameter(raw);
            if (p != null) {
                result.put(p.getIn() + ":" + p.getName(), p);
            }
        }
        return result;
    }

    /** The schema of {@code content[mediaType]}, or {@code null}. */
    static Schema<?> schemaOf(Content content, String mediaType) {
        if (content == null) {
            return null;
        }
        MediaType media = content.get(mediaType);
        return media == null ? null : media.getSchema();
    }

    // ------------------------------------------------------------------------------ schemas

    /** Follows {@code $ref}s to a component schema; returns the input when it is not a reference. */
    Schema<?> resolve(Schema<?> schema) {
        int depth = 0;
        while (schema != null && schema.get$ref() != null && depth++ < MAX_REF_DEPTH) {
            Map<String, Schema> schemas = api.getComponents() == null ? null : api.getComponents().getSchemas();
            schema = components("schemas", schema.get$ref(), schemas);
        }
        return schema;
    }

    /** The component name a schema refers to, or {@code null}. */
    static String refName(Schema<?> schema) {
        String ref = schema == null ? null : schema.get$ref();
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** Whether the schema (as written, before resolution) carries the deviation marker. */
    static boolean isDeviation(Schema<?> schema) {
        return schema != null && schema.getExtensions() != null
                && schema.getExtensions().containsKey(DEVIATION_EXTENSION);
    }

    /** The schema and every schema it is composed of ({@code $ref}, allOf, oneOf, anyOf), resolved. */
    List<Schema<?>> parts(Schema<?> schema) {
        List<Schema<?>> out = new ArrayList<>();
        collectParts(schema, out, 0);
        return out;
    }

    private void collectParts(Schema<?> schema, List<Schema<?>> out, int depth) {
        Schema<?> resolved = resolve(schema);
        if (resolved == null || depth > MAX_REF_DEPTH || containsIdentity(out, resolved)) {
            return;
        }
        out.add(resolved);
        for (List<Schema> group : compositions(resolved)) {
            for (Schema<?> part : group) {
                collectParts(part, out, depth + 1);
            }
        }
    }

    private static List<List<Schema>> compositions(Schema<?> schema) {
        List<List<Schema>> groups = new ArrayList<>(3);
        if (schema.getAllOf() != null) {
            groups.add(schema.getAllOf());
        }
        if (schema.getOneOf() != null) {
            groups.add(schema.getOneOf());
        }
        if (schema.getAnyOf() != null) {
            groups.add(schema.getAnyOf());
        }
        return groups;
    }

    /** Properties declared anywhere in the composition, first declaration wins, in declaration order. */
    Map<String, Schema<?>> properties(Schema<?> schema) {
        Map<String, Schema<?>> result = new LinkedHashMap<>();
        for (Schema<?> part : parts(schema)) {
            if (part.getProperties() != null) {
                for (Map.Entry<String, Schema> e : part.getProperties().entrySet()) {
                    result.putIfAbsent(e.getKey(), e.getValue());
                }
            }
        }
        return result;
    }

    /** Required property names from every part of the composition. */
    Set<String> required(Schema<?> schema) {
        Set<String> result = new LinkedHashSet<>();
        for (Schema<?> part : parts(schema)) {
            if (part.getRequired() != null) {
                result.addAll(part.getRequired());
            }
        }
        return result;
    }

    /**
     * JSON types the schema allows: from {@code type}/{@code types} of every part, plus {@code null} for a
     * 3.0 {@code nullable: true}. Without an explicit type, {@code object} is implied by properties and
     * {@code array} by items. Empty means "any".
     */
    Set<String> types(Schema<?> schema) {
        Set<String> result = new LinkedHashSet<>();
        for (Schema<?> part : parts(schema)) {
            if (part.getTypes() != null) {
                result.addAll(part.getTypes());
            }
            if (part.getType() != null) {
                result.add(part.getType());
            }
            if (Boolean.TRUE.equals(part.getNullable())) {
                result.add("null");
            }
        }
        if (result.isEmpty() || result.equals(Set.of("null"))) {
            for (Schema<?> part : parts(schema)) {
                if (part.getProperties() != null || part.getAdditionalProperties() != null) {
                    result.add("object");
                }
                if (part.getItems() != null) {
                    result.add("array");
                }
            }
        }
        return result;
    }

    /** {@link #types} without {@code null}. */
    Set<String> nonNullTypes(Schema<?> schema) {
        Set<String> result = new LinkedHashSet<>(types(schema));
        result.remove("null");
        return result;
    }

    /** The first {@code items} schema in the composition, or {@code null}. */
    Schema<?> items(Schema<?> schema) {
        for (Schema<?> part : parts(schema)) {
            if (part.getItems() != null) {
                return part.getItems();
            }
        }
        return null;
    }

    /** The first {@code format} in the composition, or {@code null}. */
    String format(Schema<?> schema) {
        for (Schema<?> part : parts(schema)) {
            if (part.getFormat() != null) {
                return part.getFormat();
            }
        }
        return null;
    }

    /** The enum values (as strings, {@code null} dropped) of the first part that has any, or {@code null}. */
    Set<String> enumValues(Schema<?> schema) {
        for (Schema<?> part : parts(schema)) {
            if (part.getEnum() != null && !part.getEnum().isEmpty()) {
                Set<String> values = new LinkedHashSet<>();
                for (Object value : part.getEnum()) {
                    if (value != null) {
                        values.add(value.toString());
                    }
                }
                return values;
            }
        }
        return null;
    }

    /**
     * {@code additionalProperties} of the composition: {@code Boolean.TRUE}/{@code FALSE}, a schema, or
     * {@code null} when no part says anything.
     */
    Object additionalProperties(Schema<?> schema) {
        for (Schema<?> part : parts(schema)) {
            if (part.getAdditionalProperties() != null) {
                return part.getAdditionalProperties();
            }
        }
        return null;
    }

    /** An object that explicitly allows any members and declares none: a free-form map. */
    boolean isFreeForm(Schema<?> schema) {
        Object additional = additionalProperties(schema);
        boolean open = Boolean.TRUE.equals(additional) || additional instanceof Schema;
        return open && properties(schema).isEmpty();
    }

    /**
     * Visits the schema and, depth first, every property and array item below it. Each component schema
     * is entered once per walk, so recursive structures terminate.
     */
    void walk(Schema<?> schema, String location, Visitor visitor) {
        walk(schema, location, visitor, new LinkedHashSet<>());
    }

    private void walk(Schema<?> schema, String location, Visitor visitor, Set<String> componentsOnPath) {
        if (schema == null) {
            return;
        }
        Set<String> names = referencedNames(schema);
        for (String name : names) {
            if (componentsOnPath.contains(name)) {
                return; // recursive structure: already being walked further up
            }
        }
        if (!visitor.visit(location, schema)) {
            return;
        }
        Set<String> next = componentsOnPath;
        if (!names.isEmpty()) {
            next = new LinkedHashSet<>(componentsOnPath);
            next.addAll(names);
        }
        for (Map.Entry<String, Schema<?>> property : properties(schema).entrySet()) {
            walk(property.getValue(), location + "." + property.getKey(), visitor, next);
        }
        Schema<?> items = items(schema);
        if (items != null) {
            walk(items, location + "[]", visitor, next);
        }
        Object additional = additionalProperties(schema);
        if (additional instanceof Schema<?> map) {
            walk(map, location + "{*}", visitor, next);
        }
    }

    /** Names of the component schemas this schema and its composition refer to. */
    private Set<String> referencedNames(Schema<?> schema) {
        Set<String> names = new LinkedHashSet<>();
        collectNames(schema, names, 0);
        return names;
    }

    private void collectNames(Schema<?> schema, Set<String> names, int depth) {
        if (schema == null || depth > MAX_REF_DEPTH) {
            return;
        }
        String name = refName(schema);
        if (name != null) {
            if (names.add(name)) {
                collectNames(resolve(schema), names, depth + 1);
            }
            return;
        }
        for (List<Schema> group : compositions(schema)) {
            for (Schema<?> part : group) {
                collectNames(part, names, depth + 1);
            }
        }
    }

    /** Called for each schema position; return {@code false} to skip what lies below it. */
    @FunctionalInterface
    interface Visitor {
        boolean visit(String location, Schema<?> schema);
    }

    // ------------------------------------------------------------------------------ helpers

    private static <T> T components(String kind, String ref, Map<String, T> map) {
        String prefix = "#/components/" + kind + "/";
        if (map == null || ref == null || !ref.startsWith(prefix)) {
            return null;
        }
        return map.get(ref.substring(prefix.length()));
    }

    private static boolean containsIdentity(List<Schema<?>> list, Schema<?> schema) {
        for (Schema<?> s : list) {
            if (s == schema) {
                return true;
            }
        }
        return false;
    }
}
