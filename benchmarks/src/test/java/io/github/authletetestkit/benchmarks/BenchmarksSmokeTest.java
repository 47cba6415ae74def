package io.github.authletetestkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness still builds and every scenario still runs: each once, for a fraction of a second, at two
 * callers. No figure is asserted (speed is read from the full run, RESULTS.md); a failed flow or a
 * scenario that throws fails the build.
 */
class BenchmarksSmokeTest {

    @Test
    void everyScenarioRunsOnceWithoutAFailedFlow(@TempDir Path dir) throws Exception {
        // built by this reactor's mock-server module in `verify`; without it the report says "not found"
        File jar = new File("../mock-server/target/authlete-mock-server.jar");
        Benchmarks benchmarks = new Benchmarks(Benchmarks.Settings.smoke(jar, dir.resolve("report.md")));

        String report = benchmarks.run(Benchmarks.InProcessStarts.firstStartToFirstAnswer());

        assertThat(benchmarks.failures()).isEmpty();
        assertThat(report).contains("plain WireMock 3 (one stub), cold start", "in-process mock: a JVM's first",
                "## Memory when idle", "## JUnit extension lifecycles", StaticStubs.NAME, "mock, requests + responses validated",
                OAuth2ServerFlow.NAME, "bytes per token", "## Targets");
        assertThat(dir.resolve("report.md")).exists();
    }
}
