package io.github.authletetestkit.contract.internal.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.contract.internal.check.CheckedFinding;
import io.github.authletetestkit.flows.internal.FlowOutcome;
import io.github.authletetestkit.mock.coverage.CoverageJson;

/** The machine-readable report: the run, per-operation totals, every flow and step, findings and differences. */
public final class JsonReportWriter {

    static final int BODY_LIMIT = 4_000;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReportWriter() {
    }

    public static String write(RunReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tool", "authlete-contract-suite");
        root.put("passed", report.passed());
        ObjectNode target = root.putObject("target");
        target.put("name", report.target());
        target.put("baseUrl", report.baseUrl());
        ObjectNode spec = root.putObject("spec");
        spec.put("source", report.spec());
        spec.put("title", report.specTitle());
        spec.put("version", report.specVersion());
        root.put("comparedWith", report.comparedWith());
        root.put("runId", report.runId());
        root.put("startedAt", report.startedAt().toString());
        root.put("durationMillis", report.durationMillis());

        ObjectNode totals = root.putObject("totals");
        totals.put("flows", report.flows().size());
        totals.put("passed", report.count(FlowOutcome.Status.PASSED));
        totals.put("failed", report.count(FlowOutcome.Status.FAILED));
        totals.put("skipped", report.count(FlowOutcome.Status.SKIPPED));
        totals.put("calls", report.calls());
        totals.put("findings", report.failingFindings());
        totals.put("allowedFindings", report.allowedFindings());
        totals.put("mismatches", report.mismatches());
        totals.put("differences", report.differences().size());

        ArrayNode operations = root.putArray("operations");
        for (OperationSummary row : report.operations()) {
            ObjectNode op = operations.addObject();
            op.put("operationId", row.operationId());
            op.put("calls", row.calls());
            op.put("findings", row.findings());
            op.put("allowedFindings", row.allowedFindings());
            op.put("mismatches", row.mismatches());
            op.put("differences", row.differences());
        }

        root.set("coverage", CoverageJson.of(report.coverage()));

        ArrayNode flows = root.putArray("flows");
        for (FlowResult flow : report.flows()) {
            ObjectNode f = flows.addObject();
            f.put("id", flow.id());
            f.put("title", flow.title());
            f.put("status", flow.status().name());
            f.put("reason", flow.reason());
            f.put("createsResources", flow.createsResources());
            f.put("durationMillis", flow.durationMillis());
            ArrayNode ops = f.putArray("operations");
            flow.operations().forEach(ops::add);
            ArrayNode steps = f.putArray("steps");
            for (StepRecord step : flow.steps()) {
                ObjectNode s = steps.addObject();
                s.put("name", step.name());
                s.put("phase", step.phase().name());
                s.put("operationId", step.operationId());
                s.put("method", step.method());
                s.put("path", step.path());
                s.put("expected", step.expected());
                s.put("status", step.status());
                s.put("action", step.action());
                s.put("durationMillis", step.durationMillis());
                s.put("retries", step.retries());
                s.put("mismatch", step.mismatch());
                ArrayNode findings = s.putArray("findings");
                for (CheckedFinding checked : step.findings()) {
                    ObjectNode x = findings.addObject();
                    x.put("operationId", checked.finding().operationId());
                    x.put("direction", checked.finding().direction().name());
                    x.put("pointer", checked.finding().pointer());
                    x.put("key", checked.finding().key());
                    x.put("message", checked.finding().message());
                    if (checked.allowed()) {
                        x.put("allowedBecause", checked.allowedBecause());
                    }
                }
                if ((step.mismatch() != null || !step.findings().isEmpty()) && step.responseBody() != null) {
                    s.put("responseBody", truncate(step.responseBody()));
                }
            }
        }

        ArrayNode differences = root.putArray("differences");
        for (Difference d : report.differences()) {
            ObjectNode x = differences.addObject();
            x.put("flow", d.flow());
            x.put("step", d.step());
            x.put("operationId", d.operationId());
            x.put("kind", d.kind().name());
            x.put("pointer", d.pointer());
            x.put("target", d.target());
            x.put("mock", d.mock());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String truncate(String body) {
        return body.length() <= BODY_LIMIT ? body : body.substring(0, BODY_LIMIT) + "… (" + body.length() + " characters)";
    }
}
