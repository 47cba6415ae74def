package io.github.authletetestkit.contract.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.authletetestkit.contract.internal.check.ShapeComparator;
import io.github.authletetestkit.contract.internal.check.ShapeDifference;
import io.github.authletetestkit.contract.internal.report.Difference;
import io.github.authletetestkit.contract.internal.report.FlowResult;
import io.github.authletetestkit.contract.internal.report.RunReport;
import io.github.authletetestkit.contract.internal.report.StepRecord;
import io.github.authletetestkit.flows.internal.FlowOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Differential mode: the same flows on the target and on the embedded mock, compared step by step (matched
 * by flow, phase, step name and occurrence) in HTTP status, {@code action} and JSON shape (members and
 * their types, never values). A flow one side skipped and the other ran is a difference too: the mock (or
 * the target) lacks something the other has.
 */
public final class Differential {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Differential() {
    }

    public static List<Difference> compare(RunReport target, RunReport mock) {
        Map<String, FlowResult> mockFlows = new HashMap<>();
        mock.flows().forEach(f -> mockFlows.put(f.id(), f));
        List<Difference> differences = new ArrayList<>();
        for (FlowResult flow : target.flows()) {
            FlowResult other = mockFlows.get(flow.id());
            if (other == null) {
                continue;
            }
            boolean targetRan = flow.status() != FlowOutcome.Status.SKIPPED;
            boolean mockRan = other.status() != FlowOutcome.Status.SKIPPED;
            if (targetRan != mockRan) {
                differences.add(new Difference(flow.id(), "(flow)", null, Difference.Kind.STEP, "",
                        targetRan ? "ran" : "skipped: " + flow.reason(), mockRan ? "ran" : "skipped: " + other.reason()));
                continue;
            }
            if (targetRan) {
                compareSteps(flow.id(), flow.steps(), other.steps(), differences);
            }
        }
        return differences;
    }

    private static void compareSteps(String flow, List<StepRecord> target, List<StepRecord> mock, List<Difference> out) {
        Map<String, StepRecord> mockSteps = keyed(mock);
        Map<String, StepRecord> targetSteps = keyed(target);
        for (Map.Entry<String, StepRecord> entry : targetSteps.entrySet()) {
            StepRecord t = entry.getValue();
            StepRecord m = mockSteps.get(entry.getKey());
            if (m == null) {
                out.add(new Difference(flow, t.name(), t.operationId(), Difference.Kind.STEP, "", "reached", "not reached"));
                continue;
            }
            if (t.status() != m.status()) {
                out.add(new Difference(flow, t.name(), t.operationId(), Difference.Kind.STATUS, "",
                        Integer.toString(t.status()), Integer.toString(m.status())));
            }
            if (!Objects.equals(t.action(), m.action())) {
                out.add(new Difference(flow, t.name(), t.operationId(), Difference.Kind.ACTION, "/action",
                        String.valueOf(t.action()), String.valueOf(m.action())));
            }
            if (t.status() == m.status()) {
                for (ShapeDifference d : ShapeComparator.compare(json(t.responseBody()), json(m.responseBody()))) {
                    Difference.Kind kind = switch (d.kind()) {
                        case ONLY_LEFT -> Difference.Kind.ONLY_TARGET;
                        case ONLY_RIGHT -> Difference.Kind.ONLY_MOCK;
                        case TYPE -> Difference.Kind.TYPE;
                    };
                    out.add(new Difference(flow, t.name(), t.operationId(), kind, d.pointer(), d.left(), d.right()));
                }
            }
        }
        for (Map.Entry<String, StepRecord> entry : mockSteps.entrySet()) {
            if (!targetSteps.containsKey(entry.getKey())) {
                StepRecord m = entry.getValue();
                out.add(new Difference(flow, m.name(), m.operationId(), Difference.Kind.STEP, "", "not reached", "reached"));
            }
        }
    }

    /** {@code phase/name#occurrence} → step, in order. */
    private static Map<String, StepRecord> keyed(List<StepRecord> steps) {
        Map<String, StepRecord> keyed = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (StepRecord step : steps) {
            String base = step.phase() + "/" + step.name();
            int n = seen.merge(base, 1, Integer::sum);
            keyed.put(base + "#" + n, step);
        }
        return keyed;
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (Exception notJson) {
            return MAPPER.getNodeFactory().textNode("(not JSON)");
        }
    }
}
