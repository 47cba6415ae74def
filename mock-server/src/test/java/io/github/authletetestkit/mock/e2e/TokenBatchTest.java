package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.testing.HttpReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.model.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /auth/token/create/batch} and its status: all or nothing, with a dry run. */
class TokenBatchTest extends MockServerTestBase {

    private HttpReply batch(String query, List<Map<String, Object>> requests) {
        return api.send("POST", api.servicePath("/auth/token/create/batch" + query), "application/json", Json.write(requests));
    }

    private JsonNode status(String requestId) {
        return api.get("/auth/token/create/batch/status/" + requestId).json().get("status");
    }

    private int tokenCount() {
        return api.get("/auth/token/get/list").json().get("totalCount").asInt();
    }

    @Test
    void batchCreatesEveryTokenAndReportsIt() {
        Flows.Client client = flows.confidentialClient();

        HttpReply reply = batch("", List.of(
                Map.of("grantType", "PASSWORD", "clientId", client.id(), "subject", "alice"),
                Map.of("grantType", "CLIENT_CREDENTIALS", "clientId", client.id())));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode status = status(reply.text("requestId"));
        assertThat(status.get("result").asText()).isEqualTo("SUCCEEDED");
        assertThat(status.get("tokenCount").asInt()).isEqualTo(2);
        assertThat(status.get("batchKind").asText()).isEqualTo("CREATE");
        assertThat(tokenCount()).isEqualTo(2);
    }

    @Test
    void aBadRequestFailsTheWholeBatch() {
        Flows.Client client = flows.confidentialClient();

        HttpReply reply = batch("", List.of(
                Map.of("grantType", "PASSWORD", "clientId", client.id(), "subject", "alice"),
                Map.of("grantType", "PASSWORD", "clientId", 4242424242424L, "subject", "bob")));

        JsonNode status = status(reply.text("requestId"));
        assertThat(status.get("result").asText()).isEqualTo("FAILED");
        assertThat(status.get("errorCode").asText()).matches("A\\d{6}");
        assertThat(status.get("errorDescription").asText()).contains("4242424242424");
        assertThat(tokenCount()).isZero();
    }

    @Test
    void dryRunChecksWithoutCreating() {
        Flows.Client client = flows.confidentialClient();

        HttpReply reply = batch("?dryRun=true", List.of(Map.of("grantType", "PASSWORD", "clientId", client.id(), "subject", "alice")));

        assertThat(status(reply.text("requestId")).get("result").asText()).isEqualTo("SUCCEEDED");
        assertThat(tokenCount()).isZero();
    }

    @Test
    void unknownBatchIs404() {
        assertThat(api.get("/auth/token/create/batch/status/no-such-batch").status()).isEqualTo(404);
    }
}
