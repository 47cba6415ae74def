package io.github.authletetestkit.contract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.authletetestkit.contract.cli.ContractSuiteCommandAccess;
import io.github.authletetestkit.contract.internal.report.ReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deliberately wrong response from a WireMock stub posing as Authlete is reported with its operation and pointer, and fails the run. */
class WrongResponseTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aResponseThatViolatesTheSpecIsAFindingWithOperationAndPointerAndExitCode1(@TempDir Path reports) throws Exception {
        try (AuthleteStub stub = new AuthleteStub()) {
            stub.stubService("\"600 seconds\"");   // the spec says integer
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exit = ContractSuiteCommandAccess.run(new String[] {"--target", stub.baseUrl(), "--flows", "service-read",
                    "--report-dir", reports.toString()}, AuthleteStub.env(), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            String console = out.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(console + err).isEqualTo(1);
            assertThat(console).contains("service_get_api response /accessTokenDuration: [validation.response.body.schema.type]")
                    .contains("RESULT: FAILED");

            JsonNode report = MAPPER.readTree(reports.resolve(ReportWriter.JSON).toFile());
            assertThat(report.get("passed").asBoolean()).isFalse();
            List<JsonNode> findings = new ArrayList<>();
            report.get("flows").forEach(f -> f.get("steps").forEach(s -> s.get("findings").forEach(findings::add)));
            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.get("operationId").asText()).isEqualTo("service_get_api");
                assertThat(finding.get("direction").asText()).isEqualTo("RESPONSE");
                assertThat(finding.get("pointer").asText()).isEqualTo("/accessTokenDuration");
                assertThat(finding.get("key").asText()).isEqualTo("validation.response.body.schema.type");
            });
            JsonNode row = null;
            for (JsonNode op : report.get("operations")) {
                if (op.get("operationId").asText().equals("service_get_api")) {
                    row = op;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.get("findings").asInt()).isEqualTo(1);

            String junit = Files.readString(reports.resolve(ReportWriter.JUNIT));
            assertThat(junit).contains("<testcase", "name=\"service-read\"", "<failure message=\"1 schema finding(s)\"");
            assertThat(Files.readString(reports.resolve(ReportWriter.HTML))).contains("FAILED", "/accessTokenDuration");

            // the credentials appear nowhere
            for (String text : List.of(console, err.toString(StandardCharsets.UTF_8), Files.readString(reports.resolve(ReportWriter.JSON)),
                    junit, Files.readString(reports.resolve(ReportWriter.HTML)))) {
                assertThat(text).doesNotContain(AuthleteStub.SERVICE_TOKEN).doesNotContain(AuthleteStub.ORG_TOKEN);
            }
        }
    }

    @Test
    void theSameStubAnsweringCorrectlyPasses(@TempDir Path reports) throws Exception {
        try (AuthleteStub stub = new AuthleteStub()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int exit = ContractSuiteCommandAccess.run(new String[] {"--target", stub.baseUrl(), "--flows", "service-read",
                    "--report-dir", reports.toString()}, AuthleteStub.env(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

            assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("RESULT: PASSED");
        }
    }
}
