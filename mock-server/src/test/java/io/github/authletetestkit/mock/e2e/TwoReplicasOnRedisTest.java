package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.Fault;
import io.github.authletetestkit.mock.MockServerSettings;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.testing.AdminHttp;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.RedisServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two mocks (replicas A and B, each with its own connection) on one real redis-server behave as one Authlete
 * service: single-use values are used once across both, a revocation through one is seen by the other, and they
 * agree on the clock and on rate limits. {@code RedisReplicaProcessIT} repeats the first cases with B as a jar process.
 */
class TwoReplicasOnRedisTest {

    private AuthleteMockServer a;
    private AuthleteMockServer b;
    private Flows viaA;
    private Flows viaB;
    private ApiClient apiA;
    private ApiClient apiB;

    @BeforeEach
    void twoReplicas() {
        start(AuthleteMockServer.builder());
    }

    private void start(MockServerSettings.Builder settings) {
        String store = RedisServer.shared().newDeployment("replicas");
        a = settings.store(store).build().start();
        b = settings.store(store).build().start();
        apiA = new ApiClient(a.baseUrl(), a.serviceId(), a.serviceToken());
        apiB = new ApiClient(b.baseUrl(), b.serviceId(), b.serviceToken());
        viaA = new Flows(apiA);
        viaB = new Flows(apiB);
    }

    @AfterEach
    void stop() {
        MockInternals.of(a).store().clear();
        a.close();
        b.close();
    }

    @Test
    void aClientCreatedThroughOneReplicaIsKnownToTheOther() {
        Flows.Client client = viaA.confidentialClient();

        assertThat(apiB.get("/client/get/" + client.id()).status()).isEqualTo(200);
        assertThat(b.state().toString()).contains(Long.toString(client.id()));
    }

    @Test
    void aCodeIssuedThroughAIsRedeemedOnceAmongSixteenThreadsAcrossBoth() throws Exception {
        Flows.Client client = viaA.confidentialClient();
        String code = viaA.code(Flows.codeRequest(client));

        List<Callable<HttpReply>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Flows via = i % 2 == 0 ? viaA : viaB;
            attempts.add(() -> via.exchange(client, code));
        }
        List<HttpReply> replies = race(attempts);

        assertThat(replies).filteredOn(r -> "OK".equals(r.action())).hasSize(1);
        assertThat(replies).filteredOn(r -> !"OK".equals(r.action())).allSatisfy(r -> assertThat(r.action()).isEqualTo("BAD_REQUEST"));
    }

    @Test
    void aTokenRevokedThroughBIntrospectsAsInactiveThroughA() {
        Flows.Client client = viaA.confidentialClient();
        String accessToken = viaA.codeFlow(client).text("accessToken");
        assertThat(viaB.introspect(accessToken).action()).isEqualTo("OK");

        HttpReply revoked = apiB.post("/auth/revocation", Map.of("parameters", "token=" + accessToken,
                "clientId", Long.toString(client.id()), "clientSecret", client.secret()));
        assertThat(revoked.action()).as(revoked.toString()).isEqualTo("OK");

        assertThat(viaA.introspect(accessToken).action()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aRefreshTokenRacedAcrossBothRotatesOnce() throws Exception {
        Flows.Client client = viaA.confidentialClient();
        String refreshToken = viaA.codeFlow(client).text("refreshToken");

        List<Callable<HttpReply>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Flows via = i % 2 == 0 ? viaA : viaB;
            attempts.add(() -> via.token(client, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)));
        }
        List<HttpReply> replies = race(attempts);

        List<HttpReply> ok = replies.stream().filter(r -> "OK".equals(r.action())).toList();
        assertThat(ok).hasSize(1);
        assertThat(viaB.introspect(ok.get(0).text("accessToken")).action()).isEqualTo("OK");
    }

    @Test
    void aClockAdvanceThroughAsAdminApiExpiresCodesOnB() {
        Flows.Client client = viaA.confidentialClient();
        String code = viaB.code(Flows.codeRequest(client));

        new AdminHttp(a.baseUrl(), null).post("clock", "{\"advance\":\"PT11M\"}");

        assertThat(b.clock().offset()).isEqualTo(a.clock().offset()).isGreaterThanOrEqualTo(java.time.Duration.ofMinutes(11));
        HttpReply exchanged = viaB.exchange(client, code);
        assertThat(exchanged.action()).isEqualTo("BAD_REQUEST");
        assertThat(exchanged.body()).contains("expired");
    }

    @Test
    void rateLimitsCountCallsToBothReplicas() {
        stop();
        start(AuthleteMockServer.builder().rateLimits(true).rateLimitTable(Map.of("service management", 4)));

        for (int i = 0; i < 4; i++) {
            assertThat((i % 2 == 0 ? apiA : apiB).get("/service/get").status()).isEqualTo(200);
        }

        assertThat(apiA.get("/service/get").status()).isEqualTo(429);
        assertThat(apiB.get("/service/get").status()).isEqualTo(429);
    }

    @Test
    void aFaultPlannedThroughAIsMetByCallsToEitherReplicaOnce() {
        MockInternals.of(a).faults().add("service_get_api", Fault.status(503), 2);

        assertThat(apiB.get("/service/get").status()).isEqualTo(503);
        assertThat(MockInternals.of(b).faults().pending("service_get_api")).isEqualTo(1);
        assertThat(apiA.get("/service/get").status()).isEqualTo(503);
        assertThat(apiB.get("/service/get").status()).isEqualTo(200);
        assertThat(MockInternals.of(a).faults().planned()).isEmpty();
    }

    @Test
    void aSecondReplicaJoinsTheDeploymentInsteadOfSeedingIt() {
        Flows.Client client = viaA.confidentialClient();
        String store = a.settings().store().toString();

        try (AuthleteMockServer c = AuthleteMockServer.builder().store(store).build().start()) {
            assertThat(new ApiClient(c.baseUrl(), c.serviceId(), c.serviceToken()).get("/client/get/" + client.id()).status()).isEqualTo(200);
        }
    }

    @Test
    void aResetThroughOneReplicaResetsTheDeployment() {
        Flows.Client client = viaA.confidentialClient();

        b.reset();

        assertThat(apiA.get("/client/get/" + client.id()).status()).isEqualTo(404);
        assertThat(apiA.get("/service/get").status()).as("the default service is back").isEqualTo(200);
    }

    private static List<HttpReply> race(List<Callable<HttpReply>> attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpReply>> futures = attempts.stream().map(attempt -> pool.submit(() -> {
                start.await();
                return attempt.call();
            })).toList();
            start.countDown();
            List<HttpReply> replies = new ArrayList<>();
            for (Future<HttpReply> future : futures) {
                replies.add(future.get(30, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
