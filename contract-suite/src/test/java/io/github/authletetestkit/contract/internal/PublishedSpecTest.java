package io.github.authletetestkit.contract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.contract.internal.check.CheckedFinding;
import io.github.authletetestkit.contract.internal.report.ConsoleReporter;
import io.github.authletetestkit.contract.internal.report.FlowResult;
import io.github.authletetestkit.contract.internal.report.ReportWriter;
import io.github.authletetestkit.contract.internal.report.RunReport;
import io.github.authletetestkit.contract.internal.target.EmbeddedMockTarget;
import io.github.authletetestkit.flows.internal.FlowOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every flow against the embedded mock, checked against Authlete's own published spec (OpenAPI 3.0.3) from
 * the reference directory beside the checkout; skipped where that directory is absent.
 */
class PublishedSpecTest {

    static Optional<Path> publishedSpec() {
        String dir = System.getProperty("authlete.reference.dir");
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Path spec = Path.of(dir, "authlete-openapi", "spec_next.yaml");
        return Files.isRegularFile(spec) ? Optional.of(spec) : Optional.empty();
    }

    @Test
    void everyFlowPassesOnTheMockAgainstAuthletesPublishedSpec() throws Exception {
        Optional<Path> spec = publishedSpec();
        Assumptions.assumeTrue(spec.isPresent(), () -> "skipped: Authlete's published spec is not at "
                + Path.of(System.getProperty("authlete.reference.dir", "../shared/reference"), "authlete-openapi", "spec_next.yaml")
                        .toAbsolutePath().normalize() + "; put the reference material beside the checkout or pass -Dauthlete.reference.dir=DIR");

        RunReport report;
        try (EmbeddedMockTarget mock = EmbeddedMockTarget.start()) {
            report = ContractSuite.run(mock, ContractSuite.Options.defaults().withSpec(spec.get().toString())
                    .withListener(new ConsoleReporter(System.out, "published spec")));
        }
        new ConsoleReporter(System.out, null).summary(report);
        ReportWriter.writeAll(report, Path.of(System.getProperty("contract.reportDir", "target/contract-report"), "published-spec"));

        assertThat(report.specTitle()).isEqualTo("Authlete API");
        assertThat(report.flows()).filteredOn(f -> f.status() == FlowOutcome.Status.FAILED).as("failed flows").isEmpty();
        assertThat(report.failingFindings()).as("findings outside the allow-list").isZero();
        // the published spec has every operation: a skip can only mean the mock does not implement one (yet)
        assertThat(report.flows()).filteredOn(f -> f.status() == FlowOutcome.Status.SKIPPED)
                .allSatisfy(f -> assertThat(f.reason()).startsWith("target lacks operation").doesNotContain("not in the spec"));
        List<CheckedFinding> allowed = report.steps().stream().flatMap(s -> s.findings().stream()).toList();
        assertThat(allowed).allSatisfy(f -> {
            assertThat(f.allowed()).isTrue();
            assertThat(f.finding().operationId()).isEqualTo("client_get_api");
        });
        assertThat(report.passed()).isTrue();
    }
}
