package io.github.authletetestkit.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The action values of each operation, read from the response schemas. */
class ActionCatalogTest {

    @Test
    void readsTheActionEnumOfEachOperationsResponses() {
        ActionCatalog catalog = ActionCatalog.of(AuthleteSpec.bundled());

        assertThat(catalog.actionsOf("auth_token_api")).contains("OK", "PASSWORD", "INVALID_CLIENT", "BAD_REQUEST", "INTERNAL_SERVER_ERROR");
        assertThat(catalog.actionsOf("auth_authorization_api")).contains("INTERACTION", "NO_INTERACTION", "LOCATION", "FORM", "BAD_REQUEST");
        assertThat(catalog.actionsOf("auth_introspection_api")).contains("OK", "UNAUTHORIZED", "FORBIDDEN");
        assertThat(catalog.actions()).as("every operation, with or without actions").containsKey("service_get_api")
                .hasSize((int) AuthleteSpec.bundled().operations().stream().filter(o -> o.operationId() != null).count());
        assertThat(catalog.actionsOf("service_get_api")).isEmpty();
    }

    @Test
    void takesActionsFromReferencedAndComposedSchemas() {
        String document = """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /a:
                    post:
                      operationId: a_api
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema:
                                allOf:
                                  - {$ref: '#/components/schemas/Result'}
                                  - type: object
                                    properties:
                                      action: {type: string, enum: [OK, BAD_REQUEST]}
                        '400':
                          description: bad
                          content:
                            application/json:
                              schema:
                                type: object
                                properties:
                                  action: {type: string, enum: [BAD_REQUEST, CALLER_ERROR]}
                  /b:
                    get:
                      operationId: b_api
                      responses:
                        '204': {description: none}
                components:
                  schemas:
                    Result:
                      type: object
                      properties:
                        resultCode: {type: string}
                """;

        ActionCatalog catalog = ActionCatalog.of(AuthleteSpec.parse("inline", document));

        assertThat(catalog.actions()).containsExactly(Map.entry("a_api", List.of("OK", "BAD_REQUEST", "CALLER_ERROR")),
                Map.entry("b_api", List.of()));
    }
}
