package io.github.authletetestkit.mock.internal.store.redis;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Duration;
import java.time.Instant;

/**
 * Records to and from the JSON text Redis holds. The text is canonical — writing what was read gives the same
 * text — because the stores' compare-and-replace verbs compare a record's text with what Redis holds.
 */
final class RecordCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a record's isXxx() helpers (pending(), isExpired()) are not members: only record components are
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .addModule(new SimpleModule("redis-records")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addSerializer(Duration.class, ToStringSerializer.instance)
                    .addDeserializer(Duration.class, new FromStringDeserializer<>(Duration.class) {
                        @Override
                        protected Duration _deserialize(String value, com.fasterxml.jackson.databind.DeserializationContext context) {
                            return Duration.parse(value);
                        }
                    })
                    .addDeserializer(Instant.class, new FromStringDeserializer<>(Instant.class) {
                        @Override
                        protected Instant _deserialize(String value, com.fasterxml.jackson.databind.DeserializationContext context) {
                            return Instant.parse(value);
                        }
                    }))
            .build();

    private RecordCodec() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " for Redis", e);
        }
    }

    static <T> T read(String text, Class<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Redis holds a " + type.getSimpleName() + " this mock cannot read: " + e.getOriginalMessage(), e);
        }
    }

    static ObjectNode readObject(String text) {
        return read(text, ObjectNode.class);
    }
}
