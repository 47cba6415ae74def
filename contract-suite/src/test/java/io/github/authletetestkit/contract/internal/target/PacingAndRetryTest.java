package io.github.authletetestkit.contract.internal.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.flows.internal.ApiRequest;
import io.github.authletetestkit.flows.internal.ApiResponse;
import io.github.authletetestkit.flows.internal.Exchange;
import io.github.authletetestkit.spec.internal.RateCategory;
import io.github.authletetestkit.spec.internal.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PacingAndRetryTest {

    /** A clock that only moves when the sleeper sleeps. */
    private static final class FakeTime extends Clock implements Sleeper {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
            now.updateAndGet(i -> i.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void theBudgetIsNinetyPercentOfThePublishedLimit() {
        assertThat(Pacer.budget(RateLimits.authlete(), RateCategory.SERVICE_MANAGEMENT)).isEqualTo(900);
        assertThat(Pacer.budget(RateLimits.authlete(), RateCategory.TOKEN)).isEqualTo(9_000);
        assertThat(Pacer.budget(RateLimits.of(Map.of(RateCategory.TOKEN, 1)), RateCategory.TOKEN)).as("never below one call").isEqualTo(1);
        assertThat(Pacer.budget(RateLimits.unlimited(), RateCategory.TOKEN)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void theBudgetIsNeverExceededInAnyHourAndTheWaitEndsWhenTheOldestCallLeavesTheWindow() throws Exception {
        FakeTime time = new FakeTime();
        Pacer pacer = new Pacer(RateLimits.of(Map.of(RateCategory.SERVICE_MANAGEMENT, 3)), time, time);   // budget 2

        assertThat(pacer.acquire("service_get_api")).isZero();
        time.sleep(Duration.ofMinutes(10));
        assertThat(pacer.acquire("service_get_api")).isZero();
        assertThat(pacer.acquire("auth_token_api")).as("other buckets are not held up").isZero();
        Duration waited = pacer.acquire("service_get_api");

        assertThat(waited).isEqualTo(Duration.ofMinutes(50));
        assertThat(pacer.inWindow(RateCategory.SERVICE_MANAGEMENT)).isEqualTo(2);
    }

    @Test
    void a429IsRetriedAfterRetryAfterOrWithExponentialBackoff() throws Exception {
        FakeTime time = new FakeTime();
        List<Integer> statuses = new ArrayList<>(List.of(429, 429, 200));
        List<ApiResponse> answers = new ArrayList<>();
        Transport transport = (request, token) -> {
            int status = statuses.remove(0);
            ApiResponse response = new ApiResponse(status, status == 429 && answers.isEmpty()
                    ? Map.of("retry-after", List.of("7")) : Map.of(), "{}");
            answers.add(response);
            return response;
        };
        PacedCaller caller = new PacedCaller(transport, new Credentials("1", "token", null),
                new Pacer(RateLimits.authlete(), time, time), RetryPolicy.standard(), time);

        Exchange exchange = caller.call(new ApiRequest("service_get_api", "GET", "/api/1/service/get", null, null, ApiRequest.Auth.SERVICE));

        assertThat(exchange.response().status()).isEqualTo(200);
        assertThat(exchange.retries()).isEqualTo(2);
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2));
        assertThat(exchange.waited()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void retriesStopAtTheLimitAndTheWaitIsCapped() throws Exception {
        FakeTime time = new FakeTime();
        int[] calls = {0};
        Transport transport = (request, token) -> {
            calls[0]++;
            return new ApiResponse(429, Map.of("retry-after", List.of("100000")), "");
        };
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(2));
        PacedCaller caller = new PacedCaller(transport, new Credentials("1", "token", null),
                new Pacer(RateLimits.unlimited(), time, time), policy, time);

        Exchange exchange = caller.call(new ApiRequest("auth_token_api", "POST", "/api/1/auth/token", null, null, ApiRequest.Auth.SERVICE));

        assertThat(exchange.response().status()).isEqualTo(429);
        assertThat(calls[0]).isEqualTo(4);
        assertThat(time.sleeps).containsOnly(Duration.ofMinutes(2));
    }

    @Test
    void managementCallsUseTheOrganisationTokenWhenThereIsOne() throws Exception {
        List<String> tokens = new ArrayList<>();
        Transport transport = (request, token) -> {
            tokens.add(token);
            return new ApiResponse(200, Map.of(), "{}");
        };
        PacedCaller caller = new PacedCaller(transport, new Credentials("1", "svc", "org"),
                new Pacer(RateLimits.unlimited(), Clock.systemUTC(), Sleeper.REAL), RetryPolicy.standard(), Sleeper.REAL);

        for (ApiRequest.Auth auth : ApiRequest.Auth.values()) {
            caller.call(new ApiRequest("x", "GET", "/api/1/x", null, null, auth));
        }

        assertThat(tokens).containsExactly("svc", "org", null);
    }
}
