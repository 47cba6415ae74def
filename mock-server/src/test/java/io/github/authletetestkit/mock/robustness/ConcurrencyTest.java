package io.github.authletetestkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.StrictMockTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many callers on one strict, validating mock (the mock as users run it): whole code flows in parallel,
 * and single-use values (authorization codes, refresh tokens) raced by several callers at once.
 */
class ConcurrencyTest extends StrictMockTest {

    private static final int THREADS = 32;
    private static final int FLOWS_PER_THREAD = 200;
    private static final int CLIENTS = 8;
    private static final int RACERS = 8;
    private static final int RACE_ROUNDS = 25;

    private Driver api;

    @BeforeAll
    void driver() {
        api = Driver.of(mock.baseUrl(), mock.serviceId(), mock.serviceToken());
    }

    @Test
    void thirtyTwoThreadsRunTwoHundredCodeFlowsEachAndEveryCodeIsRedeemedOnce() throws Exception {
        List<Driver.Client> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(api.createClient("concurrency " + i));
        }
        Set<String> codes = ConcurrentHashMap.newKeySet();
        Map<String, Issued> tokens = new ConcurrentHashMap<>();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger failureCount = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started;
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    go.await();
                    Driver.Client client = clients.get(thread % CLIENTS);
                    String subject = "user-" + thread;
                    for (int i = 0; i < FLOWS_PER_THREAD; i++) {
                        try {
                            String code = api.code(client, subject);
                            if (!codes.add(code)) {
                                throw new AssertionError("an authorization code was issued twice: " + code);
                            }
                            HttpReply token = api.redeem(client, code);
                            Driver.expectAction(token, "OK", "auth/token");
                            String accessToken = token.text("accessToken");
                            if (tokens.putIfAbsent(accessToken, new Issued(client.id(), subject, code)) != null) {
                                throw new AssertionError("an access token was issued twice: " + accessToken);
                            }
                            HttpReply introspection = api.introspect(accessToken);
                            Driver.expectAction(introspection, "OK", "auth/introspection");
                            if (!subject.equals(introspection.text("subject"))
                                    || !Long.toString(client.id()).equals(introspection.text("clientId"))) {
                                throw new AssertionError("the token introspects as another grant: " + introspection);
                            }
                        } catch (Throwable e) {
                            if (failureCount.incrementAndGet() <= 10) {
                                failures.add("thread " + thread + " flow " + i + ": " + e);
                            }
                        }
                    }
                    return null;
                }));
            }
            started = System.nanoTime();
            go.countDown();
            for (Future<?> f : running) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        int flows = THREADS * FLOWS_PER_THREAD;
        System.out.printf("[robustness] %d code flows (4 requests each) on %d threads in %d ms: %.0f flows/s%n",
                flows, THREADS, millis, flows * 1000.0 / Math.max(1, millis));

        assertThat(failures).as("failed flows (%d in all)", failureCount.get()).isEmpty();
        assertThat(codes).hasSize(flows);
        assertThat(tokens).hasSize(flows);
        ServiceState service = MockInternals.of(mock).defaultService();
        // every issued code was consumed, none is left to redeem; every ticket was used
        assertThat(service.counts().codes()).isZero();
        assertThat(service.counts().tickets()).isZero();
        assertThat(service.counts().accessTokens()).isEqualTo(flows);
        // behind the API, each token belongs to the grant that asked for it
        tokens.forEach((accessToken, issued) -> {
            TokenRecord stored = service.byAccessToken(accessToken).orElseThrow();
            assertThat(stored.clientId()).isEqualTo(issued.clientId());
            assertThat(stored.grant().subject()).isEqualTo(issued.subject());
        });
        // a code redeemed once stays redeemed: a sample of them, once more
        Driver.Client first = clients.getFirst();
        tokens.values().stream().filter(i -> i.clientId() == first.id()).limit(20).forEach(issued -> {
            HttpReply again = api.redeem(first, issued.code());
            assertThat(again.action()).as(again.toString()).isEqualTo("BAD_REQUEST");
            assertThat(again.oauthError()).isEqualTo("invalid_grant");
        });
    }

    @Test
    void oneCodeRacedByEightCallersIsRedeemedExactlyOnce() throws Exception {
        Driver.Client client = api.createClient("code race");
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            for (int round = 0; round < RACE_ROUNDS; round++) {
                String code = api.code(client, "racer");
                int tokensBefore = MockInternals.of(mock).defaultService().counts().accessTokens();

                List<HttpReply> replies = race(pool, () -> api.redeem(client, code));

                assertThat(replies).as("round %d: %s", round, replies).filteredOn(r -> "OK".equals(r.action())).hasSize(1);
                assertThat(replies).as("round %d: %s", round, replies).filteredOn(r -> !"OK".equals(r.action()))
                        .hasSize(RACERS - 1)
                        .allSatisfy(r -> {
                            assertThat(r.status()).isEqualTo(200);
                            assertThat(r.action()).isEqualTo("BAD_REQUEST");
                            assertThat(r.oauthError()).isEqualTo("invalid_grant");
                        });
                assertThat(MockInternals.of(mock).defaultService().counts().accessTokens()).isEqualTo(tokensBefore + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneRefreshTokenRacedByEightCallersRotatesExactlyOnce() throws Exception {
        Driver.Client client = api.createClient("refresh race");
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            for (int round = 0; round < RACE_ROUNDS; round++) {
                HttpReply issued = api.redeem(client, api.code(client, "racer"));
                Driver.expectAction(issued, "OK", "auth/token");
                String refreshToken = issued.text("refreshToken");
                assertThat(refreshToken).isNotBlank();

                List<HttpReply> replies = race(pool, () -> api.refresh(client, refreshToken));

                List<HttpReply> winners = replies.stream().filter(r -> "OK".equals(r.action())).toList();
                assertThat(winners).as("round %d: %s", round, replies).hasSize(1);
                assertThat(replies).filteredOn(r -> !"OK".equals(r.action())).hasSize(RACERS - 1).allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.action()).isEqualTo("BAD_REQUEST");
                    assertThat(r.oauthError()).isEqualTo("invalid_grant");
                });
                String rotated = winners.getFirst().text("refreshToken");
                assertThat(rotated).isNotBlank().isNotEqualTo(refreshToken);
                // the old refresh token is spent, the new one works, and the new access token is the live one
                assertThat(api.refresh(client, refreshToken).oauthError()).isEqualTo("invalid_grant");
                assertThat(api.introspect(winners.getFirst().text("accessToken")).action()).isEqualTo("OK");
                assertThat(api.introspect(issued.text("accessToken")).action()).isNotEqualTo("OK");
                assertThat(MockInternals.of(mock).defaultService().byRefreshToken(rotated)).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs the call on {@link #RACERS} threads released together; their replies. */
    private static List<HttpReply> race(ExecutorService pool, java.util.concurrent.Callable<HttpReply> call) throws Exception {
        return Races.all(pool, java.util.Collections.nCopies(RACERS, call));
    }

    private record Issued(long clientId, String subject, String code) {}
}
