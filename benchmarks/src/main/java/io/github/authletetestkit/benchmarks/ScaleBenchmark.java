package io.github.authletetestkit.benchmarks;

import io.github.authletetestkit.mock.internal.store.redis.RedisServerProcess;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Scale-out on Redis: the fully validated code flow against one standalone mock with the in-memory store (the
 * baseline), then 1, 2 and 4 mock processes sharing one real redis-server, requests spread over the replicas in
 * turn. Prints a Markdown table (flows/s, median, p99, time per flow as a ratio to the baseline) and writes it to
 * {@code bench.scaleOut} (default {@code benchmarks/target/benchmark-scale.md}).
 *
 * <p>System properties: {@code bench.seconds}, {@code bench.warmup}, {@code bench.mockJar} as for {@link Benchmarks};
 * {@code bench.scaleCallers} (default 16).
 */
public final class ScaleBenchmark {

    record Settings(double seconds, double warmup, int callers, int[] replicas, File jar, Path out) {

        static Settings fromSystemProperties() {
            return new Settings(Double.parseDouble(System.getProperty("bench.seconds", "5")),
                    Double.parseDouble(System.getProperty("bench.warmup", "2")), Integer.getInteger("bench.scaleCallers", 16),
                    new int[] {1, 2, 4}, new File(System.getProperty("bench.mockJar", "mock-server/target/authlete-mock-server.jar")),
                    Path.of(System.getProperty("bench.scaleOut", "benchmarks/target/benchmark-scale.md")));
        }

        /** The baseline and two replicas on Redis, briefly: proves the harness works, measures nothing worth reading. */
        static Settings smoke(File jar, Path out) {
            return new Settings(0.3, 0, 2, new int[] {2}, jar, out);
        }
    }

    private final Settings settings;
    private final List<String> failures = new ArrayList<>();

    ScaleBenchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        System.out.println(new ScaleBenchmark(Settings.fromSystemProperties()).run());
        System.exit(0);
    }

    List<String> failures() {
        return failures;
    }

    /** Runs every configuration; the report. */
    String run() throws Exception {
        StringBuilder report = new StringBuilder();
        report.append("## Scale-out: code flow, fully validated, on several mock processes sharing one Redis\n\n");
        report.append(String.format(Locale.ROOT, "- %s, %d cores, load average at start %.2f; %d callers; %.1f s warm-up + %.1f s measured per row%n",
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).withNano(0), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), settings.callers(), settings.warmup(), settings.seconds()));
        report.append("- every mock process is the standalone jar (`-Xmx512m`); the load generator, Redis and all replicas share the same cores,\n"
                + "  so more processes cannot add capacity here: the rows show the cost per flow of Redis and of crossing processes.\n\n");
        report.append("| configuration | flows/s | median | p99 | time per flow × in-memory |\n|---|---|---|---|---|\n");
        if (!settings.jar().isFile()) {
            return report.append("| not run: no standalone jar at ").append(settings.jar()).append(" | | | | |\n").toString();
        }
        double baseline = row(report, new ReplicatedFlow(settings.jar(), 1, null), Double.NaN);
        Optional<Path> binary = RedisServerProcess.binary();
        if (binary.isEmpty()) {
            report.append("| Redis rows not run: no redis-server binary | | | | |\n");
        } else {
            try (RedisServerProcess redis = RedisServerProcess.start(binary.get())) {
                for (int replicas : settings.replicas()) {
                    row(report, new ReplicatedFlow(settings.jar(), replicas, redis.storeUri("scale-" + replicas)), baseline);
                }
            }
        }
        Files.createDirectories(settings.out().toAbsolutePath().getParent());
        Files.writeString(settings.out(), report);
        return report.toString();
    }

    /** Measures one configuration and writes its row; its flows per second. */
    private double row(StringBuilder report, ReplicatedFlow target, double baseline) throws Exception {
        try (target) {
            target.start();
            FlowRunner.Result result = FlowRunner.run(target, settings.callers(), settings.warmup(), settings.seconds());
            if (result.failures() > 0) {
                failures.add(target.name() + ": " + result.failures() + " failed flows, first " + result.firstFailure());
            }
            double rate = result.flowsPerSecond();
            report.append(String.format(Locale.ROOT, "| %s | %.0f | %s | %s | %s |%n", target.name(), rate, Benchmarks.ms(result.latency().median()),
                    Benchmarks.ms(result.latency().p99()), Double.isNaN(baseline) ? "1.00 (baseline)" : String.format(Locale.ROOT, "%.2f", baseline / rate)));
            return rate;
        }
    }
}
