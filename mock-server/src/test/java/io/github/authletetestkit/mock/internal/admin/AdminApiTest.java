package io.github.authletetestkit.mock.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.Fault;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.faults.FaultPlan;
import io.github.authletetestkit.mock.testing.AdminHttp;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.MockHttp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every admin route over HTTP, success and error paths, each exchange checked against admin-api.yaml. */
class AdminApiTest extends AdminMockTest {

    private static void assertError(HttpReply reply, int status, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.text("error")).isNotBlank();
        assertThat(reply.text("field")).as(reply.toString()).isEqualTo(field);
    }

    // --- the admin token

    @ParameterizedTest
    @CsvSource({"POST,reset", "GET,clock", "POST,clock", "GET,faults", "POST,faults", "DELETE,faults", "GET,rate-limits", "POST,rate-limits",
            "GET,state", "POST,seed"})
    void everyRouteRefusesARequestWithoutTheTokenOrWithAnotherOne(String method, String route) {
        mock.clock().freeze();
        Instant before = mock.clock().instant();
        String body = method.equals("POST") ? "{\"advance\": \"PT1H\", \"enabled\": true}" : null;

        HttpReply missing = admin.send(method, route, null, body);
        HttpReply wrong = admin.send(method, route, "Bearer not-" + TOKEN, body);
        HttpReply otherScheme = admin.send(method, route, "Basic " + TOKEN, body);

        for (HttpReply reply : new HttpReply[] {missing, wrong, otherScheme}) {
            assertError(reply, 401, null);
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(mock.clock().instant()).as("nothing changed").isEqualTo(before);
        assertThat(MockInternals.of(mock).rateLimiter().enabled()).isFalse();
    }

    @Test
    void wireMocksOwnAdminApiNeedsTheTokenToo() {
        HttpReply refused = MockHttp.send(mock.baseUrl(), null, "GET", "/__admin/mappings", null, (String) null);
        HttpReply allowed = MockHttp.send(mock.baseUrl(), "Bearer " + TOKEN, "GET", "/__admin/mappings", null, (String) null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("error")).contains("Bearer");
        assertThat(allowed.status()).isEqualTo(200);
    }

    @Test
    void theSchemeIsCaseInsensitiveAndTheApiIsUntouched() {
        assertThat(admin.send("GET", "clock", "bearer " + TOKEN, null).status()).isEqualTo(200);
        assertThat(MockHttp.send(mock.baseUrl(), "Bearer " + mock.serviceToken(), "GET",
                "/api/" + mock.serviceId() + "/service/get", null, (String) null).status()).as("/api needs no admin token").isEqualTo(200);
    }

    @Test
    void anUnknownRouteIsAJson404AndAnUnknownMethodA405AfterTheTokenCheck() {
        HttpReply unknown = MockHttp.send(mock.baseUrl(), "Bearer " + TOKEN, "GET", AdminHttp.PREFIX + "nope", null, (String) null);
        HttpReply unauthenticated = MockHttp.send(mock.baseUrl(), null, "GET", AdminHttp.PREFIX + "nope", null, (String) null);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("error")).contains("GET /__admin/authlete/nope");
        assertThat(unauthenticated.status()).isEqualTo(401);
        HttpReply put = MockHttp.send(mock.baseUrl(), "Bearer " + TOKEN, "PUT", AdminHttp.PREFIX + "clock", "application/json", "{}");
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.text("error")).contains("GET, POST");
    }

    @Test
    void withoutAnAdminTokenTheAdminApiIsOpen() {
        try (AuthleteMockServer open = AuthleteMockServer.create().start()) {
            HttpReply reply = MockHttp.send(open.baseUrl(), null, "POST", AdminHttp.PREFIX + "clock", "application/json", "{\"advance\": \"PT1H\"}");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(open.clock().offset()).isGreaterThanOrEqualTo(Duration.ofMinutes(59));
        }
    }

    // --- reset

    @Test
    void resetGoesBackToTheSeed() {
        mock.clock().advance(Duration.ofDays(2));
        MockInternals.of(mock).faults().add("auth_token_api", Fault.status(500), 3);
        MockInternals.of(mock).rateLimiter().enable(true);
        MockInternals.of(mock).rateLimiter().acquire(mock.serviceId(), "auth_token_api", mock.clock().instant());

        HttpReply reply = admin.post("reset", null);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(mock.clock().offset().abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(MockInternals.of(mock).faults().planned()).isEmpty();
        assertThat(MockInternals.of(mock).rateLimiter().usage(mock.clock().instant())).isEmpty();
        assertThat(MockInternals.of(mock).rateLimiter().enabled()).as("back to the configured switch").isFalse();
    }

    // --- clock

    @Test
    void clockReadsTheMocksTime() {
        mock.clock().freeze().set(Instant.parse("2031-05-06T07:08:09Z"));

        HttpReply reply = admin.get("clock");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("now")).isEqualTo("2031-05-06T07:08:09Z");
        assertThat(reply.json().get("epochSeconds").asLong()).isEqualTo(Instant.parse("2031-05-06T07:08:09Z").getEpochSecond());
        assertThat(reply.json().get("frozen").asBoolean()).isTrue();
        assertThat(reply.json().get("offsetSeconds").asLong()).isCloseTo(Duration.between(Instant.now(), Instant.parse("2031-05-06T07:08:09Z")).getSeconds(),
                org.assertj.core.data.Offset.offset(5L));
    }

    @Test
    void clockAdvancesByADurationOrBySeconds() {
        mock.clock().freeze();
        Instant start = mock.clock().instant();

        HttpReply byDuration = admin.post("clock", "{\"advance\": \"PT1H\"}");
        HttpReply bySeconds = admin.post("clock", "{\"advanceSeconds\": 30}");
        HttpReply back = admin.post("clock", "{\"advance\": \"-PT10S\"}");

        assertThat(byDuration.status()).isEqualTo(200);
        assertThat(Instant.parse(byDuration.text("now"))).isEqualTo(start.plus(Duration.ofHours(1)));
        assertThat(Instant.parse(bySeconds.text("now"))).isEqualTo(start.plus(Duration.ofSeconds(3630)));
        assertThat(Instant.parse(back.text("now"))).isEqualTo(start.plus(Duration.ofSeconds(3620)));
        assertThat(mock.clock().instant()).isEqualTo(start.plusSeconds(3620));
    }

    @Test
    void clockIsSetAndFrozenAndUnfrozen() {
        HttpReply set = admin.post("clock", "{\"set\": \"2030-01-01T00:00:00Z\", \"frozen\": true}");

        assertThat(set.text("now")).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(set.json().get("frozen").asBoolean()).isTrue();
        assertThat(mock.clock().instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));

        HttpReply running = admin.post("clock", "{\"frozen\": false}");
        assertThat(running.json().get("frozen").asBoolean()).isFalse();
        assertThat(mock.clock().isFrozen()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"advance\": \"one hour\"}|advance",
            "{\"advance\": \"P1000000D\"}|advance",
            "{\"advance\": 3600}|advance",
            "{\"advanceSeconds\": \"3600\"}|advanceSeconds",
            "{\"advanceSeconds\": 1.5}|advanceSeconds",
            "{\"set\": \"tomorrow\"}|set",
            "{\"set\": \"2030-01-01\"}|set",
            "{\"frozen\": \"yes\"}|frozen",
            "{\"advance\": \"PT1H\", \"set\": \"2030-01-01T00:00:00Z\"}|set",
            "{\"advanse\": \"PT1H\"}|advanse",
            "{\"advance\": \"PT1H\", \"frozen\": 1}|frozen"})
    void aBadClockChangeIs400NamingTheFieldAndChangesNothing(String body, String field) {
        mock.clock().freeze();
        Instant before = mock.clock().instant();

        assertError(admin.send("POST", "clock", "Bearer " + TOKEN, body), 400, field);
        assertThat(mock.clock().instant()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"advance\": ", "[\"PT1H\"]", "\"PT1H\"", "{}", "''"})
    void aBodyThatIsNoUsableObjectIs400WithoutAField(String body) {
        assertError(admin.send("POST", "clock", "Bearer " + TOKEN, body.isEmpty() ? null : body), 400, null);
    }

    // --- faults

    @Test
    void faultsAreAddedListedAndCleared() {
        HttpReply added = admin.post("faults", "{\"operation\": \"auth_token_api\", \"status\": 503, \"latencyMs\": 200, \"count\": 2}");
        admin.post("faults", "{\"operation\": \"*\", \"status\": 429, \"retryAfterSeconds\": 30}");
        admin.post("faults", "{\"operation\": \"auth_introspection_api\", \"resetConnection\": true}");

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("faults")).hasSize(1);
        assertThat(MockInternals.of(mock).faults().planned()).containsExactly(
                new FaultPlan.Planned("*", Fault.rateLimited(Duration.ofSeconds(30)), 1),
                new FaultPlan.Planned("auth_introspection_api", Fault.resetConnection(), 1),
                new FaultPlan.Planned("auth_token_api", Fault.status(503).after(Duration.ofMillis(200)), 2));

        HttpReply listed = admin.get("faults");
        assertThat(listed.json().get("faults")).hasSize(3);
        assertThat(listed.json().get("faults").get(0).get("retryAfterSeconds").asInt()).isEqualTo(30);
        assertThat(listed.json().get("faults").get(1).get("resetConnection").asBoolean()).isTrue();
        assertThat(listed.json().get("faults").get(2).get("count").asInt()).isEqualTo(2);
        assertThat(listed.json().get("faults").get(2).get("latencyMs").asInt()).isEqualTo(200);

        assertThat(admin.delete("faults").status()).isEqualTo(204);
        assertThat(admin.get("faults").json().get("faults")).isEmpty();
        assertThat(MockInternals.of(mock).faults().planned()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"operation\": \"no_such_api\", \"status\": 500}|operation",
            "{\"operation\": 5, \"status\": 500}|operation",
            "{\"status\": 500}|operation",
            "{\"operation\": \"auth_token_api\", \"status\": 200}|status",
            "{\"operation\": \"auth_token_api\", \"status\": \"503\"}|status",
            "{\"operation\": \"auth_token_api\"}|status",
            "{\"operation\": \"auth_token_api\", \"latencyMs\": -1}|latencyMs",
            "{\"operation\": \"auth_token_api\", \"status\": 500, \"count\": 0}|count",
            "{\"operation\": \"auth_token_api\", \"status\": 500, \"resetConnection\": true}|resetConnection",
            "{\"operation\": \"auth_token_api\", \"status\": 503, \"retryAfterSeconds\": 5}|retryAfterSeconds",
            "{\"operation\": \"auth_token_api\", \"status\": 500, \"times\": 2}|times"})
    void aBadFaultIs400NamingTheFieldAndPlansNothing(String body, String field) {
        assertError(admin.send("POST", "faults", "Bearer " + TOKEN, body), 400, field);
        assertThat(MockInternals.of(mock).faults().planned()).isEmpty();
    }

    // --- rate limits

    @Test
    void rateLimitsAreOffByDefaultAndSwitchedOnAndOff() {
        HttpReply initially = admin.get("rate-limits");
        assertThat(initially.json().get("enabled").asBoolean()).isFalse();
        assertThat(initially.json().get("windowSeconds").asInt()).isEqualTo(3600);
        assertThat(initially.json().get("limits").get("SERVICE_MANAGEMENT").asInt()).isEqualTo(1_000);
        assertThat(initially.json().get("limits").get("TOKEN").asInt()).isEqualTo(10_000);

        HttpReply on = admin.post("rate-limits", "{\"enabled\": true}");
        assertThat(on.json().get("enabled").asBoolean()).isTrue();
        assertThat(MockInternals.of(mock).rateLimiter().enabled()).isTrue();
        MockInternals.of(mock).rateLimiter().acquire(mock.serviceId(), "auth_token_api", mock.clock().instant());
        HttpReply counted = admin.get("rate-limits");
        assertThat(counted.json().get("usage")).hasSize(1);
        assertThat(counted.json().get("usage").get(0).get("category").asText()).isEqualTo("TOKEN");
        assertThat(counted.json().get("usage").get(0).get("calls").asInt()).isEqualTo(1);
        assertThat(counted.json().get("usage").get(0).get("serviceId").asLong()).isEqualTo(mock.serviceId());

        HttpReply off = admin.post("rate-limits", "{\"enabled\": false}");
        assertThat(off.json().get("enabled").asBoolean()).isFalse();
        assertThat(MockInternals.of(mock).rateLimiter().enabled()).isFalse();
        MockInternals.of(mock).rateLimiter().enable(false);
    }

    @Test
    void rateLimitsSwitchedOnInTheSettingsAreOnFromTheStartAndAfterAReset() {
        try (AuthleteMockServer limited = AuthleteMockServer.builder().rateLimits(true).build()) {
            assertThat(MockInternals.of(limited).rateLimiter().enabled()).isTrue();
            MockInternals.of(limited).rateLimiter().enable(false);

            limited.reset();

            assertThat(MockInternals.of(limited).rateLimiter().enabled()).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"enabled\": \"yes\"}|enabled", "{}|enabled", "{\"enable\": true}|enable"})
    void aBadRateLimitSwitchIs400NamingTheField(String body, String field) {
        assertError(admin.send("POST", "rate-limits", "Bearer " + TOKEN, body), 400, field);
        assertThat(MockInternals.of(mock).rateLimiter().enabled()).isFalse();
    }
}
