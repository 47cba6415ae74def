package io.github.authletetestkit.contract.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.authletetestkit.contract.internal.check.CheckedFinding;
import io.github.authletetestkit.contract.internal.check.Finding;
import io.github.authletetestkit.flows.internal.FlowOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportWritersTest {

    private static final Finding WRONG_TYPE = new Finding("auth_token_api", Finding.Direction.RESPONSE, "/expiresIn",
            "validation.response.body.schema.type", "string found, integer expected <script>");
    private static final Finding ALLOWED = new Finding("client_get_api", Finding.Direction.RESPONSE, "",
            "validation.response.status.unknown", "Response status 404 not defined");

    static RunReport sample(String comparedWith, List<Difference> differences) {
        StepRecord token = new StepRecord("code exchange", StepRecord.Phase.FLOW, "auth_token_api", "POST", "/api/{serviceId}/auth/token",
                "HTTP 200, action OK", 200, "OK", 12, 1, List.of(new CheckedFinding(WRONG_TYPE, null)), null, "{\"expiresIn\":\"60\"}");
        StepRecord get = new StepRecord("get unknown client", StepRecord.Phase.FLOW, "client_get_api", "GET", "/api/{serviceId}/client/get/9",
                "HTTP 404", 404, null, 3, 0, List.of(new CheckedFinding(ALLOWED, "a documented reason")), null, "{}");
        StepRecord refused = new StepRecord("authorization request", StepRecord.Phase.FLOW, "auth_authorization_api", "POST",
                "/api/{serviceId}/auth/authorization", "HTTP 200, action INTERACTION", 200, "BAD_REQUEST", 5, 0, List.of(),
                "expected action INTERACTION but got BAD_REQUEST", "{\"action\":\"BAD_REQUEST\"}");
        StepRecord cleanup = new StepRecord("delete client", StepRecord.Phase.CLEANUP, "client_delete_api", "DELETE",
                "/api/{serviceId}/client/delete/1", "HTTP 204|404", 204, null, 2, 0, List.of(), null, "");
        List<FlowResult> flows = List.of(
                new FlowResult("client-credentials", "Client credentials", FlowOutcome.Status.PASSED, null, List.of("auth_token_api"), true, 40,
                        List.of(token)),
                new FlowResult("negative-unknown-client", "Unknown client", FlowOutcome.Status.PASSED, null, List.of("client_get_api"), false, 9,
                        List.of(get)),
                new FlowResult("authorization-code", "Code", FlowOutcome.Status.FAILED, "authorization request: expected action INTERACTION but got BAD_REQUEST",
                        List.of("auth_authorization_api"), true, 30, List.of(refused, cleanup)),
                new FlowResult("par", "PAR", FlowOutcome.Status.SKIPPED, "target lacks operation pushed_auth_req_api (HTTP 501)",
                        List.of("pushed_auth_req_api"), true, 0, List.of()));
        return new RunReport("us", "https://us.authlete.com", "/spec.yaml", "Authlete API", "3.0.16", comparedWith, "0a1b2c3d",
                Instant.parse("2026-01-01T00:00:00Z"), 1234, flows, differences);
    }

    @Test
    void theSummaryCountsPerOperation() {
        RunReport report = sample(null, List.of());

        assertThat(report.passed()).isFalse();
        assertThat(report.failingFindings()).isEqualTo(1);
        assertThat(report.allowedFindings()).isEqualTo(1);
        assertThat(report.operations()).contains(new OperationSummary("auth_token_api", 1, 1, 0, 0, 0),
                new OperationSummary("client_get_api", 1, 0, 1, 0, 0), new OperationSummary("auth_authorization_api", 1, 0, 0, 1, 0));
    }

    @Test
    void junitXmlHasACasePerFlowWithFailuresAndSkips() throws Exception {
        List<Difference> differences = List.of(new Difference("client-credentials", "code exchange", "auth_token_api",
                Difference.Kind.ONLY_TARGET, "/x", "string", "absent"));
        String xml = JunitXmlWriter.write(sample("mock", differences));

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = document.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("5");
        assertThat(suite.getAttribute("failures")).isEqualTo("3");   // findings, failed flow, differences
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(xml).contains("name=\"client-credentials\"", "<failure message=\"1 schema finding(s)\"",
                "skipped: target lacks operation pushed_auth_req_api (HTTP 501)", "name=\"differences-from-mock\"", "&lt;script&gt;");
    }

    @Test
    void jsonAndHtmlCarryOperationsFindingsAndDifferences(@TempDir Path dir) throws Exception {
        RunReport report = sample("mock", List.of(new Difference("client-credentials", "code exchange", "auth_token_api",
                Difference.Kind.TYPE, "/expiresIn", "string", "number")));

        List<Path> written = ReportWriter.writeAll(report, dir);

        assertThat(written).containsExactly(dir.resolve("index.html"), dir.resolve("contract-report.json"),
                dir.resolve("junit/TEST-authlete-contract-suite.xml"));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("contract-report.json").toFile());
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.at("/totals/findings").asInt()).isEqualTo(1);
        assertThat(json.at("/totals/allowedFindings").asInt()).isEqualTo(1);
        assertThat(json.at("/totals/differences").asInt()).isEqualTo(1);
        assertThat(json.at("/flows/0/steps/0/findings/0/pointer").asText()).isEqualTo("/expiresIn");
        assertThat(json.at("/flows/1/steps/0/findings/0/allowedBecause").asText()).isEqualTo("a documented reason");
        assertThat(json.at("/flows/0/steps/0/responseBody").asText()).isEqualTo("{\"expiresIn\":\"60\"}");
        assertThat(json.at("/differences/0/kind").asText()).isEqualTo("TYPE");
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("<!DOCTYPE html>", "FAILED", "auth_token_api", "/expiresIn", "&lt;script&gt;",
                "Differences from the mock", "skipped: target lacks operation").doesNotContain("<script>", "<link", "src=\"http");
    }

    @Test
    void jsonAndHtmlCarryTheTargetsCoveragePerOperationAndAction(@TempDir Path dir) throws Exception {
        RunReport sample = sample(null, List.of());
        Map<String, List<String>> catalog = new LinkedHashMap<>();
        catalog.put("auth_authorization_api", List.of("BAD_REQUEST", "INTERACTION", "NO_INTERACTION"));
        catalog.put("auth_token_api", List.of("OK", "PASSWORD"));
        catalog.put("client_get_api", List.of());
        catalog.put("auth_revocation_api", List.of("OK"));
        RunReport report = new RunReport(sample.target(), sample.baseUrl(), sample.spec(), sample.specTitle(), sample.specVersion(),
                null, sample.runId(), sample.startedAt(), sample.durationMillis(), sample.flows(), List.of(), catalog);

        ReportWriter.writeAll(report, dir);

        JsonNode coverage = new ObjectMapper().readTree(dir.resolve("contract-report.json").toFile()).get("coverage");
        assertThat(coverage.at("/summary/calls").asLong()).as("every answered step, cleanup included").isEqualTo(4);
        assertThat(coverage.at("/summary/actions").asLong()).isEqualTo(6);
        assertThat(coverage.at("/summary/coveredActions").asLong()).isEqualTo(2);
        assertThat(coverage.at("/operations/0/operationId").asText()).isEqualTo("auth_authorization_api");
        assertThat(coverage.at("/operations/0/actions/BAD_REQUEST").asLong()).isEqualTo(1);
        assertThat(coverage.at("/operations/0/uncoveredActions")).extracting(JsonNode::asText).containsExactly("INTERACTION", "NO_INTERACTION");
        assertThat(coverage.at("/operations/3/operationId").asText()).isEqualTo("auth_revocation_api");
        assertThat(coverage.at("/operations/3/calls").asLong()).isZero();
        assertThat(coverage.at("/operations/4/operationId").asText()).as("called, though not in the catalog").isEqualTo("client_delete_api");
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("Coverage on us", "<span class=\"hit\">OK ×1</span>", "<span class=\"miss\">PASSWORD</span>",
                "4 of 5 operations called", "2 of 6 actions answered");
    }

    @Test
    void theCoverageCountsResultCodesAndSkipsStepsWithoutAnAnswer() {
        StepRecord answered = new StepRecord("introspect", StepRecord.Phase.FLOW, "auth_introspection_api", "POST", "/api/{serviceId}/auth/introspection",
                "HTTP 200", 200, "UNAUTHORIZED", 1, 0, List.of(), null, "{\"resultCode\":\"A056301\",\"action\":\"UNAUTHORIZED\"}");
        StepRecord lost = new StepRecord("introspect again", StepRecord.Phase.FLOW, "auth_introspection_api", "POST",
                "/api/{serviceId}/auth/introspection", "HTTP 200", 0, null, 1, 3, List.of(), "no answer", null);
        RunReport report = new RunReport("eu", "https://eu.authlete.com", "spec", "t", "1", null, "r", Instant.EPOCH, 1,
                List.of(new FlowResult("f", "F", FlowOutcome.Status.FAILED, "no answer", List.of(), false, 1, List.of(answered, lost))),
                List.of(), Map.of("auth_introspection_api", List.of("OK", "UNAUTHORIZED")));

        assertThat(report.coverage().operation("auth_introspection_api").calls()).isEqualTo(1);
        assertThat(report.coverage().operation("auth_introspection_api").resultCodes()).containsEntry("A056301", 1L);
    }

    @Test
    void theConsoleSummaryIsATablePerOperation() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleReporter console = new ConsoleReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), null);
        RunReport report = sample(null, List.of());

        report.flows().forEach(f -> console.finished(1, 4, f));
        console.summary(report);

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("[1/4] client-credentials", "PASSED  1 calls, 1 findings, 40 ms",
                "SKIPPED skipped: target lacks operation pushed_auth_req_api (HTTP 501)",
                "FAILED  2 calls, 0 findings, 30 ms", "        authorization request: expected action INTERACTION but got BAD_REQUEST",
                "operation", "calls", "findings", "mismatches", "client_get_api", "0+1a",
                "auth_token_api response /expiresIn: [validation.response.body.schema.type]",
                "Flows: 2 passed, 1 failed, 1 skipped", "RESULT: FAILED");
    }
}
