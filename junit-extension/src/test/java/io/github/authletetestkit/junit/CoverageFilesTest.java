package io.github.authletetestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.authletetestkit.junit.examples.parallel.SideBySide;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coverage files of a test run: every mock's coverage, from test classes running in parallel, merged into one
 * JSON and one HTML file written at the end of the run.
 */
@ResourceLock(SideBySide.LOCK)
class CoverageFilesTest {

    @TempDir
    Path directory;

    @Test
    void twoTestClassesInParallelGiveOneMergedReport() throws Exception {
        SideBySide.runBoth(Map.of(CoverageFiles.DIRECTORY_PARAMETER, directory.toString()));

        JsonNode json = new ObjectMapper().readTree(directory.resolve(CoverageFiles.JSON).toFile());
        JsonNode introspection = operation(json, "auth_introspection_api");
        assertThat(introspection.get("calls").asLong()).as("one call in each class").isEqualTo(2);
        assertThat(introspection.at("/actions/UNAUTHORIZED").asLong()).isEqualTo(2);
        assertThat(introspection.get("uncoveredActions")).extracting(JsonNode::asText).contains("OK").doesNotContain("UNAUTHORIZED");
        assertThat(operation(json, "client_get_list_api").get("calls").asLong()).isEqualTo(2);
        assertThat(operation(json, "auth_token_api").get("calls").asLong()).isZero();
        assertThat(json.at("/summary/calls").asLong()).isEqualTo(sumOfCalls(json));
        assertThat(Files.readString(directory.resolve(CoverageFiles.HTML))).contains("auth_introspection_api", "UNAUTHORIZED ×2");
    }

    @Test
    void turnedOffWritesNothing() {
        SideBySide.runBoth(Map.of(CoverageFiles.DIRECTORY_PARAMETER, directory.toString(), CoverageFiles.ENABLED_PARAMETER, "false"));

        assertThat(directory.resolve(CoverageFiles.JSON)).doesNotExist();
        assertThat(directory.resolve(CoverageFiles.HTML)).doesNotExist();
    }

    private static JsonNode operation(JsonNode json, String operationId) {
        for (JsonNode operation : json.get("operations")) {
            if (operation.get("operationId").asText().equals(operationId)) {
                return operation;
            }
        }
        throw new AssertionError("no " + operationId + " in " + json);
    }

    private static long sumOfCalls(JsonNode json) {
        long sum = 0;
        for (JsonNode operation : json.get("operations")) {
            sum += operation.get("calls").asLong();
        }
        return sum;
    }
}
