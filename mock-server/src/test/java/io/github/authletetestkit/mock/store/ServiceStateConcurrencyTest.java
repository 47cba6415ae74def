package io.github.authletetestkit.mock.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.grants.ManagedGrant;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Single-use values are taken by exactly one of many racing callers; a grant changes and goes atomically with its tokens. */
class ServiceStateConcurrencyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final ServiceState state = new ServiceState(new ServiceConfig(Json.object().put("apiKey", 1L)));

    @Test
    void oneCodeIsConsumedOnceAmongEightThreads() throws Exception {
        AuthorizationCode code = new AuthorizationCode("c", null, Grant.forClient(1, List.of(), "AUTHORIZATION_CODE"), NOW.plusSeconds(60));
        state.putCode(code);

        assertThat(race(() -> state.consumeCode(code))).isEqualTo(1);
    }

    @Test
    void oneRefreshPairIsConsumedOnceAmongEightThreads() throws Exception {
        TokenRecord pair = new TokenRecord("a", NOW.plusSeconds(60), "r", NOW.plusSeconds(120),
                Grant.forClient(1, List.of(), "AUTHORIZATION_CODE"), null, NOW, null);
        state.putToken(pair);

        assertThat(race(() -> state.consumePair(pair))).isEqualTo(1);
        assertThat(state.byAccessToken("a")).isEmpty();
        assertThat(state.byRefreshToken("r")).isEmpty();
    }

    @Test
    void oneTicketIsConsumedOnceAmongEightThreads() throws Exception {
        state.putTicket(new AuthorizationTicket("t", 1, false, "https://c/cb", true, "code", ResponseMode.QUERY, List.of(),
                null, null, null, null, 0, null, null, NOW.plusSeconds(60), null));

        assertThat(race(() -> state.consumeTicket("t").isPresent())).isEqualTo(1);
    }

    @Test
    void sweepDropsOnlyWhatCanNoLongerBeUsed() {
        Grant grant = Grant.forClient(1, List.of(), "AUTHORIZATION_CODE");
        state.putToken(new TokenRecord("dead", NOW.minusSeconds(1), null, null, grant, null, NOW, null));
        state.putToken(new TokenRecord("refreshable", NOW.minusSeconds(1), "r", NOW.plusSeconds(60), grant, null, NOW, null));
        state.putToken(new TokenRecord("alive", NOW.plusSeconds(1), null, null, grant, null, NOW, null));
        state.putCode(new AuthorizationCode("old", null, grant, NOW));

        state.sweep(NOW);

        assertThat(state.byAccessToken("dead")).isEmpty();
        assertThat(state.byRefreshToken("r")).isPresent();
        assertThat(state.byAccessToken("alive")).isPresent();
        assertThat(state.code("old")).isEmpty();
        assertThat(state.counts().accessTokens()).isEqualTo(2);
    }

    @Test
    void oneGrantIsRevokedOnceAmongEightThreadsAndTakesItsTokens() throws Exception {
        state.changeGrant("g", current -> Optional.of(grant("g", List.of("read"))), g -> tokenUnder(g, "a1"));
        state.putToken(new TokenRecord("other", NOW.plusSeconds(60), null, null, Grant.forClient(1, List.of(), "AUTHORIZATION_CODE"),
                null, NOW, null));

        assertThat(race(() -> state.revokeGrant("g"))).isEqualTo(1);
        assertThat(state.grant("g")).isEmpty();
        assertThat(state.byAccessToken("a1")).isEmpty();
        assertThat(state.byAccessToken("other")).isPresent();
    }

    @Test
    void concurrentMergesAllLandInTheGrant() throws Exception {
        state.changeGrant("g", current -> Optional.of(grant("g", List.of())), g -> g);
        AtomicInteger next = new AtomicInteger();

        race(() -> state.changeGrant("g", current -> {
            List<String> scopes = new ArrayList<>(current.scopes());
            scopes.add("s" + next.incrementAndGet());
            return Optional.of(grant("g", scopes));
        }, g -> g).isPresent());

        assertThat(state.grant("g").orElseThrow().scopes()).hasSize(8);
    }

    @Test
    void aMergeRacingARevocationLeavesNoTokenOfARevokedGrant() throws Exception {
        for (int round = 0; round < 50; round++) {
            String id = "g" + round;
            String token = "t" + round;
            state.changeGrant(id, current -> Optional.of(grant(id, List.of())), g -> g);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> merge = pool.submit(() -> state.changeGrant(id, current -> Optional.ofNullable(current), g -> tokenUnder(g, token)));
                Future<?> revoke = pool.submit(() -> state.revokeGrant(id));
                merge.get(10, TimeUnit.SECONDS);
                revoke.get(10, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertThat(state.grant(id)).isEmpty();
            assertThat(state.byAccessToken(token)).as("round " + round).isEmpty();
        }
    }

    private static ManagedGrant grant(String id, List<String> scopes) {
        return new ManagedGrant(id, 1, "alice", scopes, null, NOW, NOW);
    }

    private TokenRecord tokenUnder(ManagedGrant managed, String accessToken) {
        TokenRecord token = new TokenRecord(accessToken, NOW.plusSeconds(60), null, null,
                Grant.forClient(1, managed.scopes(), "AUTHORIZATION_CODE").withGrantId(managed.grantId()), null, NOW, null);
        state.putToken(token);
        return token;
    }

    private static int race(Callable<Boolean> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = IntStream.range(0, 8).mapToObj(i -> pool.submit(() -> {
                start.await();
                return attempt.call();
            })).toList();
            start.countDown();
            int wins = 0;
            for (Future<Boolean> result : results) {
                wins += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            return wins;
        } finally {
            pool.shutdownNow();
        }
    }
}
