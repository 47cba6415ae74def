package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.Fault;
import io.github.authletetestkit.mock.control.AuthleteMockControl;
import io.github.authletetestkit.mock.control.ClockReading;
import io.github.authletetestkit.mock.control.MockCall;
import io.github.authletetestkit.mock.control.PlannedFault;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.testing.HttpReply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One scenario for every {@link AuthleteMockControl}: a subclass says which mock and which implementation (in
 * process, over HTTP against a server in this JVM, over HTTP against the jar run as a process); the same steps must
 * give the same results through each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ControlScenario {

    private static final String INTROSPECTION = "auth_introspection_api";
    private static final String SEED = """
            {"services": [{"serviceId": 1000001, "serviceTokens": ["token-a"],
               "clients": [{"clientId": 11, "clientSecret": "secret-a", "clientType": "CONFIDENTIAL"}],
               "tokens": [{"accessToken": "at-a", "clientId": 11, "subject": "alice", "scopes": ["openid"]}]}]}""";

    /** The mock under test and the control of it, with the credentials of its default service. */
    public record Target(AuthleteMockControl control, String baseUrl, long serviceId, String serviceToken) {

        /** A server in this JVM with the given control of it. */
        public static Target of(AuthleteMockServer server, AuthleteMockControl control) {
            return new Target(control, server.baseUrl(), server.serviceId(), server.serviceToken());
        }
    }

    /** Called once the class's {@code @BeforeAll} methods have run. */
    protected abstract Target target();

    private Target target;
    private ApiClient api;
    private Flows flows;

    /** Every test starts from the default service, real time, no faults and no calls. */
    @BeforeEach
    void fromTheDefaultService() {
        target = target();
        control().seed("{}");
        control().reset();
        api = new ApiClient(baseUrl(), serviceId(), target.serviceToken());
        flows = new Flows(api);
    }

    private AuthleteMockControl control() {
        return target.control();
    }

    private String baseUrl() {
        return target.baseUrl();
    }

    private long serviceId() {
        return target.serviceId();
    }

    @Test
    void movingTheClockExpiresACode() {
        Flows.Client client = flows.confidentialClient();
        String code = flows.code(Flows.codeRequest(client));

        ClockReading moved = control().advanceClock(Duration.ofMinutes(11));

        assertThat(moved.offset()).isEqualTo(Duration.ofMinutes(11));
        assertThat(moved.frozen()).isFalse();
        assertThat(flows.exchange(client, code).content().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void aFrozenClockStandsWhereItWasSet() {
        Instant noon = Instant.parse("2031-05-01T12:00:00Z");

        control().freezeClock();
        ClockReading set = control().setClock(noon);

        assertThat(set.now()).isEqualTo(noon);
        assertThat(set.frozen()).isTrue();
        assertThat(control().clock().now()).isEqualTo(noon);
        assertThat(control().unfreezeClock().frozen()).isFalse();
    }

    @Test
    void aPlannedFaultAnswersAsPlannedThenTheMockAnswersNormally() {
        control().addFault(INTROSPECTION, Fault.status(503), 1);
        control().addFault(INTROSPECTION, Fault.rateLimited(Duration.ofSeconds(30)), 1);

        assertThat(control().faults()).containsExactly(
                new PlannedFault(INTROSPECTION, Fault.status(503), 1),
                new PlannedFault(INTROSPECTION, Fault.rateLimited(Duration.ofSeconds(30)), 1));
        assertThat(flows.introspect("no-such-token").status()).isEqualTo(503);
        HttpReply limited = flows.introspect("no-such-token");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("30");
        assertThat(flows.introspect("no-such-token").status()).isEqualTo(200);
        assertThat(control().faults()).isEmpty();
    }

    @Test
    void aFaultForAnOperationTheSpecDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> control().addFault("auth_tokn_api", Fault.status(500), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'auth_tokn_api'");
        control().addFault("*", Fault.status(500), 2);
        control().clearFaults();
        assertThat(control().faults()).isEmpty();
    }

    @Test
    void callsAreRecordedWithTheirBodiesAndVerifiedByOperation() {
        flows.introspect("token-one");
        flows.introspect("token-two");

        List<MockCall> calls = control().calls(INTROSPECTION);
        assertThat(calls).extracting(MockCall::requestBody).containsExactly("{\"token\":\"token-one\"}", "{\"token\":\"token-two\"}");
        MockCall last = calls.get(1);
        assertThat(last.path()).isEqualTo("/api/" + serviceId() + "/auth/introspection");
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.action()).isEqualTo("UNAUTHORIZED");
        assertThat(last.resultCode()).isNotBlank();
        assertThat(last.responseBody()).contains("\"action\":\"UNAUTHORIZED\"");
        assertThat(last.curl()).startsWith("curl ").contains(baseUrl() + last.path());
        assertThat(control().calls()).extracting(MockCall::operation).endsWith(INTROSPECTION, INTROSPECTION);

        assertThat(control().verify(INTROSPECTION, 2)).isEqualTo(calls);
        control().verify("auth_token_api", 0);
    }

    @Test
    void aFailedVerificationSaysWhatWasCalled() {
        flows.introspect("token-one");

        assertThatThrownBy(() -> control().verify(INTROSPECTION, 2))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected " + INTROSPECTION + " to be called 2 times, but it was called once.")
                .hasMessageContaining("POST /api/" + serviceId() + "/auth/introspection (" + INTROSPECTION + ") -> 200 UNAUTHORIZED");
        assertThatThrownBy(() -> control().verify("auth_token_api", 1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("called once, but it was called never");

        control().clearCalls();
        assertThatThrownBy(() -> control().verify(INTROSPECTION, 1)).hasMessageContaining("The mock recorded no calls.");
    }

    @Test
    void theExportedStateLoadsBackWithItsTokens() {
        Flows.Client client = flows.confidentialClient();
        String accessToken = flows.codeFlow(client).text("accessToken");
        String saved = control().state();

        control().reset();
        assertThat(flows.introspect(accessToken).action()).as("gone after reset").isEqualTo("UNAUTHORIZED");

        control().seed(saved);
        assertThat(flows.introspect(accessToken).action()).isEqualTo("OK");
        assertThat(Json.parse(control().state())).isEqualTo(Json.parse(saved));
    }

    @Test
    void aSeedReplacesTheStateAndResetGoesBackToIt() {
        control().seed(SEED);
        ApiClient seeded = new ApiClient(baseUrl(), 1000001, "token-a");

        assertThat(seeded.post("/auth/introspection", Map.of("token", "at-a")).text("subject")).isEqualTo("alice");
        assertThat(api.post("/auth/introspection", Map.of("token", "at-a")).status()).as("the default service is gone").isEqualTo(401);
        seeded.post("/auth/revocation", Map.of("parameters", "token=at-a", "clientId", "11", "clientSecret", "secret-a"));
        control().reset();
        assertThat(seeded.post("/auth/introspection", Map.of("token", "at-a")).action()).as("back to the seed").isEqualTo("OK");
    }

    @Test
    void aSeedThatCannotBeLoadedChangesNothing() {
        String before = control().state();

        assertThatThrownBy(() -> control().seed("{\"services\": [{\"serviceId\": \"one\"}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("services[0].serviceId");
        assertThat(Json.parse(control().state())).isEqualTo(Json.parse(before));
    }

    @Test
    void resetClearsClockFaultsAndCalls() {
        flows.introspect("token-one");
        control().advanceClock(Duration.ofHours(2));
        control().addFault(INTROSPECTION, Fault.status(500), 3);

        control().reset();

        assertThat(control().clock().offset()).isEqualTo(Duration.ZERO);
        assertThat(control().faults()).isEmpty();
        assertThat(control().calls()).isEmpty();
        assertThat(flows.introspect("token-one").status()).isEqualTo(200);
    }
}
