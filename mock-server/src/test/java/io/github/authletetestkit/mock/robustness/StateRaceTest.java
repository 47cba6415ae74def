package io.github.authletetestkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.StrictMockTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each read-modify-write of state raced against the change that removes (or depends on) what it reads:
 * an update never brings back a revoked token or a deleted client, and concurrent service updates lose nothing.
 */
class StateRaceTest extends StrictMockTest {

    private static final int ROUNDS = 60;
    private static final int UPDATERS = 6;

    private Driver api;
    private ExecutorService pool;

    @BeforeAll
    void driver() {
        api = Driver.of(mock.baseUrl(), mock.serviceId(), mock.serviceToken());
        pool = Executors.newFixedThreadPool(UPDATERS + 1);
    }

    @AfterAll
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void aTokenUpdateRacingARevocationNeverBringsTheTokenBack() throws Exception {
        Driver.Client client = api.createClient("update vs revoke");
        for (int round = 0; round < ROUNDS; round++) {
            String accessToken = issue(client);

            race(() -> api.post("/auth/token/update", Map.of("accessToken", accessToken, "scopes", List.of("email"))),
                    () -> api.post("/auth/token/revoke", Map.of("accessTokenIdentifier", accessToken)));

            assertThat(api.introspect(accessToken).action()).as("round %d", round).isEqualTo("UNAUTHORIZED");
        }
    }

    @Test
    void aGrantScopeUpdateRacingARevocationNeverBringsTheTokenBack() throws Exception {
        Driver.Client client = api.createClient("authorization update vs revoke");
        for (int round = 0; round < ROUNDS; round++) {
            String accessToken = issue(client);

            race(() -> api.post("/client/authorization/update/" + client.id(), Map.of("subject", "racer", "scopes", List.of("email"))),
                    () -> api.post("/auth/token/revoke", Map.of("accessTokenIdentifier", accessToken)));

            assertThat(api.introspect(accessToken).action()).as("round %d", round).isEqualTo("UNAUTHORIZED");
        }
    }

    @Test
    void aClientUpdateRacingItsDeletionNeverBringsItBack() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Driver.Client client = api.createClient("update vs delete");

            List<HttpReply> replies = race(() -> api.post("/client/update/" + client.id(), Map.of("clientName", "renamed")),
                    () -> api.send("DELETE", "/api/" + api.serviceId() + "/client/delete/" + client.id(), null, (String) null));

            assertThat(replies.getLast().status()).isEqualTo(204);
            assertThat(replies).allSatisfy(r -> assertThat(r.status()).isIn(200, 204, 404));
            assertThat(api.send("GET", "/api/" + api.serviceId() + "/client/get/" + client.id(), null, (String) null).status())
                    .as("round %d: %s", round, replies).isEqualTo(404);
        }
    }

    @Test
    void aSecretRefreshRacingTheClientsDeletionNeverBringsItBack() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Driver.Client client = api.createClient("refresh vs delete");

            List<HttpReply> replies = race(() -> api.send("GET", "/api/" + api.serviceId() + "/client/secret/refresh/" + client.id(), null, (String) null),
                    () -> api.send("DELETE", "/api/" + api.serviceId() + "/client/delete/" + client.id(), null, (String) null));

            assertThat(replies).allSatisfy(r -> assertThat(r.status()).isIn(200, 204, 404));
            assertThat(api.send("GET", "/api/" + api.serviceId() + "/client/get/" + client.id(), null, (String) null).status())
                    .as("round %d: %s", round, replies).isEqualTo(404);
        }
    }

    @Test
    void serviceUpdatesRacingTokenIssuesLoseNoChangeAndIssueWithAWholeConfiguration() throws Exception {
        Driver.Client client = api.createClient("service update vs token issue");
        for (int round = 0; round < ROUNDS / 4; round++) {
            long duration = 1_000 + round;
            List<Callable<HttpReply>> calls = new ArrayList<>();
            for (int i = 0; i < UPDATERS; i++) {
                String member = i % 2 == 0 ? "accessTokenDuration" : "idTokenDuration";
                calls.add(() -> api.post("/service/update", Map.of(member, duration)));
            }
            calls.add(() -> api.post("/auth/token/create", Map.of("grantType", "AUTHORIZATION_CODE", "clientId", client.id(), "subject", "racer")));

            List<HttpReply> replies = raceAll(calls);

            assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
            HttpReply service = api.send("GET", "/api/" + api.serviceId() + "/service/get", null, (String) null);
            assertThat(service.json().get("accessTokenDuration").asLong()).isEqualTo(duration);
            assertThat(service.json().get("idTokenDuration").asLong()).isEqualTo(duration);
            assertThat(replies.getLast().json().get("expiresIn").asLong()).isBetween(duration - 1, 86_400L);
        }
    }

    private String issue(Driver.Client client) {
        HttpReply created = api.post("/auth/token/create", Map.of("grantType", "AUTHORIZATION_CODE", "clientId", client.id(),
                "subject", "racer", "scopes", List.of("profile")));
        Driver.expectAction(created, "OK", "auth/token/create");
        return created.text("accessToken");
    }

    /** {@link #UPDATERS} copies of {@code update} and one {@code remove}, released together; the remover's reply last. */
    private List<HttpReply> race(Callable<HttpReply> update, Callable<HttpReply> remove) throws Exception {
        List<Callable<HttpReply>> calls = new ArrayList<>();
        for (int i = 0; i < UPDATERS; i++) {
            calls.add(update);
        }
        calls.add(remove);
        return raceAll(calls);
    }

    private List<HttpReply> raceAll(List<Callable<HttpReply>> calls) throws Exception {
        return Races.all(pool, calls);
    }
}
