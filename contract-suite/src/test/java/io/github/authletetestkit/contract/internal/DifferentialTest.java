package io.github.authletetestkit.contract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.contract.internal.report.Difference;
import io.github.authletetestkit.contract.internal.report.FlowResult;
import io.github.authletetestkit.contract.internal.report.RunReport;
import io.github.authletetestkit.contract.internal.report.StepRecord;
import io.github.authletetestkit.contract.internal.target.EmbeddedMockTarget;
import io.github.authletetestkit.contract.internal.target.RemoteTarget;
import io.github.authletetestkit.contract.internal.target.Sleeper;
import io.github.authletetestkit.flows.internal.FlowOutcome;
import io.github.authletetestkit.spec.internal.RateLimits;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --compare-with mock: the same flows on the target and on the embedded mock, compared in status, action and JSON shape. */
class DifferentialTest {

    @Test
    void theMockComparedWithItselfHasNoDifferences() {
        ContractSuite.Comparison comparison;
        try (EmbeddedMockTarget mock = EmbeddedMockTarget.start()) {
            comparison = ContractSuite.runAndCompare(mock, ContractSuite.Options.defaults());
        }

        assertThat(comparison.target().comparedWith()).isEqualTo("mock");
        assertThat(comparison.target().differences()).isEmpty();
        assertThat(comparison.mock().flows()).extracting(FlowResult::status)
                .containsExactlyElementsOf(comparison.target().flows().stream().map(FlowResult::status).toList());
        assertThat(comparison.target().passed()).isTrue();
    }

    @Test
    void aStubThatAnswersDifferentlyFromTheMockIsReportedAndFailsTheRun() {
        ContractSuite.Comparison comparison;
        try (AuthleteStub stub = new AuthleteStub()) {
            comparison = ContractSuite.runAndCompare(
                    new RemoteTarget("stub", stub.baseUrl(), AuthleteStub.credentials(), RateLimits.authlete(), Sleeper.REAL),
                    ContractSuite.Options.defaults().withFlows(List.of("service-read")));
        }

        List<Difference> differences = comparison.target().differences();
        // the stub has no JWK Set (204); the mock has one (200)
        assertThat(differences).contains(new Difference("service-read", "read JWK Set", "service_jwks_get_api",
                Difference.Kind.STATUS, "", "204", "200"));
        // the mock's service has members the stub's lacks
        assertThat(differences).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(Difference.Kind.ONLY_MOCK);
            assertThat(d.operationId()).isEqualTo("service_get_api");
            assertThat(d.pointer()).isEqualTo("/jwks");
        });
        assertThat(comparison.target().flows().get(0).status()).isEqualTo(FlowOutcome.Status.PASSED);
        assertThat(comparison.target().passed()).isFalse();
    }

    @Test
    void compareReportsActionTypeAndReachDifferencesAndASkipOnOneSide() {
        RunReport target = report(
                flow("authorization-code", FlowOutcome.Status.FAILED, null,
                        step("token", "auth_token_api", 200, "BAD_REQUEST", "{\"action\":\"BAD_REQUEST\",\"expiresAt\":\"1\"}")),
                flow("device-flow", FlowOutcome.Status.PASSED, null, step("device authorization", "device_authorization_api", 200, "OK", "{}")));
        RunReport mock = report(
                flow("authorization-code", FlowOutcome.Status.PASSED, null,
                        step("token", "auth_token_api", 200, "OK", "{\"action\":\"OK\",\"expiresAt\":1}"),
                        step("introspection", "auth_introspection_api", 200, "OK", "{}")),
                flow("device-flow", FlowOutcome.Status.SKIPPED, "target lacks operation device_authorization_api (HTTP 501)"));

        List<Difference> differences = Differential.compare(target, mock);

        assertThat(differences).containsExactly(
                new Difference("authorization-code", "token", "auth_token_api", Difference.Kind.ACTION, "/action", "BAD_REQUEST", "OK"),
                new Difference("authorization-code", "token", "auth_token_api", Difference.Kind.TYPE, "/expiresAt", "string", "number"),
                new Difference("authorization-code", "introspection", "auth_introspection_api", Difference.Kind.STEP, "", "not reached", "reached"),
                new Difference("device-flow", "(flow)", null, Difference.Kind.STEP, "", "ran",
                        "skipped: target lacks operation device_authorization_api (HTTP 501)"));
    }

    private static RunReport report(FlowResult... flows) {
        return new RunReport("t", "http://t", "spec", "title", "1", null, "run", Instant.EPOCH, 0, List.of(flows), List.of());
    }

    private static FlowResult flow(String id, FlowOutcome.Status status, String reason, StepRecord... steps) {
        return new FlowResult(id, id, status, reason, List.of(), true, 0, List.of(steps));
    }

    private static StepRecord step(String name, String operationId, int status, String action, String body) {
        return new StepRecord(name, StepRecord.Phase.FLOW, operationId, "POST", "/api/{serviceId}/x", "HTTP 200", status, action,
                0, 0, List.of(), null, body);
    }
}
