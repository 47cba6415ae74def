package io.github.authletetestkit.mock.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Single-use values are taken by exactly one of many racing callers. */
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
