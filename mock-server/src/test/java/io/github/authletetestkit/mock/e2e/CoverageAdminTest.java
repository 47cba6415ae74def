package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.coverage.Coverage;
import io.github.authletetestkit.mock.testing.AdminHttp;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code mock.coverage()} and {@code GET/DELETE /__admin/authlete/coverage}: which operations and actions the calls exercised. */
class CoverageAdminTest extends MockServerTestBase {

    private AdminHttp admin;

    @BeforeAll
    void adminClient() {
        admin = new AdminHttp(mock.baseUrl(), null);
    }

    @BeforeEach
    void noCoverageYet() {
        assertThat(admin.delete("coverage").status()).isEqualTo(204);
    }

    @Test
    void countsTheOperationsAndActionsOfACodeFlowAndListsTheOthers() {
        Flows.Client client = flows.confidentialClient();
        String token = flows.codeFlow(client).text("accessToken");
        flows.introspect(token);
        flows.introspect("no-such-token");

        Coverage coverage = mock.coverage();

        assertThat(coverage.operation("client_create_api").calls()).isEqualTo(1);
        assertThat(coverage.operation("auth_token_api").actions()).containsEntry("OK", 1L).containsEntry("PASSWORD", 0L);
        assertThat(coverage.operation("auth_introspection_api").actions()).containsEntry("OK", 1L).containsEntry("UNAUTHORIZED", 1L);
        assertThat(coverage.operation("auth_introspection_api").resultCodes()).hasSize(2);
        assertThat(coverage.uncoveredActions().get("auth_token_api")).contains("PASSWORD", "INVALID_CLIENT").doesNotContain("OK");
        assertThat(coverage.uncalledOperations()).contains("auth_revocation_api").doesNotContain("auth_token_api");
        assertThat(coverage.operations()).as("every operation of the spec")
                .hasSize((int) AuthleteSpec.bundled().operations().stream().filter(o -> o.operationId() != null).count());
    }

    @Test
    void aResetKeepsTheCoverageAndTheAdminRouteShowsIt() {
        flows.authorize(Map.of("response_type", "code", "client_id", "1", "redirect_uri", Flows.REDIRECT_URI));
        admin.post("reset", null);

        JsonNode json = admin.get("coverage").json();

        assertThat(json.at("/summary/calls").asLong()).isEqualTo(1);
        JsonNode authorization = null;
        for (JsonNode operation : json.get("operations")) {
            if (operation.get("operationId").asText().equals("auth_authorization_api")) {
                authorization = operation;
            }
        }
        assertThat(authorization).isNotNull();
        assertThat(authorization.get("calls").asLong()).isEqualTo(1);
        assertThat(authorization.at("/actions/BAD_REQUEST").asLong()).isEqualTo(1);
        assertThat(authorization.get("uncoveredActions")).extracting(JsonNode::asText).contains("INTERACTION");
    }

    @Test
    void deleteStartsFromZero() {
        api.get("/service/get");

        assertThat(admin.delete("coverage").status()).isEqualTo(204);

        assertThat(mock.coverage().calls()).isZero();
        assertThat(admin.get("coverage").json().at("/summary/calls").asLong()).isZero();
    }
}
