package io.github.authletetestkit.mock.internal.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The Jackson mapper of state documents. Strict, unlike the API's: a misspelt member, a string where a number
 * belongs, a number or boolean where a string belongs, or a null for a number is an error, so that a seed's typo does
 * not go unnoticed (and the document's JSON Schema, {@code state-document.schema.json}, refuses the same).
 */
final class StateMapper {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // a record's isXxx() helpers (issued(), isExpired()) are no members: only record components are
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .withCoercionConfig(LogicalType.Textual, text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .addModule(new SimpleModule("state-time")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addSerializer(Duration.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, text(Instant.class, Instant::parse, "an ISO-8601 instant such as 2030-01-01T00:00:00Z"))
                    .addDeserializer(Duration.class, text(Duration.class, Duration::parse, "an ISO-8601 duration such as PT1H")))
            .build();

    private StateMapper() {}

    /** Reads a value from its ISO-8601 text. */
    private static <T> JsonDeserializer<T> text(Class<T> type, Function<String, T> parse, String expected) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    throw JsonMappingException.from(parser, "must be " + expected);
                }
                String value = parser.getText();
                try {
                    return parse.apply(value);
                } catch (DateTimeParseException e) {
                    throw JsonMappingException.from(parser, "must be " + expected + ", not '" + value + "'");
                }
            }
        };
    }
}
