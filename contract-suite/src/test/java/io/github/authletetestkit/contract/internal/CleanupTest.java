package io.github.authletetestkit.contract.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.contract.internal.report.FlowResult;
import io.github.authletetestkit.contract.internal.report.RunReport;
import io.github.authletetestkit.contract.internal.report.StepRecord;
import io.github.authletetestkit.contract.internal.target.RemoteTarget;
import io.github.authletetestkit.contract.internal.target.Sleeper;
import io.github.authletetestkit.flows.internal.FlowEnvironment;
import io.github.authletetestkit.flows.internal.FlowOutcome;
import io.github.authletetestkit.flows.internal.LeftoverSweeper;
import io.github.authletetestkit.spec.internal.RateLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a flow creates is deleted after it fails, after an interrupt and after the process is killed; --cleanup finds leftovers. */
class CleanupTest {

    private static RemoteTarget target(AuthleteStub stub) {
        return new RemoteTarget("stub", stub.baseUrl(), AuthleteStub.credentials(), RateLimits.authlete(), Sleeper.REAL);
    }

    @Test
    void theClientIsDeletedAfterAFlowFails() {
        try (AuthleteStub stub = new AuthleteStub()) {
            // Authlete would say INTERACTION; this stub refuses
            stub.stub(post(urlPathEqualTo(AuthleteStub.path("/auth/authorization"))).willReturn(AuthleteStub.json(200,
                    "{\"resultCode\": \"A004201\", \"resultMessage\": \"[A004201] refused\", \"action\": \"BAD_REQUEST\","
                            + " \"responseContent\": \"{\\\"error\\\":\\\"invalid_request\\\"}\"}")));

            RunReport report = ContractSuite.run(target(stub), ContractSuite.Options.defaults().withFlows(List.of("authorization-code")));

            FlowResult flow = flow(report, "authorization-code");
            assertThat(flow.status()).isEqualTo(FlowOutcome.Status.FAILED);
            assertThat(flow.reason()).contains("authorization request").contains("expected action INTERACTION but got BAD_REQUEST");
            assertThat(stub.clientDeletions()).hasSize(1);
            StepRecord last = flow.steps().get(flow.steps().size() - 1);
            assertThat(last.phase()).isEqualTo(StepRecord.Phase.CLEANUP);
            assertThat(last.operationId()).isEqualTo("client_delete_api");
            assertThat(last.status()).isEqualTo(204);
            assertThat(report.passed()).isFalse();
        }
    }

    @Test
    void theClientIsDeletedWhenTheRunIsInterruptedMidFlow() throws Exception {
        try (AuthleteStub stub = new AuthleteStub()) {
            stub.stub(post(urlPathEqualTo(AuthleteStub.path("/auth/authorization")))
                    .willReturn(AuthleteStub.json(200, "{\"action\": \"INTERACTION\", \"ticket\": \"t\"}").withFixedDelay(20_000)));
            AtomicReference<RunReport> result = new AtomicReference<>();
            Thread runner = new Thread(() -> result.set(ContractSuite.run(target(stub),
                    ContractSuite.Options.defaults().withFlows(List.of("authorization-code", "client-credentials")))));
            runner.start();
            awaitRequest(stub, "POST", "/auth/authorization");

            runner.interrupt();
            runner.join(10_000);

            assertThat(runner.isAlive()).isFalse();
            assertThat(stub.clientDeletions()).hasSize(1);
            RunReport report = result.get();
            assertThat(flow(report, "authorization-code").status()).isEqualTo(FlowOutcome.Status.FAILED);
            assertThat(flow(report, "authorization-code").reason()).isEqualTo("interrupted");
            assertThat(flow(report, "client-credentials").status()).isEqualTo(FlowOutcome.Status.SKIPPED);
            assertThat(flow(report, "client-credentials").reason()).isEqualTo("the run was interrupted");
        }
    }

    @Test
    void theClientIsDeletedWhenTheProcessIsKilled(@TempDir Path dir) throws Exception {
        try (AuthleteStub stub = new AuthleteStub()) {
            stub.stub(get(urlPathEqualTo(AuthleteStub.path("/client/get/" + AuthleteStub.CLIENT_ID)))
                    .willReturn(AuthleteStub.json(200, "{\"clientId\": " + AuthleteStub.CLIENT_ID + "}").withFixedDelay(60_000)));
            Path spec = dir.resolve("tiny-spec.yaml");
            try (var in = CleanupTest.class.getResourceAsStream("/tiny-spec.yaml")) {
                Files.copy(in, spec);
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "io.github.authletetestkit.contract.cli.ContractSuiteCommand", "--target", stub.baseUrl(),
                    "--spec", spec.toString(), "--flows", "client-lifecycle", "--report-dir", dir.resolve("reports").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out.txt").toFile());
            builder.environment().putAll(AuthleteStub.env());
            Process process = builder.start();
            try {
                awaitRequest(stub, "GET", "/client/get/");

                process.destroy();   // SIGTERM: shutdown hooks run, as on Ctrl-C
                assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();

                String output = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
                assertThat(stub.clientDeletions()).as(output).hasSize(1);
                assertThat(output).contains("Run interrupted: deleted what it had created")
                        .contains("client " + AuthleteStub.CLIENT_ID)
                        .doesNotContain(AuthleteStub.SERVICE_TOKEN);
            } finally {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void cleanupRemovesLeftoversByPrefixAndNothingElse() throws Exception {
        try (AuthleteStub stub = new AuthleteStub()) {
            String prefix = FlowEnvironment.PREFIX;
            stub.stub(get(urlPathEqualTo(AuthleteStub.path("/client/get/list"))).willReturn(AuthleteStub.json(200, """
                    {"start": 0, "end": 100, "totalCount": 3, "developer": "%1$s", "clients": [
                      {"clientId": 1111111111111, "clientName": "%1$s-0a1b2c3d-authorization-code"},
                      {"clientId": 2222222222222, "clientName": "someone else's client"},
                      {"clientId": 3333333333333, "clientName": "%1$s-ffeeddcc-password"}]}""".formatted(prefix))));
            stub.stub(post(urlPathEqualTo(AuthleteStub.path("/auth/token/revoke")))
                    .willReturn(AuthleteStub.json(200, "{\"resultCode\": \"A312001\", \"resultMessage\": \"Revoked 0 access token(s).\", \"count\": 0}")));

            LeftoverSweeper.Result result = ContractSuite.cleanup(target(stub), ContractSuite.Options.defaults());

            assertThat(result.found()).isEqualTo(2);
            assertThat(result.deleted()).isEqualTo(2);
            assertThat(result.failures()).isEmpty();
            List<String> deleted = new ArrayList<>();
            stub.requests("DELETE", "/client/delete/").forEach(r -> deleted.add(r.getUrl()));
            assertThat(deleted).containsExactlyInAnyOrder(AuthleteStub.path("/client/delete/1111111111111"),
                    AuthleteStub.path("/client/delete/3333333333333"));
            assertThat(stub.requests("GET", "/client/get/list").get(0).getUrl()).contains("developer=" + prefix);
            assertThat(stub.requests("POST", "/auth/token/revoke")).hasSize(2);
        }
    }

    private static FlowResult flow(RunReport report, String id) {
        return report.flows().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    private static void awaitRequest(AuthleteStub stub, String method, String apiPath) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (stub.requests(method, apiPath).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the stub never saw " + method + " " + apiPath);
            }
            Thread.sleep(20);
        }
    }

}
