package io.github.authletetestkit.mock.internal.http;

import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * A copy of a 3.1 schema that is equal only to itself and hashes by identity. Atlassian's validator keys its
 * cache of compiled JSON schemas by the swagger {@link Schema} it is handed, whose {@code hashCode} walks the
 * whole schema tree on every request (13 % of the pipeline in a profile). A validator's document is its own
 * and never changes, so identity is the same key at a fraction of the cost. Only the root needs it: the
 * members it shares with the original are never hashed, and everything else (its members, its JSON form)
 * is the original's.
 */
final class IdentityHashedSchema extends JsonSchema {

    private IdentityHashedSchema() {
    }

    /**
     * The identity-hashed copy of {@code schema}; another kind of schema (or {@code null}) unchanged, since the
     * validator may tell kinds apart by class.
     */
    @SuppressWarnings("rawtypes")
    static Schema of(Schema schema) {
        if (schema == null || schema.getClass() != JsonSchema.class) {
            return schema;
        }
        IdentityHashedSchema copy = new IdentityHashedSchema();
        for (Field field : Schema.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                try {
                    field.setAccessible(true);
                    field.set(copy, field.get(schema));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Cannot copy the schema's " + field.getName(), e);
                }
            }
        }
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
