package io.github.authletetestkit.contract.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.contract.internal.check.AllowList;
import io.github.authletetestkit.contract.internal.check.SpecChecker;
import io.github.authletetestkit.flows.internal.ApiCaller;
import io.github.authletetestkit.flows.internal.ApiRequest;
import io.github.authletetestkit.flows.internal.ApiResponse;
import io.github.authletetestkit.flows.internal.CleanupRegistry;
import io.github.authletetestkit.flows.internal.Exchange;
import io.github.authletetestkit.flows.internal.Flow;
import io.github.authletetestkit.flows.internal.FlowContext;
import io.github.authletetestkit.flows.internal.FlowEnvironment;
import io.github.authletetestkit.flows.internal.FlowRunner;
import io.github.authletetestkit.flows.internal.ServiceReadFlow;
import io.github.authletetestkit.flows.internal.Step;
import io.github.authletetestkit.flows.internal.TargetClock;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's view of a run: spec findings per step, secrets learnt from answers and masked, one result per flow. */
class FlowRecorderTest {

    private static final String SECRET = "at-secret-value-123";

    /** Answers by operationId; the service's apiKey as a string is a spec finding. */
    private static final Map<String, ApiResponse> ANSWERS = Map.of(
            "service_get_api", json(200, "{\"apiKey\":\"42\"}"),
            "service_configuration_api", json(200, "{\"issuer\":\"https://as.example.com\"}"),
            "service_jwks_get_api", new ApiResponse(204, Map.of(), ""),
            "auth_introspection_api", json(200, "{\"action\":\"OK\",\"accessToken\":\"" + SECRET + "\",\"subject\":\"u\"}"),
            "auth_userinfo_api", json(200, "{\"action\":\"OK\",\"resultMessage\":\"token " + SECRET + " is fine\"}"),
            "device_authorization_api", json(501, "{\"resultCode\":\"A001102\"}"));

    private static ApiResponse json(int status, String body) {
        return new ApiResponse(status, Map.of("content-type", List.of("application/json")), body);
    }

    private static final ApiCaller CALLER = new ApiCaller() {
        @Override
        public String serviceId() {
            return "42";
        }

        @Override
        public Exchange call(ApiRequest request) {
            return new Exchange(request, ANSWERS.get(request.operationId()), Duration.ofMillis(3), 1, Duration.ZERO);
        }
    };

    /** A flow of these steps, then a check that fails naming the secret. */
    private record Scripted(String id, List<Step> steps, boolean failAtTheEnd) implements Flow {
        @Override
        public String title() {
            return id;
        }

        @Override
        public List<String> operations() {
            return List.of();
        }

        @Override
        public boolean createsResources() {
            return false;
        }

        @Override
        public void run(FlowContext ctx) throws InterruptedException {
            for (Step step : steps) {
                ctx.call(step);
            }
            ctx.check(!failAtTheEnd, "the answer repeats " + SECRET);
        }
    }

    @Test
    void eachFlowGetsItsOwnStepsWithFindingsAndNoSecretsAndTheProgressLineHearsOfIt() {
        List<String> progress = new ArrayList<>();
        FlowRecorder recorder = new FlowRecorder(new SpecChecker(AuthleteSpec.bundled(), AllowList.none()), new Masker(List.of()), "42",
                new ProgressListener() {
                    @Override
                    public void finished(int index, int total, FlowResult result) {
                        progress.add(index + "/" + total + " " + result.id() + " " + result.status());
                    }
                });
        FlowEnvironment env = new FlowEnvironment(CALLER, TargetClock.REAL, new CleanupRegistry(), "run1");
        Flow leaky = new Scripted("leaky", List.of(
                Step.post("introspection", "auth_introspection_api", "/auth/introspection").json(Map.of("token", "t")).expect(200, "OK"),
                Step.post("userinfo", "auth_userinfo_api", "/auth/userinfo").json(Map.of("token", "t")).expect(200, "OK")), true);
        Flow missing = new Scripted("missing", List.of(
                Step.post("device", "device_authorization_api", "/device/authorization").json(Map.of("parameters", "x")).expect(200, "OK")),
                false);

        new FlowRunner(env, false, op -> true, recorder).run(List.of(new ServiceReadFlow(), leaky, missing));
        List<FlowResult> results = recorder.results();

        assertThat(progress).containsExactly("1/3 service-read PASSED", "2/3 leaky FAILED", "3/3 missing SKIPPED");
        StepRecord serviceGet = results.get(0).steps().get(0);
        assertThat(serviceGet.path()).isEqualTo("/api/{serviceId}/service/get");
        assertThat(serviceGet.findings()).extracting(f -> f.finding().pointer()).containsExactly("/apiKey");
        assertThat(serviceGet.durationMillis()).isEqualTo(3);
        assertThat(serviceGet.retries()).isEqualTo(1);

        FlowResult leakyResult = results.get(1);
        assertThat(leakyResult.steps()).extracting(StepRecord::name).containsExactly("introspection", "userinfo");
        assertThat(leakyResult.reason()).isEqualTo("userinfo: the answer repeats " + Masker.MASK);
        StepRecord userinfo = leakyResult.steps().get(1);
        assertThat(userinfo.mismatch()).isEqualTo("the answer repeats " + Masker.MASK);
        assertThat(userinfo.action()).isEqualTo("OK");
        assertThat(userinfo.responseBody()).doesNotContain(SECRET).contains(Masker.MASK);

        FlowResult missingResult = results.get(2);
        assertThat(missingResult.reason()).isEqualTo("target lacks operation device_authorization_api (HTTP 501)");
        assertThat(missingResult.steps()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(501);
            assertThat(s.findings()).as("a missing operation's answer is not checked").isEmpty();
            assertThat(s.mismatch()).isNull();
        });
    }
}
