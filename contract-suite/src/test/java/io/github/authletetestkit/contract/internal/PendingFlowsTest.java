package io.github.authletetestkit.contract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.contract.internal.check.CheckedFinding;
import io.github.authletetestkit.contract.internal.check.Finding;
import io.github.authletetestkit.contract.internal.report.FlowResult;
import io.github.authletetestkit.contract.internal.report.RunReport;
import io.github.authletetestkit.contract.internal.target.RemoteTarget;
import io.github.authletetestkit.contract.internal.target.Sleeper;
import io.github.authletetestkit.flows.internal.FlowOutcome;
import io.github.authletetestkit.spec.internal.RateLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The flows the mock does not implement yet (device flow, CIBA poll, PAR, token operations) run to the end
 * against {@link FakeAuthlete}, and every request they send conforms to our spec and to Authlete's — so they
 * pass once the mock implements the operations.
 */
class PendingFlowsTest {

    private static final List<String> PENDING = List.of("device-flow", "ciba-poll", "par", "token-operations");

    @Test
    void pendingFlowsRunToTheEndAndTheirRequestsConformToTheBundledSpec() {
        List<Duration> waits = new ArrayList<>();
        RunReport report = run(null, waits);

        assertThat(report.flows()).filteredOn(f -> PENDING.contains(f.id()))
                .allSatisfy(f -> assertThat(f.status()).as(f.id() + ": " + f.reason()).isEqualTo(FlowOutcome.Status.PASSED));
        assertThat(requestFindings(report)).isEmpty();
        // a live target waits one polling interval before the successful poll (device flow and CIBA)
        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void theirRequestsConformToAuthletesPublishedSpecToo() {
        Optional<Path> spec = PublishedSpecTest.publishedSpec();
        org.junit.jupiter.api.Assumptions.assumeTrue(spec.isPresent(), "Authlete's published spec is absent");

        RunReport report = run(spec.get().toString(), new ArrayList<>());

        assertThat(report.flows()).filteredOn(f -> PENDING.contains(f.id()))
                .allSatisfy(f -> assertThat(f.status()).as(f.id() + ": " + f.reason()).isEqualTo(FlowOutcome.Status.PASSED));
        assertThat(requestFindings(report)).isEmpty();
    }

    private static RunReport run(String spec, List<Duration> waits) {
        Sleeper recording = waits::add;
        FakeAuthlete fake = new FakeAuthlete();
        RemoteTarget target = new RemoteTarget("fake", "http://fake.invalid", AuthleteStub.credentials(), RateLimits.authlete(), recording);
        return ContractSuite.run(target, ContractSuite.Options.defaults().withSpec(spec).withFlows(PENDING)
                .withSleeper(Duration -> { }).withTransports(url -> fake));
    }

    private static List<Finding> requestFindings(RunReport report) {
        return report.steps().stream().flatMap(s -> s.findings().stream()).map(CheckedFinding::finding)
                .filter(f -> f.direction() == Finding.Direction.REQUEST).toList();
    }
}
