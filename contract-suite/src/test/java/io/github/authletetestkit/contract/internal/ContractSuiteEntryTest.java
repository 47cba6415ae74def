package io.github.authletetestkit.contract.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.authletetestkit.contract.internal.report.ConsoleReporter;
import io.github.authletetestkit.contract.internal.report.FlowResult;
import io.github.authletetestkit.contract.internal.report.ReportWriter;
import io.github.authletetestkit.contract.internal.report.RunReport;
import io.github.authletetestkit.contract.internal.target.MissingCredentialsException;
import io.github.authletetestkit.contract.internal.target.Target;
import io.github.authletetestkit.contract.internal.target.TargetSelection;
import io.github.authletetestkit.flows.internal.FlowOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The JUnit entry point: {@code ./mvnw -pl contract-suite verify -Dcontract.target=mock|URL|us|jp|eu|br}, with
 * optional {@code -Dcontract.spec=FILE|URL}, {@code -Dcontract.compareWith=mock}, {@code -Dcontract.readOnly=true}
 * and {@code -Dcontract.flows=id,id}. One dynamic test per flow; a live target without credentials in the
 * environment is skipped with a message. Reports go to {@code target/contract-report/}.
 */
class ContractSuiteEntryTest {

    @TestFactory
    Stream<DynamicTest> everyFlowPassesAgainstTheSelectedTarget() throws Exception {
        TargetSelection selection = TargetSelection.parse(System.getProperty("contract.target", "mock"), null);
        Target target;
        try {
            target = selection.open(System.getenv());
        } catch (MissingCredentialsException e) {
            // one skipped test carrying the message (an aborted factory would vanish from the surefire counts)
            String message = "contract suite against " + selection + " skipped: " + e.getMessage();
            System.out.println(message);
            return Stream.of(dynamicTest(selection.value(), () -> Assumptions.abort(message)));
        }
        ContractSuite.Options options = ContractSuite.Options.defaults()
                .withSpec(blankToNull(System.getProperty("contract.spec")))
                .withReadOnly(Boolean.getBoolean("contract.readOnly"))
                .withFlows(flows(System.getProperty("contract.flows")))
                .withShutdownHook(selection.live())
                .withListener(new ConsoleReporter(System.out, null));
        RunReport report;
        try (target) {
            report = "mock".equalsIgnoreCase(System.getProperty("contract.compareWith"))
                    ? ContractSuite.runAndCompare(target, options).target()
                    : ContractSuite.run(target, options);
        }
        new ConsoleReporter(System.out, null).summary(report);
        ReportWriter.writeAll(report, Path.of(System.getProperty("contract.reportDir", "target/contract-report")));

        List<DynamicTest> tests = new ArrayList<>();
        for (FlowResult flow : report.flows()) {
            tests.add(dynamicTest(flow.id(), () -> {
                Assumptions.assumeFalse(flow.status() == FlowOutcome.Status.SKIPPED, () -> "skipped: " + flow.reason());
                assertThat(flow.status()).as(flow.reason()).isEqualTo(FlowOutcome.Status.PASSED);
                assertThat(flow.steps()).flatExtracting(s -> s.findings().stream().filter(f -> !f.allowed()).toList())
                        .as("schema findings").isEmpty();
            }));
        }
        if (report.comparedWith() != null) {
            tests.add(dynamicTest("differences from the mock", () -> assertThat(report.differences()).isEmpty()));
        }
        return tests.stream();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static List<String> flows(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::trim).toList();
    }
}
