package io.github.authletetestkit.mock.coverage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.model.Json;

/**
 * A {@link Coverage} as JSON: a summary, then every operation with its calls, its action values (counted, 0 when
 * never answered), the ones never answered, and its result codes.
 */
public final class CoverageJson {

    private CoverageJson() {}

    public static ObjectNode of(Coverage coverage) {
        ObjectNode json = Json.object();
        ObjectNode summary = json.putObject("summary");
        summary.put("calls", coverage.calls());
        summary.put("operations", coverage.operations().size());
        summary.put("calledOperations", coverage.calledOperations());
        summary.put("actions", coverage.actions());
        summary.put("coveredActions", coverage.coveredActions());
        ArrayNode operations = json.putArray("operations");
        for (Coverage.OperationCoverage operation : coverage.operations()) {
            ObjectNode row = operations.addObject();
            row.put("operationId", operation.operationId());
            row.put("calls", operation.calls());
            ObjectNode actions = row.putObject("actions");
            operation.actions().forEach(actions::put);
            ArrayNode uncovered = row.putArray("uncoveredActions");
            operation.uncoveredActions().forEach(uncovered::add);
            ObjectNode codes = row.putObject("resultCodes");
            operation.resultCodes().forEach(codes::put);
        }
        return json;
    }

    /** The JSON as indented text. */
    public static String text(Coverage coverage) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(of(coverage));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A coverage tree always serialises", e);
        }
    }
}
