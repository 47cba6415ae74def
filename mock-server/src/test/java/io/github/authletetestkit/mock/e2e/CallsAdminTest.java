package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.testing.AdminHttp;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.MockHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET/DELETE /__admin/authlete/calls}: what the mock saw, with bodies, filters and a curl command. */
class CallsAdminTest extends MockServerTestBase {

    private AdminHttp admin;

    @BeforeAll
    void adminClient() {
        admin = new AdminHttp(mock.baseUrl(), null);
    }

    @BeforeEach
    void emptyJournal() {
        assertThat(admin.delete("calls").status()).isEqualTo(204);
    }

    @Test
    void listsCallsNewestFirstWithBodiesActionAndCurl() {
        HttpReply authorization = flows.authorize(Map.of("response_type", "code", "client_id", "nobody-" + System.nanoTime(),
                "redirect_uri", "https://client.example/cb"));
        api.get("/service/get");

        JsonNode calls = admin.get("calls").json().get("calls");

        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).get("operation").asText()).isEqualTo("service_get_api");
        JsonNode auth = calls.get(1);
        assertThat(auth.get("operation").asText()).isEqualTo("auth_authorization_api");
        assertThat(auth.get("action").asText()).isEqualTo(authorization.action());
        assertThat(auth.get("resultCode").asText()).isEqualTo(authorization.resultCode());
        assertThat(auth.get("requestBody").asText()).contains("response_type");
        assertThat(auth.get("responseBody").asText()).isEqualTo(authorization.body());
        assertThat(auth.get("specViolations")).isEmpty();
        assertThat(auth.get("curl").asText()).startsWith("curl -sS -X POST -H 'Authorization: Bearer ")
                .contains("--data-raw '").endsWith(mock.baseUrl() + "/api/" + mock.serviceId() + "/auth/authorization'");
    }

    @Test
    void theCurlCommandRepeatsTheCall() throws Exception {
        api.get("/service/get");
        String curl = admin.get("calls?operation=service_get_api").json().at("/calls/0/curl").asText();
        admin.delete("calls");

        Process process = new ProcessBuilder("sh", "-c", curl).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("\"serviceName\"");
        assertThat(admin.get("calls").json().at("/calls/0/operation").asText()).isEqualTo("service_get_api");
    }

    @Test
    void filtersByOperationActionResultCodeAndSinceAndIsBoundedByLimit() {
        for (int i = 0; i < 3; i++) {
            api.get("/service/get");
        }
        HttpReply authorization = flows.authorize(Map.of("response_type", "code", "client_id", "nobody-" + System.nanoTime(),
                "redirect_uri", "https://client.example/cb"));

        assertThat(operations("calls?operation=service_get_api")).containsExactly("service_get_api", "service_get_api", "service_get_api");
        assertThat(operations("calls?action=" + authorization.action())).containsExactly("auth_authorization_api");
        assertThat(operations("calls?resultCode=" + authorization.resultCode())).containsExactly("auth_authorization_api");
        assertThat(operations("calls?since=2999-01-01T00:00:00Z")).isEmpty();
        assertThat(operations("calls?since=2000-01-01T00:00:00Z&limit=2&unknown=ignored")).hasSize(2);
        JsonNode bounded = admin.get("calls?limit=1").json();
        assertThat(bounded.get("total").asInt()).isEqualTo(4);
        assertThat(bounded.get("returned").asInt()).isEqualTo(1);
    }

    @Test
    void aRejectedRequestCarriesItsSpecViolations() {
        HttpReply rejected = api.post("/auth/authorization", Map.of());

        JsonNode call = admin.get("calls").json().at("/calls/0");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(call.get("status").asInt()).isEqualTo(400);
        assertThat(call.get("specViolations")).isNotEmpty();
        assertThat(call.get("specViolations").get(0).asText()).contains("parameters");
    }

    @Test
    void badFiltersAreJsonErrorsNamingTheParameter() {
        HttpReply badSince = admin.send("GET", "calls?since=yesterday", null, null);
        HttpReply badLimit = admin.send("GET", "calls?limit=0", null, null);

        assertThat(badSince.status()).isEqualTo(400);
        assertThat(badSince.json().get("field").asText()).isEqualTo("since");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("field").asText()).isEqualTo("limit");
    }

    @Test
    void deleteClearsTheCalls() {
        api.get("/service/get");

        admin.delete("calls");

        assertThat(admin.get("calls").json().get("calls")).isEmpty();
    }

    @Test
    void wireMocksRequestJournalWorksAndIsBounded() {
        for (int i = 0; i <= AuthleteMockServer.WIREMOCK_REQUESTS_KEPT; i++) {
            api.get("/service/get");
        }

        HttpReply requests = MockHttp.send(mock.baseUrl(), null, "GET", "/__admin/requests", null, (String) null);

        assertThat(requests.status()).isEqualTo(200);
        assertThat(requests.json().get("requests")).hasSize(AuthleteMockServer.WIREMOCK_REQUESTS_KEPT);
    }

    private List<String> operations(String route) {
        List<String> operations = new ArrayList<>();
        admin.get(route).json().get("calls").forEach(call -> operations.add(call.get("operation").asText()));
        return operations;
    }
}
