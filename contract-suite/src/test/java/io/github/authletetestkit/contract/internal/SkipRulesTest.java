package io.github.authletetestkit.contract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.contract.internal.report.FlowResult;
import io.github.authletetestkit.contract.internal.report.RunReport;
import io.github.authletetestkit.contract.internal.target.RemoteTarget;
import io.github.authletetestkit.contract.internal.target.Sleeper;
import io.github.authletetestkit.contract.internal.target.Transport;
import io.github.authletetestkit.flows.internal.ApiResponse;
import io.github.authletetestkit.flows.internal.FlowOutcome;
import io.github.authletetestkit.spec.internal.RateLimits;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What is skipped, and why: read-only mode, operations the spec lacks, what the service does not support, a failed service-read. */
class SkipRulesTest {

    private static final String SERVICE = """
            {"apiKey": 1234567890123, "supportedGrantTypes": ["AUTHORIZATION_CODE"], "supportedResponseTypes": ["CODE"],
             "supportedScopes": [{"name": "openid"}]}""";

    private static Transport answering(int serviceStatus, String service) {
        return (request, token) -> {
            String path = request.pathOnly();
            if (path.endsWith("/service/get")) {
                return new ApiResponse(serviceStatus, Map.of("content-type", List.of("application/json")), service);
            }
            if (path.endsWith("/service/configuration")) {
                return new ApiResponse(200, Map.of("content-type", List.of("application/json")), "{\"issuer\":\"https://as.example.com\"}");
            }
            return new ApiResponse(204, Map.of(), "");
        };
    }

    private static RunReport run(String spec, boolean readOnly, List<String> flows, Transport transport) {
        RemoteTarget target = new RemoteTarget("fake", "http://fake.invalid", AuthleteStub.credentials(), RateLimits.authlete(), Sleeper.REAL);
        return ContractSuite.run(target, ContractSuite.Options.defaults().withSpec(spec).withReadOnly(readOnly).withFlows(flows)
                .withTransports(url -> transport));
    }

    private static String reason(RunReport report, String flow) {
        return report.flows().stream().filter(f -> f.id().equals(flow)).findFirst().orElseThrow().reason();
    }

    @Test
    void readOnlyLeavesOutWhatCreatesAndASpecWithoutTheOperationSkipsTheFlow() throws Exception {
        URL tiny = SkipRulesTest.class.getResource("/tiny-spec.yaml");
        RunReport report = run(Path.of(tiny.toURI()).toString(), true, List.of("client-lifecycle", "negative-missing-token"),
                answering(200, SERVICE));

        assertThat(report.flows()).extracting(FlowResult::id, FlowResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("service-read", FlowOutcome.Status.PASSED),
                org.assertj.core.groups.Tuple.tuple("client-lifecycle", FlowOutcome.Status.SKIPPED),
                org.assertj.core.groups.Tuple.tuple("negative-missing-token", FlowOutcome.Status.SKIPPED));
        assertThat(reason(report, "client-lifecycle")).isEqualTo("creates resources (--read-only)");
        assertThat(reason(report, "negative-missing-token")).isEqualTo("target lacks operation auth_introspection_api (not in the spec)");
        assertThat(report.passed()).isTrue();
    }

    @Test
    void whatTheServiceDoesNotSupportIsSkipped() {
        RunReport report = run(null, false, List.of("client-credentials", "ciba-poll"), answering(200, SERVICE));

        assertThat(reason(report, "client-credentials")).isEqualTo("the service does not support the grant type CLIENT_CREDENTIALS");
        assertThat(reason(report, "ciba-poll")).isEqualTo("the service does not support the CIBA delivery mode POLL");
    }

    @Test
    void withoutAServiceReadNothingElseRunsAndTheRunFails() {
        RunReport report = run(null, false, List.of("client-credentials"),
                answering(401, "{\"resultCode\":\"A001203\",\"resultMessage\":\"[A001203] /service/get, The access token is invalid.\"}"));

        assertThat(report.flows().get(0).status()).isEqualTo(FlowOutcome.Status.FAILED);
        assertThat(report.flows().get(0).reason()).contains("expected HTTP 200 but got 401").contains("A001203");
        assertThat(reason(report, "client-credentials")).startsWith("not run: service-read did not pass");
        assertThat(report.passed()).isFalse();
    }
}
