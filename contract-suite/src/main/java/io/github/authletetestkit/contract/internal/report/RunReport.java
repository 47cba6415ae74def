package io.github.authletetestkit.contract.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.authletetestkit.flows.internal.FlowOutcome;
import io.github.authletetestkit.mock.coverage.Coverage;
import io.github.authletetestkit.mock.coverage.CoverageCounter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a run: what ran where against which spec, every flow and step, and — in differential
 * mode — where the target and the mock differ.
 *
 * @param target       the target's name ({@code mock}, a region, a URL)
 * @param baseUrl      its base URL
 * @param spec         the spec source
 * @param specTitle    {@code info.title} of the spec
 * @param specVersion  {@code info.version} of the spec
 * @param comparedWith {@code mock} in differential mode, else {@code null}
 * @param runId        the run's id, part of every created resource's name
 * @param actionCatalog every operation of the spec and its {@code action} values, for the {@link #coverage()} table
 */
public record RunReport(
        String target,
        String baseUrl,
        String spec,
        String specTitle,
        String specVersion,
        String comparedWith,
        String runId,
        Instant startedAt,
        long durationMillis,
        List<FlowResult> flows,
        List<Difference> differences,
        Map<String, List<String>> actionCatalog) {

    public RunReport {
        flows = List.copyOf(flows);
        differences = differences == null ? List.of() : List.copyOf(differences);
        actionCatalog = actionCatalog == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(actionCatalog));
    }

    /** A report whose coverage table lists only the operations called. */
    public RunReport(String target, String baseUrl, String spec, String specTitle, String specVersion, String comparedWith,
                     String runId, Instant startedAt, long durationMillis, List<FlowResult> flows, List<Difference> differences) {
        this(target, baseUrl, spec, specTitle, specVersion, comparedWith, runId, startedAt, durationMillis, flows, differences, Map.of());
    }

    public RunReport withDifferences(String comparedWith, List<Difference> differences) {
        return new RunReport(target, baseUrl, spec, specTitle, specVersion, comparedWith, runId, startedAt, durationMillis,
                flows, differences, actionCatalog);
    }

    /** Which operations of the spec, and which {@code action} values of each, this run's calls got from the target. */
    public Coverage coverage() {
        CoverageCounter counter = new CoverageCounter();
        for (StepRecord step : steps()) {
            if (step.status() > 0) {
                counter.record(step.operationId(), step.action(), resultCode(step.responseBody()));
            }
        }
        return Coverage.of(actionCatalog, counter.counts());
    }

    private static String resultCode(String body) {
        if (body == null || !body.startsWith("{")) {
            return null;
        }
        try {
            JsonNode code = RESULT_CODE_READER.readTree(body).get("resultCode");
            return code == null || !code.isTextual() ? null : code.asText();
        } catch (java.io.IOException notJson) {
            return null;
        }
    }

    private static final ObjectMapper RESULT_CODE_READER = new ObjectMapper();

    public long count(FlowOutcome.Status status) {
        return flows.stream().filter(f -> f.status() == status).count();
    }

    public long calls() {
        return flows.stream().mapToLong(FlowResult::calls).sum();
    }

    public long failingFindings() {
        return flows.stream().mapToLong(FlowResult::failingFindings).sum();
    }

    public long allowedFindings() {
        return steps().stream().flatMap(s -> s.findings().stream()).filter(f -> f.allowed()).count();
    }

    public long mismatches() {
        return flows.stream().mapToLong(FlowResult::mismatches).sum();
    }

    /** Every check passed: no flow failed, no finding outside the allow-list, no difference from the mock. */
    public boolean passed() {
        return count(FlowOutcome.Status.FAILED) == 0 && failingFindings() == 0 && differences.isEmpty();
    }

    public List<StepRecord> steps() {
        List<StepRecord> all = new ArrayList<>();
        flows.forEach(f -> all.addAll(f.steps()));
        return all;
    }

    /** The per-operation table, sorted by operationId. */
    public List<OperationSummary> operations() {
        Map<String, long[]> rows = new TreeMap<>();
        for (StepRecord step : steps()) {
            long[] row = rows.computeIfAbsent(step.operationId(), k -> new long[5]);
            row[0]++;
            row[1] += step.failingFindings();
            row[2] += step.findings().size() - step.failingFindings();
            row[3] += step.mismatch() != null ? 1 : 0;
        }
        for (Difference difference : differences) {
            rows.computeIfAbsent(difference.operationId() == null ? "-" : difference.operationId(), k -> new long[5])[4]++;
        }
        List<OperationSummary> result = new ArrayList<>();
        rows.forEach((op, r) -> result.add(new OperationSummary(op, r[0], r[1], r[2], r[3], r[4])));
        return result;
    }
}
