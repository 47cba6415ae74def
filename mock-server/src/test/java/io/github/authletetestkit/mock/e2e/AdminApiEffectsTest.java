package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.MockServerSettings;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.api.ResultCodes;
import io.github.authletetestkit.mock.testing.AdminHttp;
import io.github.authletetestkit.mock.testing.HttpReply;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the admin API changes in the answers of {@code /api}: the clock, faults and rate limits set over HTTP. */
class AdminApiEffectsTest extends MockServerTestBase {

    private static final String TOKEN = "effects-admin-token";
    private static final int TOKEN_LIMIT = 3;

    private AdminHttp admin;

    @Override
    protected MockServerSettings.Builder settings() {
        // a small token limit instead of 10,001 calls; the other categories keep Authlete's limits
        return super.settings().adminToken(TOKEN).rateLimitTable(Map.of(
                "token", TOKEN_LIMIT, "service management", 1_000));
    }

    @BeforeAll
    void adminClient() {
        admin = new AdminHttp(mock.baseUrl(), TOKEN);
    }

    private String accessToken(Flows.Client client) {
        HttpReply token = flows.token(client, Map.of("grant_type", "client_credentials"));
        assertThat(token.action()).as(token.toString()).isEqualTo("OK");
        return token.text("accessToken");
    }

    @Test
    void advancingTheClockPastItsLifetimeExpiresAnAccessToken() {
        String accessToken = accessToken(flows.confidentialClient());
        assertThat(flows.introspect(accessToken).action()).isEqualTo("OK");
        long lifetime = MockInternals.of(mock).defaultService().config().accessTokenDuration();

        admin.post("clock", "{\"advanceSeconds\": " + (lifetime + 60) + "}");

        HttpReply expired = flows.introspect(accessToken);
        assertThat(expired.action()).as(expired.toString()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aFaultPostedOverHttpAnswersTheNextTokenCallThenTheMockAnswersAgain() {
        Flows.Client client = flows.confidentialClient();
        admin.post("faults", "{\"operation\": \"auth_token_api\", \"status\": 503, \"latencyMs\": 100, \"count\": 1}");

        long started = System.nanoTime();
        HttpReply faulty = flows.token(client, Map.of("grant_type", "client_credentials"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(faulty.status()).isEqualTo(503);
        assertThat(faulty.resultCode()).isEqualTo(ResultCodes.SERVER_ERROR);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(flows.token(client, Map.of("grant_type", "client_credentials")).action()).isEqualTo("OK");
        assertThat(admin.get("faults").json().get("faults")).isEmpty();
    }

    @Test
    void overTheLimitTheServiceGets429WithRetryAfterUntilTheClockMovesAnHourOn() {
        admin.post("rate-limits", "{\"enabled\": true}");
        for (int i = 0; i < TOKEN_LIMIT; i++) {
            assertThat(flows.introspect("unknown-" + i).status()).as("call %d", i + 1).isEqualTo(200);
        }

        HttpReply limited = flows.introspect("one-too-many");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.resultCode()).isEqualTo(ResultCodes.RATE_LIMITED);
        assertThat(limited.text("resultMessage")).startsWith("[" + ResultCodes.RATE_LIMITED + "] /auth/introspection, ");
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(3_500L, 3_600L);
        assertThat(api.get("/service/get").status()).as("another category is counted apart").isEqualTo(200);

        admin.post("clock", "{\"advanceSeconds\": " + retryAfter + "}");
        assertThat(flows.introspect("next-window").status()).isEqualTo(200);
    }

    @Test
    void theEmulationIsOffByDefaultAndResetTurnsItBackOffWithFreshCounters() {
        for (int i = 0; i <= TOKEN_LIMIT; i++) {
            assertThat(flows.introspect("off-" + i).status()).as("emulation off").isEqualTo(200);
        }
        admin.post("rate-limits", "{\"enabled\": true}");
        for (int i = 0; i < TOKEN_LIMIT; i++) {
            flows.introspect("on-" + i);
        }
        assertThat(flows.introspect("limited").status()).isEqualTo(429);

        admin.post("reset", null);

        assertThat(flows.introspect("after-reset").status()).as("off again, as configured").isEqualTo(200);
        admin.post("rate-limits", "{\"enabled\": true}");
        for (int i = 0; i < TOKEN_LIMIT; i++) {
            assertThat(flows.introspect("fresh-" + i).status()).as("counted from zero").isEqualTo(200);
        }
        assertThat(flows.introspect("limited-again").status()).isEqualTo(429);
    }
}
