package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.MockServerSettings;
import io.github.authletetestkit.mock.testing.HttpReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code builder().deterministic(seed)}: the same calls in the same order give byte-identical answers (client IDs and
 * secrets, tickets, codes, tokens, ID token signatures, service keys), a seed per mock, never leaking into another mock.
 */
class DeterministicModeTest {

    /** Client creation, a code flow with an ES256-signed ID token, introspection, a new service with its own keys. */
    private static List<String> scenario(AuthleteMockServer mock) {
        ApiClient api = new ApiClient(mock.baseUrl(), mock.serviceId(), mock.serviceToken());
        Flows flows = new Flows(api);
        List<String> bodies = new ArrayList<>();
        HttpReply created = api.post("/client/create", Map.of("clientName", "snapshot", "clientType", "CONFIDENTIAL",
                "redirectUris", List.of(Flows.REDIRECT_URI), "idTokenSignAlg", "ES256"));
        bodies.add(created.body());
        Flows.Client client = new Flows.Client(created.json().get("clientId").asLong(), created.text("clientSecret"));
        HttpReply authorization = flows.authorize(Flows.codeRequest(client, "scope", "openid", "nonce", "n-1"));
        bodies.add(authorization.body());
        HttpReply issued = flows.issue(authorization.text("ticket"), Map.of());
        bodies.add(issued.body());
        HttpReply token = flows.exchange(client, issued.text("authorizationCode"));
        assertThat(token.action()).as(token.body()).isEqualTo("OK");
        bodies.add(token.body());
        bodies.add(flows.introspect(token.text("accessToken")).body());
        bodies.add(api.withToken(mock.orgToken()).send("POST", "/api/service/create", "application/json",
                "{\"serviceName\":\"second\",\"issuer\":\"https://second.example\"}").body());
        bodies.add(api.get("/service/jwks/get").body());
        return bodies;
    }

    private static List<String> run(MockServerSettings.Builder settings) {
        return withMock(settings, DeterministicModeTest::scenario);
    }

    private static <T> T withMock(MockServerSettings.Builder settings, Function<AuthleteMockServer, T> use) {
        try (AuthleteMockServer mock = settings.build().start()) {
            return use.apply(mock);
        }
    }

    @Test
    void theSameSeedAndCallsGiveByteIdenticalAnswers() {
        List<String> first = run(AuthleteMockServer.builder().deterministic(42));
        List<String> second = run(AuthleteMockServer.builder().deterministic(42));

        assertThat(second).containsExactlyElementsOf(first);
        assertThat(first.get(3)).as("the token response, with an ID token").contains("\"idToken\"");
        assertThat(first.get(0)).as("times come from the frozen clock").contains(
                Long.toString(MockServerSettings.DETERMINISTIC_START.toEpochMilli()));
    }

    @Test
    void anotherSeedGivesOtherValues() {
        List<String> seed42 = run(AuthleteMockServer.builder().deterministic(42));
        List<String> seed43 = run(AuthleteMockServer.builder().deterministic(43));

        for (int i = 0; i < seed42.size(); i++) {
            assertThat(seed43.get(i)).as("answer %d", i).isNotEqualTo(seed42.get(i));
        }
    }

    @Test
    void theDefaultModeGivesOtherValuesOnEveryRun() {
        List<String> first = run(AuthleteMockServer.builder());
        List<String> second = run(AuthleteMockServer.builder());

        assertThat(second.get(0)).as("client ID and secret").isNotEqualTo(first.get(0));
        assertThat(second.get(3)).as("tokens").isNotEqualTo(first.get(3));
    }

    @Test
    void aResetStartsTheSequenceAgain() {
        List<List<String>> runs = withMock(AuthleteMockServer.builder().deterministic(7), mock -> {
            List<String> before = scenario(mock);
            mock.clock().advance(java.time.Duration.ofHours(3));
            mock.reset();
            return List.of(before, scenario(mock));
        });

        assertThat(runs.get(1)).containsExactlyElementsOf(runs.get(0));
    }

    @Test
    void mocksRunningSideBySideKeepTheirOwnSequences() {
        List<String> alone = run(AuthleteMockServer.builder().deterministic(42));

        // the same seed and a random mock at the same time, on other threads: neither leaks into the deterministic one
        CompletableFuture<List<String>> random = CompletableFuture.supplyAsync(() -> run(AuthleteMockServer.builder()));
        CompletableFuture<List<String>> otherSeed = CompletableFuture.supplyAsync(() -> run(AuthleteMockServer.builder().deterministic(5)));
        List<String> beside = run(AuthleteMockServer.builder().deterministic(42));

        assertThat(beside).containsExactlyElementsOf(alone);
        assertThat(random.join()).doesNotContainAnyElementsOf(alone);
        assertThat(otherSeed.join()).doesNotContainAnyElementsOf(alone);
    }
}
