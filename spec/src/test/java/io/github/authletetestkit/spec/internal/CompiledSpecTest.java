package io.github.authletetestkit.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import org.junit.jupiter.api.Test;

/** The resources {@link SpecCompiler} wrote at build time say what a fresh parse of the bundled YAML says. */
class CompiledSpecTest {

    private static final AuthleteSpec BUNDLED = AuthleteSpec.bundled();
    private static final AuthleteSpec FRESH = AuthleteSpec.parse("fresh", BUNDLED.content());

    @Test
    void theBundledDescriptionComesFromTheCompiledResources() {
        assertThat(SpecCompiler.readOperationsResource()).isNotNull();
        assertThat(SpecCompiler.readText(SpecCompiler.FLATTENED_RESOURCE)).isNotNull();
    }

    @Test
    void operationsAndVersionsAreThoseOfAFreshParse() {
        assertThat(BUNDLED.operations()).isEqualTo(FRESH.operations());
        assertThat(BUNDLED.version()).isEqualTo(FRESH.version()).isNotNull();
        assertThat(BUNDLED.openApiVersion()).isEqualTo(FRESH.openApiVersion()).isEqualTo("3.1.0");
        assertThat(SpecCompiler.readOperationsResource()).isEqualTo(SpecCompiler.operations(FRESH));
    }

    @Test
    void theFlattenedFormIsThatOfAFreshParseOnePathAtATimeAndWhole() throws Exception {
        JsonNode fresh = SpecCompiler.flattened(FRESH);
        assertThat(SpecCompiler.readText(SpecCompiler.FLATTENED_RESOURCE)).isEqualTo(SpecCompiler.flattenedLines(fresh));
        assertThat(json(BUNDLED.openApiFlattened())).isEqualTo(fresh);
        for (SpecOperation operation : FRESH.operations()) {
            PathItem item = BUNDLED.flattened().path(operation.pathTemplate()).orElseThrow();
            assertThat(json(item)).as(operation.pathTemplate()).isEqualTo(fresh.path("paths").get(operation.pathTemplate()));
        }
    }

    @Test
    void aOnePathDocumentHoldsThatPathAndTheSecuritySchemesAsA31Document() {
        OpenAPI one = BUNDLED.flattened().onePath("/api/{serviceId}/auth/token");
        assertThat(one.getPaths()).containsOnlyKeys("/api/{serviceId}/auth/token");
        assertThat(one.getSpecVersion()).isEqualTo(FRESH.openApiFlattened().getSpecVersion());
        assertThat(one.getComponents().getSecuritySchemes()).isEqualTo(FRESH.openApiFlattened().getComponents().getSecuritySchemes());
        assertThat(one.getComponents().getSchemas()).isNull();
        assertThat(BUNDLED.flattened().path("/no/such/path")).isEmpty();
    }

    @Test
    void theSkeletonLineIsTheDocumentWithoutPathsKeepingOnlyTheSecuritySchemesOfItsComponents() throws Exception {
        SpecCompiler.FlattenedLines lines = SpecCompiler.FlattenedLines.read(SpecCompiler.readText(SpecCompiler.FLATTENED_RESOURCE));
        ObjectNode skeleton = (ObjectNode) Json31.mapper().readTree(lines.skeleton());
        ObjectNode top = (ObjectNode) Json31.mapper().readTree(lines.top());

        assertThat(skeleton.remove("components")).isEqualTo(Json31.mapper().createObjectNode()
                .set("securitySchemes", top.path("components").get("securitySchemes")));
        top.remove("components");
        assertThat(skeleton).isEqualTo(top);
        assertThat(lines.paths().keySet()).containsExactlyInAnyOrderElementsOf(
                FRESH.operations().stream().map(SpecOperation::pathTemplate).distinct().toList());
    }

    @Test
    void everyOnePathDocumentIsThatOfAFreshParse() {
        for (SpecOperation operation : FRESH.operations()) {
            assertThat(json(BUNDLED.flattened().onePath(operation.pathTemplate()))).as(operation.pathTemplate())
                    .isEqualTo(json(FRESH.flattened().onePath(operation.pathTemplate())));
        }
    }

    @Test
    void theFlattenedOperationIsFoundByItsId() {
        assertThat(BUNDLED.flattenedOperation("auth_token_api")).hasValueSatisfying(operation ->
                assertThat(operation.getOperationId()).isEqualTo("auth_token_api"));
        assertThat(BUNDLED.flattenedOperation("no_such_api")).isEmpty();
        assertThat(FRESH.flattenedOperation("auth_token_api").map(o -> json(o)))
                .isEqualTo(BUNDLED.flattenedOperation("auth_token_api").map(o -> json(o)));
    }

    private static JsonNode json(Object model) {
        return Json31.mapper().valueToTree(model);
    }
}
