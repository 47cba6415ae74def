package io.github.authletetestkit.contract.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.contract.internal.report.FlowResult;
import io.github.authletetestkit.contract.internal.report.OperationSummary;
import io.github.authletetestkit.contract.internal.report.RunReport;
import io.github.authletetestkit.contract.internal.report.StepRecord;
import io.github.authletetestkit.contract.internal.target.RemoteTarget;
import io.github.authletetestkit.contract.internal.target.Sleeper;
import io.github.authletetestkit.flows.internal.FlowOutcome;
import io.github.authletetestkit.spec.internal.RateLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Beyond status and action: a flow checks what the answer means, and a wrong meaning is a mismatch of that step's operation. */
class BehaviourCheckTest {

    @Test
    void aRedirectWithoutTheCodeIsAMismatchOfTheIssueStep() {
        try (AuthleteStub stub = new AuthleteStub()) {
            stub.stub(post(urlPathEqualTo(AuthleteStub.path("/auth/authorization")))
                    .willReturn(AuthleteStub.json(200, "{\"action\": \"INTERACTION\", \"ticket\": \"the-ticket\"}")));
            stub.stub(post(urlPathEqualTo(AuthleteStub.path("/auth/authorization/issue"))).willReturn(AuthleteStub.json(200,
                    "{\"action\": \"LOCATION\", \"authorizationCode\": \"code-1\","
                            + " \"responseContent\": \"https://client.example.com/callback?code=another-code&state=contract-state\"}")));

            RunReport report = ContractSuite.run(
                    new RemoteTarget("stub", stub.baseUrl(), AuthleteStub.credentials(), RateLimits.authlete(), Sleeper.REAL),
                    ContractSuite.Options.defaults().withFlows(List.of("negative-wrong-verifier")));

            FlowResult flow = report.flows().get(1);
            assertThat(flow.status()).isEqualTo(FlowOutcome.Status.FAILED);
            assertThat(flow.reason()).isEqualTo("authorization issue: the redirect URI does not carry the authorization code");
            StepRecord issue = flow.steps().stream().filter(s -> s.name().equals("authorization issue")).findFirst().orElseThrow();
            assertThat(issue.mismatch()).isEqualTo("the redirect URI does not carry the authorization code");
            assertThat(report.operations()).filteredOn(o -> o.operationId().equals("auth_authorization_issue_api"))
                    .extracting(OperationSummary::mismatches).containsExactly(1L);
            assertThat(stub.clientDeletions()).hasSize(1);
        }
    }
}
