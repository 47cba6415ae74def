package io.github.authletetestkit.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.spec.internal.AuthleteSpec;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The validator's schemas hash by identity, without walking the tree, and validate exactly as the originals. */
class IdentityHashedSchemaTest {

    private static final String TOKEN = "/api/{serviceId}/auth/token";

    @Test
    void hashingTheCopyDoesNotWalkTheSchema() {
        JsonSchema unhashable = new JsonSchema() {
            @Override
            public int hashCode() {
                throw new AssertionError("a member was hashed");
            }
        };
        JsonSchema root = new JsonSchema();
        root.addProperty("member", unhashable);

        Schema<?> copy = IdentityHashedSchema.of(root);

        assertThat(copy.hashCode()).isEqualTo(copy.hashCode());
        assertThat(copy).isEqualTo(copy).isNotEqualTo(root).isNotEqualTo(IdentityHashedSchema.of(root));
        assertThat(copy.getProperties()).isSameAs(root.getProperties());
    }

    @Test
    void theCopyWritesTheSameJsonAsTheOriginal() throws Exception {
        JsonSchema root = (JsonSchema) new JsonSchema().types(java.util.Set.of("object")).required(List.of("a"))
                .description("d").addProperty("a", new JsonSchema().types(java.util.Set.of("string")).minLength(2));

        assertThat(Json31.mapper().writeValueAsString(IdentityHashedSchema.of(root))).isEqualTo(Json31.mapper().writeValueAsString(root));
    }

    @Test
    void otherKindsOfSchemaAreLeftAsTheyAre() {
        StringSchema string = new StringSchema();
        assertThat(IdentityHashedSchema.of(string)).isSameAs(string);
        assertThat(IdentityHashedSchema.of(null)).isNull();
    }

    @Test
    void everyBodySchemaOfTheBundledDescriptionIsIdentityHashedInTheValidatorsCopyOnly() {
        AuthleteSpec spec = AuthleteSpec.bundled();
        for (String template : spec.flattened().whole().getPaths().keySet()) {
            PathItem shared = spec.flattened().path(template).orElseThrow();
            OpenAPI own = IdentityHashedDocument.of(spec.flattened().onePath(template));

            assertThat(bodySchemas(own.getPaths().get(template))).as(template).isNotEmpty().allMatch(IdentityHashedSchema.class::isInstance);
            assertThat(bodySchemas(shared)).as(template).noneMatch(IdentityHashedSchema.class::isInstance);
        }
    }

    @Test
    void aValidatorOverTheIdentityHashedCopyFindsWhatOneOverTheOriginalFinds() {
        AuthleteSpec spec = AuthleteSpec.bundled();
        SpecValidator original = new SpecValidator(new ConcurrentHashMap<>(), t -> SpecValidator.over(spec.flattened().onePath(t)));
        SpecValidator identity = new SpecValidator(new ConcurrentHashMap<>(),
                t -> SpecValidator.over(IdentityHashedDocument.of(spec.flattened().onePath(t))));
        Map<String, String> json = Map.of("Content-Type", "application/json");
        List<String> bodies = List.of("{\"parameters\":\"grant_type=authorization_code&code=x\"}", "{\"parameters\":5}", "{}",
                "{\"parameters\":\"a\",\"clientId\":\"not a number\"}", "not json");

        for (String body : bodies) {
            List<String> expected = original.checkRequest(TOKEN, "POST", "/api/1/auth/token", Map.of(), json, body);
            assertThat(identity.checkRequest(TOKEN, "POST", "/api/1/auth/token", Map.of(), json, body)).as(body).isEqualTo(expected);
        }
        for (String body : List.of("{\"resultCode\":\"A001\",\"resultMessage\":\"m\",\"action\":\"OK\"}",
                "{\"resultCode\":5,\"action\":\"NOT_AN_ACTION\"}", "[]")) {
            for (int status : List.of(200, 400, 418)) {
                List<String> expected = original.checkResponse(TOKEN, "POST", "/api/1/auth/token", status, "application/json", body);
                assertThat(identity.checkResponse(TOKEN, "POST", "/api/1/auth/token", status, "application/json", body))
                        .as(status + " " + body).isEqualTo(expected);
            }
        }
        assertThat(original.checkRequest(TOKEN, "POST", "/api/1/auth/token", Map.of(), json, "{\"parameters\":5}")).isNotEmpty();
        assertThat(original.checkResponse(TOKEN, "POST", "/api/1/auth/token", 200, "application/json", "{\"resultCode\":5}")).isNotEmpty();
    }

    private static List<Schema> bodySchemas(PathItem item) {
        return item.readOperations().stream()
                .flatMap(IdentityHashedSchemaTest::contents)
                .map(MediaType::getSchema)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private static Stream<MediaType> contents(Operation operation) {
        Stream<MediaType> request = operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                ? Stream.empty() : operation.getRequestBody().getContent().values().stream();
        Stream<MediaType> responses = operation.getResponses().values().stream()
                .filter(r -> r.getContent() != null)
                .flatMap(r -> r.getContent().values().stream());
        return Stream.concat(request, responses);
    }
}
