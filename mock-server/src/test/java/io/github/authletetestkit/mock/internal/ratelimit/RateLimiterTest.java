package io.github.authletetestkit.mock.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.spec.internal.RateCategory;
import io.github.authletetestkit.spec.internal.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final String TOKEN_OP = "auth_token_api";
    private static final String CLIENT_OP = "client_get_api";

    private static RateLimiter limiter(int tokenLimit) {
        return new RateLimiter(RateLimits.of(Map.of(RateCategory.TOKEN, tokenLimit, RateCategory.CLIENT_MANAGEMENT, 2)), true);
    }

    private static int allowed(RateLimiter limiter, long serviceId, String operationId, int calls, Instant at) {
        int ok = 0;
        for (int i = 0; i < calls; i++) {
            ok += limiter.acquire(serviceId, operationId, at).isEmpty() ? 1 : 0;
        }
        return ok;
    }

    @Test
    void theLimitIsReachedExactlyAtCallNPlusOne() {
        RateLimiter limiter = limiter(3);

        assertThat(allowed(limiter, 1, TOKEN_OP, 3, T0)).isEqualTo(3);
        Optional<Duration> refused = limiter.acquire(1, TOKEN_OP, T0.plusSeconds(600));

        assertThat(refused).as("the wait until the window that opened at T0 closes").contains(Duration.ofMinutes(50));
    }

    @Test
    void theWindowRollsWithTheClock() {
        RateLimiter limiter = limiter(2);
        allowed(limiter, 1, TOKEN_OP, 2, T0);

        assertThat(limiter.acquire(1, TOKEN_OP, T0.plus(Duration.ofMinutes(59)))).isPresent();
        assertThat(limiter.acquire(1, TOKEN_OP, T0.plus(Duration.ofHours(1)))).as("a new window").isEmpty();
        assertThat(limiter.acquire(1, TOKEN_OP, T0.plus(Duration.ofMinutes(61)))).isEmpty();
        assertThat(limiter.acquire(1, TOKEN_OP, T0.plus(Duration.ofMinutes(62)))).contains(Duration.ofMinutes(58));
    }

    @Test
    void aClockSetBackOpensANewWindow() {
        RateLimiter limiter = limiter(1);
        allowed(limiter, 1, TOKEN_OP, 1, T0);

        assertThat(limiter.acquire(1, TOKEN_OP, T0.minusSeconds(1))).isEmpty();
    }

    @Test
    void servicesAreCountedSeparately() {
        RateLimiter limiter = limiter(2);
        allowed(limiter, 1, TOKEN_OP, 2, T0);

        assertThat(limiter.acquire(1, TOKEN_OP, T0)).isPresent();
        assertThat(allowed(limiter, 2, TOKEN_OP, 3, T0)).isEqualTo(2);
    }

    @Test
    void categoriesAreCountedSeparatelyAndAnUnlistedCategoryIsUnlimited() {
        RateLimiter limiter = limiter(1);
        allowed(limiter, 1, TOKEN_OP, 1, T0);

        assertThat(limiter.acquire(1, "auth_introspection_api", T0)).as("same category").isPresent();
        assertThat(allowed(limiter, 1, CLIENT_OP, 3, T0)).isEqualTo(2);
        assertThat(allowed(limiter, 1, "service_get_api", 50, T0)).as("no service-management limit in this table").isEqualTo(50);
    }

    @Test
    void nothingIsCountedWhileOffAndSwitchingStartsAfresh() {
        RateLimiter limiter = new RateLimiter(RateLimits.of(Map.of(RateCategory.TOKEN, 1)), false);
        assertThat(allowed(limiter, 1, TOKEN_OP, 5, T0)).isEqualTo(5);

        limiter.enable(true);
        assertThat(allowed(limiter, 1, TOKEN_OP, 2, T0)).isEqualTo(1);
        limiter.enable(true);
        assertThat(limiter.usage(T0)).isEmpty();
        assertThat(allowed(limiter, 1, TOKEN_OP, 1, T0)).isEqualTo(1);
    }

    @Test
    void usageListsTheOpenWindowsAndClearForgetsThem() {
        RateLimiter limiter = limiter(5);
        allowed(limiter, 7, TOKEN_OP, 3, T0);
        allowed(limiter, 7, CLIENT_OP, 1, T0);

        assertThat(limiter.usage(T0.plusSeconds(10))).containsExactly(
                new RateLimiter.Usage(7, RateCategory.CLIENT_MANAGEMENT, 1, 2, T0.plus(RateLimiter.WINDOW)),
                new RateLimiter.Usage(7, RateCategory.TOKEN, 3, 5, T0.plus(RateLimiter.WINDOW)));
        assertThat(limiter.usage(T0.plus(RateLimiter.WINDOW))).as("closed windows are not listed").isEmpty();

        limiter.clear();
        assertThat(limiter.usage(T0)).isEmpty();
        assertThat(allowed(limiter, 7, TOKEN_OP, 5, T0)).isEqualTo(5);
    }

    @Test
    void parallelCallsNeverGetMoreThanTheLimit() throws Exception {
        int limit = 1_000;
        RateLimiter limiter = limiter(limit);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                workers.add(() -> allowed(limiter, 1, TOKEN_OP, 500, T0));
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(workers)) {
                total += f.get();
            }
            assertThat(total).as("4,000 parallel calls against a limit of 1,000").isEqualTo(limit);
            assertThat(limiter.usage(T0)).singleElement().extracting(RateLimiter.Usage::calls).isEqualTo(limit);
        } finally {
            pool.shutdownNow();
        }
    }
}
