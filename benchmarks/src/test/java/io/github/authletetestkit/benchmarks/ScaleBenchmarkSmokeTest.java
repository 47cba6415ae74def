package io.github.authletetestkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.internal.store.redis.RedisServerProcess;
import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scale benchmark still builds and runs: the in-memory baseline and two replicas on Redis, briefly, without a failed flow. */
class ScaleBenchmarkSmokeTest {

    @Test
    void everyConfigurationRunsWithoutAFailedFlow(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(RedisServerProcess.binary().isPresent(), "no redis-server binary: the scale benchmark's smoke test is skipped");
        File jar = new File("../mock-server/target/authlete-mock-server.jar");
        Assumptions.assumeTrue(jar.isFile(), "no standalone jar (build mock-server's package phase first)");
        ScaleBenchmark benchmark = new ScaleBenchmark(ScaleBenchmark.Settings.smoke(jar, dir.resolve("scale.md")));

        String report = benchmark.run();

        assertThat(benchmark.failures()).isEmpty();
        assertThat(report).contains("1 process, in-memory store", "2 processes on one Redis");
        assertThat(dir.resolve("scale.md")).exists();
    }
}
