package io.github.authletetestkit.mock.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.testing.AdminHttp;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Our OpenAPI document of the admin API: well-formed, and in step with the routes the mock serves. */
class AdminApiDocumentTest {

    private static final SwaggerParseResult PARSED = new OpenAPIV3Parser().readContents(AdminHttp.documentText(), null, null);

    @Test
    void theDocumentParsesWithoutMessages() {
        assertThat(PARSED.getMessages()).isEmpty();
        assertThat(PARSED.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteIsServed() {
        OpenAPI api = PARSED.getOpenAPI();
        Set<String> documented = new HashSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method.name() + " " + path)));
        Set<String> served = new HashSet<>();
        try (AuthleteMockServer server = AuthleteMockServer.create()) {
            AdminRoutes.of(server, Set.of()).forEach(r -> served.add(r.method().toUpperCase(Locale.ROOT) + " " + AdminHttp.PREFIX + r.path()));
        }

        assertThat(served).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void everyOperationNeedsTheAdminTokenAndEveryErrorIsAnAdminError() {
        OpenAPI api = PARSED.getOpenAPI();
        assertThat(api.getSecurity()).singleElement().satisfies(req -> assertThat(req).containsKey("adminToken"));
        assertThat(api.getComponents().getSecuritySchemes().get("adminToken").getScheme()).isEqualTo("bearer");
        api.getPaths().values().stream().map(PathItem::readOperations).flatMap(java.util.List::stream).forEach(op -> {
            assertThat(op.getSecurity()).as(op.getOperationId()).isNull();
            assertThat(op.getResponses()).as(op.getOperationId()).containsKey("401");
            op.getResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertThat(response.get$ref()).as(op.getOperationId() + " " + status).startsWith("#/components/responses/");
                }
            });
        });
    }
}
