package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authletetestkit.mock.Fault;
import io.github.authletetestkit.mock.RecordedCall;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.testing.HttpReply;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Planned faults for the next calls of an operation, and the journal of the calls the mock answered. */
class FaultsAndJournalTest extends MockServerTestBase {

    @Test
    void statusFaultReplacesTheNextCallsThenTheMockAnswersAgain() {
        MockInternals.of(mock).faults().add("service_get_api", Fault.status(503), 2);

        HttpReply first = api.get("/service/get");
        HttpReply second = api.get("/service/get");
        HttpReply third = api.get("/service/get");

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.text("resultMessage")).startsWith("[A001101] /service/get, ");
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(200);
    }

    @Test
    void faultsTouchOnlyTheirOperation() {
        MockInternals.of(mock).faults().add("auth_token_api", Fault.status(500), 1);

        assertThat(api.get("/service/get").status()).isEqualTo(200);
        assertThat(MockInternals.of(mock).faults().pending("auth_token_api")).isEqualTo(1);
    }

    @Test
    void rateLimitFaultSendsRetryAfter() throws Exception {
        MockInternals.of(mock).faults().add("*", Fault.rateLimited(Duration.ofSeconds(30)), 1);

        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(mock.baseUrl() + api.servicePath("/service/get")))
                        .header("Authorization", "Bearer " + mock.serviceToken()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("30");
    }

    @Test
    void latencyFaultDelaysTheRealAnswer() {
        MockInternals.of(mock).faults().add("service_get_api", Fault.latency(Duration.ofMillis(300)), 1);

        long started = System.nanoTime();
        HttpReply reply = api.get("/service/get");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void connectionResetFaultDropsTheConnection() {
        // a POST: the JDK client retries an idempotent GET once on a dropped connection
        MockInternals.of(mock).faults().add("auth_introspection_api", Fault.resetConnection(), 1);

        assertThatThrownBy(() -> flows.introspect("x")).isInstanceOf(UncheckedIOException.class);
        assertThat(flows.introspect("x").action()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void resetClearsPlannedFaults() {
        MockInternals.of(mock).faults().add("service_get_api", Fault.status(500), 5);

        mock.reset();

        assertThat(api.get("/service/get").status()).isEqualTo(200);
    }

    @Test
    void journalRecordsOperationBodyStatusAndAction() {
        Flows.Client client = flows.confidentialClient();
        flows.codeFlow(client, "scope", "profile");

        List<RecordedCall> tokenCalls = MockInternals.of(mock).journal().callsOf("auth_token_api");

        assertThat(tokenCalls).singleElement().satisfies(call -> {
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.action()).isEqualTo("OK");
            assertThat(call.resultCode()).isEqualTo("A050001");
            assertThat(call.bodyField("clientId")).isEqualTo(Long.toString(client.id()));
            assertThat(call.bodyField("parameters")).contains("grant_type=authorization_code");
            assertThat(call.method()).isEqualTo("POST");
        });
        assertThat(MockInternals.of(mock).journal().count("auth_authorization_api")).isEqualTo(1);
        assertThat(MockInternals.of(mock).journal().calls()).extracting(RecordedCall::operationId)
                .containsSubsequence("client_create_api", "auth_authorization_api", "auth_authorization_issue_api", "auth_token_api");
    }

    @Test
    void journalRecordsRefusedAndUnknownCallsToo() {
        api.withToken(null).get("/service/get");
        api.send("GET", "/api/" + mock.serviceId() + "/no/such", null, null);
        api.postForm("/service/update", Map.of("accessTokenDuration", "60"));

        List<RecordedCall> calls = MockInternals.of(mock).journal().calls();
        assertThat(calls).extracting(RecordedCall::status).containsExactly(401, 404, 200);
        assertThat(calls.get(1).operationId()).isNull();
        assertThat(calls.get(2).requestBody().get("accessTokenDuration").asInt()).isEqualTo(60);
        mock.reset();
        assertThat(MockInternals.of(mock).journal().calls()).isEmpty();
    }
}
