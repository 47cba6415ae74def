package io.github.authletetestkit.spec.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges every {@code allOf} of a fully resolved document into one object schema. A validator that
 * closes object schemas ({@code additionalProperties: false}) would otherwise close each part of an
 * {@code allOf} on its own and refuse every member the other parts declare.
 */
public final class AllOfFlattener {

    private final Set<Schema<?>> visited = Collections.newSetFromMap(new IdentityHashMap<>());

    private AllOfFlattener() {}

    /** Flattens {@code api} in place; it must have no {@code $ref} left (see {@link AuthleteSpec#openApiResolvedFully()}). */
    public static OpenAPI flatten(OpenAPI api) {
        AllOfFlattener flattener = new AllOfFlattener();
        if (api.getPaths() != null) {
            for (PathItem path : api.getPaths().values()) {
                for (Operation operation : path.readOperations()) {
                    if (operation.getRequestBody() != null) {
                        flattener.content(operation.getRequestBody().getContent());
                    }
                    if (operation.getResponses() != null) {
                        for (ApiResponse response : operation.getResponses().values()) {
                            flattener.content(response.getContent());
                        }
                    }
                }
            }
        }
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(flattener::schema);
        }
        return api;
    }

    private void content(Content content) {
        if (content != null) {
            for (MediaType media : content.values()) {
                schema(media.getSchema());
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void schema(Schema<?> schema) {
        if (schema == null || !visited.add(schema)) {
            return;
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            List<Schema> parts = new ArrayList<>(schema.getAllOf());
            schema.setAllOf(null);
            for (Schema part : parts) {
                schema(part);
                mergeInto(schema, part);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(this::schema);
        }
        schema(schema.getItems());
        if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
            schema(additional);
        }
        for (List<Schema> alternatives : List.of(nullToEmpty(schema.getOneOf()), nullToEmpty(schema.getAnyOf()))) {
            alternatives.forEach(this::schema);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void mergeInto(Schema target, Schema part) {
        if (part.getProperties() != null) {
            Map<String, Schema> properties = new LinkedHashMap<>();
            if (target.getProperties() != null) {
                properties.putAll(target.getProperties());
            }
            part.getProperties().forEach((name, value) -> properties.putIfAbsent((String) name, (Schema) value));
            target.setProperties(properties);
        }
        if (part.getRequired() != null) {
            Set<String> required = new LinkedHashSet<>();
            if (target.getRequired() != null) {
                required.addAll(target.getRequired());
            }
            required.addAll(part.getRequired());
            target.setRequired(new ArrayList<>(required));
        }
        if (target.getType() == null && part.getType() != null) {
            target.setType(part.getType());
        }
        if ((target.getTypes() == null || target.getTypes().isEmpty()) && part.getTypes() != null) {
            target.setTypes(new LinkedHashSet<>(part.getTypes()));
        }
        if (target.getAdditionalProperties() == null && part.getAdditionalProperties() != null) {
            target.setAdditionalProperties(part.getAdditionalProperties());
        }
    }

    @SuppressWarnings("rawtypes")
    private static List<Schema> nullToEmpty(List<Schema> list) {
        return list == null ? List.of() : list;
    }
}
