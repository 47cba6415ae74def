package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.testing.HttpReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two seeded services A and B: each one's token, clients and access tokens stay in its own service. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {

    static final long A = 1_000_001L;
    static final long B = 1_000_002L;
    static final JsonNode SEED = Json.parse("""
            {"services": [
              {"serviceId": 1000001, "serviceTokens": ["token-a"], "config": {"serviceName": "A"},
               "clients": [{"clientId": 11, "clientSecret": "secret-a", "clientType": "CONFIDENTIAL"}],
               "tokens": [{"accessToken": "at-a", "clientId": 11, "subject": "alice", "scopes": ["openid"]}]},
              {"serviceId": 1000002, "serviceTokens": ["token-b"], "config": {"serviceName": "B"},
               "clients": [{"clientId": 22, "clientSecret": "secret-b", "clientType": "CONFIDENTIAL"}],
               "tokens": [{"accessToken": "at-b", "clientId": 22, "subject": "bob", "scopes": ["openid"]}]}]}""");

    private AuthleteMockServer mock;
    private ApiClient asA;
    private ApiClient asB;
    private ApiClient asOrg;

    @BeforeAll
    void start() {
        mock = AuthleteMockServer.builder().strict(true).seed(SEED).build().start();
        asA = new ApiClient(mock.baseUrl(), A, "token-a");
        asB = new ApiClient(mock.baseUrl(), B, "token-b");
        asOrg = new ApiClient(mock.baseUrl(), A, mock.orgToken());
    }

    @AfterEach
    void noSpecViolations() {
        assertThat(mock.specViolations()).isEmpty();
    }

    @AfterAll
    void stop() {
        mock.stop();
    }

    @Test
    void aServiceTokenIsForbiddenOnAnotherServicesPath() {
        HttpReply reply = asB.forService(A).get("/service/get");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(asA.get("/service/get").json().get("serviceName").asText()).isEqualTo("A");
        assertThat(asB.get("/service/get").json().get("serviceName").asText()).isEqualTo("B");
    }

    @Test
    void aClientOfOneServiceIsUnknownInTheOther() {
        assertThat(asA.get("/client/get/11").status()).isEqualTo(200);
        assertThat(asB.get("/client/get/11").status()).isEqualTo(404);
        assertThat(clientIds(asB.get("/client/get/list"))).containsExactly(22L);
        assertThat(clientIds(asA.get("/client/get/list"))).containsExactly(11L);
    }

    @Test
    void anAccessTokenOfOneServiceIsUnknownToTheOthersIntrospection() {
        HttpReply onA = asA.post("/auth/introspection", Map.of("token", "at-a"));
        HttpReply onB = asB.post("/auth/introspection", Map.of("token", "at-a"));

        assertThat(onA.action()).isEqualTo("OK");
        assertThat(onA.text("subject")).isEqualTo("alice");
        assertThat(onB.action()).isEqualTo("UNAUTHORIZED");
        assertThat(onB.json().get("existent").asBoolean()).isFalse();
    }

    @Test
    void theOrganizationTokenSeesBothServices() {
        assertThat(asOrg.get("/client/get/11").status()).isEqualTo(200);
        assertThat(asOrg.forService(B).get("/client/get/22").status()).isEqualTo(200);
        JsonNode services = asOrg.send("GET", "/api/service/get/list", null, null).json().get("services");
        List<Long> ids = new ArrayList<>();
        services.forEach(s -> ids.add(s.get("apiKey").asLong()));
        assertThat(ids).containsExactly(A, B);
    }

    @Test
    void theDefaultServiceIsNotKeptWhenTheSeedDefinesServices() {
        HttpReply defaultService = new ApiClient(mock.baseUrl(), mock.serviceId(), mock.orgToken()).get("/service/get");

        assertThat(defaultService.status()).isEqualTo(404);
        assertThat(asA.withToken(mock.serviceToken()).get("/service/get").status()).as("its token went with it").isEqualTo(401);
    }

    private static List<Long> clientIds(HttpReply list) {
        List<Long> ids = new ArrayList<>();
        list.json().get("clients").forEach(c -> ids.add(c.get("clientId").asLong()));
        return ids;
    }
}
