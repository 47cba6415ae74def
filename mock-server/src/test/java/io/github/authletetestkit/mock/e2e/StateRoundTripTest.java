package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.state.SeedException;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.testing.HttpReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code state()} then {@code loadSeed}: what a restarted mock keeps, and seeds loaded all or nothing. */
class StateRoundTripTest extends MockServerTestBase {

    static final JsonNode SEED_A = Json.parse("""
            {"services": [{"serviceId": 1000001, "serviceTokens": ["token-a"],
               "clients": [{"clientId": 11, "clientSecret": "secret-a", "clientType": "CONFIDENTIAL"}],
               "tokens": [{"accessToken": "at-a", "clientId": 11, "subject": "alice", "scopes": ["openid"]}]}]}""");

    @Test
    void tokensCodesAndClientsSurviveARoundTrip() {
        Flows.Client client = flows.confidentialClient();
        HttpReply tokens = flows.codeFlow(client, "scope", "openid profile");
        String unredeemedCode = flows.code(Flows.codeRequest(client, "scope", "profile"));
        ObjectNode state = mock.state();

        try (AuthleteMockServer restored = AuthleteMockServer.builder().strict(true).seed(state).build().start()) {
            ApiClient restoredApi = new ApiClient(restored.baseUrl(), mock.serviceId(), mock.serviceToken());
            Flows restoredFlows = new Flows(restoredApi);
            assertThat(restored.state()).as("state, seed, state again").isEqualTo(state);

            HttpReply introspection = restoredFlows.introspect(tokens.text("accessToken"));
            assertThat(introspection.action()).isEqualTo("OK");
            assertThat(introspection.text("subject")).isEqualTo(Flows.SUBJECT);
            assertThat(introspection.json().get("expiresAt").asLong()).isEqualTo(tokens.json().get("accessTokenExpiresAt").asLong());
            HttpReply exchanged = restoredFlows.exchange(client, unredeemedCode);
            assertThat(exchanged.action()).as(exchanged.toString()).isEqualTo("OK");
            assertThat(exchanged.json().get("scopes").toString()).contains("profile");
            HttpReply refreshed = restoredFlows.token(client, Map.of("grant_type", "refresh_token", "refresh_token", tokens.text("refreshToken")));
            assertThat(refreshed.action()).as(refreshed.toString()).isEqualTo("OK");
            assertThat(restoredApi.get("/client/get/" + client.id()).text("clientSecret")).isEqualTo(client.secret());
            assertThat(restored.specViolations()).isEmpty();
        }
    }

    @Test
    void aManagedGrantAndItsTokensSurviveARoundTrip() {
        Flows.Client client = flows.confidentialClient();
        String ticket = flows.ticket(Flows.codeRequest(client, "scope", "openid profile", "grant_management_action", "create"));
        HttpReply tokens = flows.exchange(client, flows.issue(ticket, Map.of()).text("authorizationCode"));
        String grantId = tokens.text("grantId");
        ObjectNode state = mock.state();

        try (AuthleteMockServer restored = AuthleteMockServer.builder().strict(true).seed(state).build().start()) {
            ApiClient restoredApi = new ApiClient(restored.baseUrl(), mock.serviceId(), mock.serviceToken());
            assertThat(restored.state()).as("state, seed, state again").isEqualTo(state);
            assertThat(new Flows(restoredApi).introspect(tokens.text("accessToken")).text("grantId")).isEqualTo(grantId);

            HttpReply queried = restoredApi.post("/gm", Map.of("accessToken", tokens.text("accessToken"), "gmAction", "QUERY", "grantId", grantId));
            assertThat(queried.action()).as(queried.toString()).isEqualTo("OK");
            assertThat(queried.content().toString()).contains("openid profile");
            HttpReply revoked = restoredApi.post("/gm", Map.of("accessToken", tokens.text("accessToken"), "gmAction", "REVOKE", "grantId", grantId));
            assertThat(revoked.action()).as(revoked.toString()).isEqualTo("NO_CONTENT");
            assertThat(new Flows(restoredApi).introspect(tokens.text("accessToken")).action())
                    .as("the restored token belonged to the restored grant, so it went with it").isNotEqualTo("OK");
            assertThat(restored.specViolations()).isEmpty();
        }
    }

    @Test
    void aMovedClockIsPartOfTheState() {
        mock.clock().advance(Duration.ofHours(2));

        ObjectNode state = mock.state();

        assertThat(state.get("clock").get("offset").asText()).startsWith("PT2H");
        try (AuthleteMockServer restored = AuthleteMockServer.builder().seed(state).build()) {
            assertThat(Duration.between(Instant.now(), restored.clock().instant()).toMinutes()).isEqualTo(120);
        }
        Instant frozenAt = Instant.parse("2031-05-06T07:08:09Z");
        mock.clock().freeze().set(frozenAt);
        try (AuthleteMockServer restored = AuthleteMockServer.builder().seed(mock.state()).build()) {
            assertThat(restored.clock().isFrozen()).isTrue();
            assertThat(restored.clock().instant()).isEqualTo(frozenAt);
        }
    }

    @Test
    void aRealTimeClockIsLeftOut() {
        assertThat(mock.state().has("clock")).isFalse();
    }

    @Test
    void expiredTokensAreLeftOut() {
        Flows.Client client = flows.confidentialClient();
        String accessToken = flows.codeFlow(client).text("accessToken");
        assertThat(mock.state().toString()).contains(accessToken);

        mock.clock().advance(Duration.ofDays(30));

        assertThat(mock.state().toString()).doesNotContain(accessToken);
    }

    @Test
    void aBadSeedChangesNothing() {
        try (AuthleteMockServer server = AuthleteMockServer.builder().build().start()) {
            ApiClient own = new ApiClient(server.baseUrl(), server.serviceId(), server.serviceToken());
            long clientId = new Flows(own).confidentialClient().id();
            ObjectNode before = server.state();
            ObjectNode bad = SEED_A.deepCopy();
            bad.withArray("services").addObject().put("serviceId", 1000002).putArray("tokens").addObject().put("accessToken", "x");

            assertThatThrownBy(() -> server.loadSeed(bad)).isInstanceOf(SeedException.class)
                    .hasMessageStartingWith("services[1].tokens[0].clientId: ");

            assertThatThrownBy(() -> server.loadSeed(null)).isInstanceOf(SeedException.class);
            assertThatThrownBy(() -> server.loadSeed(Json.parse("[]"))).isInstanceOf(SeedException.class);

            assertThat(server.state()).isEqualTo(before);
            assertThat(own.get("/client/get/" + clientId).status()).isEqualTo(200);
            server.reset();
            assertThat(own.get("/client/get/" + clientId).status()).as("reset still goes to the default service").isEqualTo(404);
            assertThat(own.get("/service/get").status()).isEqualTo(200);
        }
    }

    @Test
    void resetGoesBackToTheLoadedSeed() {
        try (AuthleteMockServer server = AuthleteMockServer.builder().build().start()) {
            server.loadSeed(SEED_A);
            ApiClient asA = new ApiClient(server.baseUrl(), 1_000_001L, "token-a");
            long created = new Flows(asA).confidentialClient().id();
            asA.post("/auth/revocation", Map.of("parameters", "token=at-a", "clientId", "11", "clientSecret", "secret-a"));
            assertThat(asA.post("/auth/introspection", Map.of("token", "at-a")).action()).isEqualTo("UNAUTHORIZED");

            server.reset();

            assertThat(asA.get("/client/get/" + created).status()).isEqualTo(404);
            assertThat(asA.get("/client/get/11").text("clientSecret")).isEqualTo("secret-a");
            assertThat(asA.post("/auth/introspection", Map.of("token", "at-a")).action()).isEqualTo("OK");
            assertThat(asA.forService(server.serviceId()).withToken(server.orgToken()).get("/service/get").status())
                    .as("the seed defines services: no default service").isEqualTo(404);
        }
    }

    @Test
    void aSeedFileIsReadAtStartAndABadOneNamesFileAndField(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("seed.json"), SEED_A.toString());
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"services\": [{\"serviceId\": 1, \"clients\": [{}]}]}");

        try (AuthleteMockServer server = AuthleteMockServer.builder().seed(good).build()) {
            assertThat(MockInternals.of(server).store().service(1_000_001L)).isPresent();
        }
        assertThatThrownBy(() -> AuthleteMockServer.builder().seed(bad).build())
                .isInstanceOfSatisfying(SeedException.class, e -> assertThat(e.field()).isEqualTo("services[0].clients[0].clientId"))
                .hasMessageStartingWith(bad.toAbsolutePath() + ": services[0].clients[0].clientId: is required");
    }
}
