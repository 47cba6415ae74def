package io.github.authletetestkit.benchmarks;

import io.github.authletetestkit.mock.AuthleteMockServer;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The whole benchmark run in one JVM: start-up (standalone jar, in-process first and later), the per-test
 * costs of the JUnit lifecycles, the code flow at 1, 2, 8 and 32 callers for the mock (validation off,
 * requests only, requests and responses) beside plain WireMock static stubs (the baseline) and
 * mock-oauth2-server (the peer), and the heap a live token takes. Prints a Markdown report and writes it
 * to {@code benchmarks/target/benchmark-results.md}.
 *
 * <p>System properties: {@code bench.seconds} (measured seconds per cell, default 3), {@code bench.warmup}
 * (default 1), {@code bench.tokens} (default 100000), {@code bench.mockJar} (the standalone jar; default
 * {@code mock-server/target/authlete-mock-server.jar}), {@code bench.only=startup} (only the start-up figures).
 */
public final class Benchmarks {

    static final int[] CALLERS = {1, 2, 8, 32};

    private final StringBuilder report = new StringBuilder();
    private final Map<String, Boolean> verdicts = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        // must come first: the first in-process start is only first once per JVM
        long firstStart = InProcessStarts.firstStartToFirstAnswer();
        new Benchmarks().run(firstStart);
        System.exit(0); // mock-oauth2-server leaves non-daemon threads behind
    }

    private void run(long firstStartNanos) throws Exception {
        long began = System.nanoTime();
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "3"));
        double warmup = Double.parseDouble(System.getProperty("bench.warmup", "1"));
        int tokens = Integer.getInteger("bench.tokens", 100_000);

        line("# Authlete Testkit benchmarks");
        line("");
        line("- date: " + LocalDate.now() + ", JDK " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")");
        line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + ManagementFactory.getOperatingSystemMXBean().getArch() + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB, "
                + "load average at start " + String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        line("- cells: " + warmup + " s warm-up + " + seconds + " s measured; JDK HttpClient over HTTP/1.1, one client per JVM");
        line("");

        // ---------------------------------------------------------------- start-up
        line("## Start-up");
        line("");
        line("| what | median | p99 / max | target |");
        line("|---|---|---|---|");
        File jar = new File(System.getProperty("bench.mockJar", "mock-server/target/authlete-mock-server.jar"));
        if (jar.isFile()) {
            StandaloneJar standalone = new StandaloneJar(jar);
            Stats plain = standalone.startToFirstAnswer(3, List.of());
            row("standalone jar, default JVM flags: start to first answered request (3 runs, new JVM each)", plain.median(), plain.max(), "—", null);
            Stats imageFlags = standalone.startToFirstAnswer(3, StandaloneJar.IMAGE_FLAGS);
            row("standalone jar, the image's JVM flags (serial GC, C1 only) (3 runs)", imageFlags.median(), imageFlags.max(), "—", null);
            if (Runtime.version().feature() >= 25) {
                Stats cached = standalone.startToFirstAnswer(3, standalone.trainAheadOfTimeCache());
                row("standalone jar as the Docker image starts it: its flags + the AOT cache `AotTraining` made (3 runs)",
                        cached.median(), cached.max(), "≤ 2 s", cached.median() <= 2_000_000_000L);
            } else {
                line("| standalone jar with the AOT cache | needs JDK 25 to run the benchmarks | | ≤ 2 s |");
            }
        } else {
            line("| standalone jar | not found: build `mock-server` first or pass `-Dbench.mockJar=` | | ≤ 2 s |");
        }
        line("| in-process: first start in a JVM, to first answer | " + ms(firstStartNanos) + " | (once) | ≤ 2 s: "
                + verdict("in-process first start ≤ 2 s", firstStartNanos <= 2_000_000_000L) + " |");
        Stats later = InProcessStarts.laterStarts(20);
        row("in-process: later starts, to first answer (20)", later.median(), later.p99(), "—", null);
        if ("startup".equals(System.getProperty("bench.only"))) {
            finish(began);
            return;
        }

        // ---------------------------------------------------------------- JUnit lifecycles
        line("");
        line("## JUnit extension lifecycles (the underlying costs)");
        line("");
        line("| what | median | p99 | target |");
        line("|---|---|---|---|");
        Stats reset = Lifecycles.perClassReset(2_000);
        row("per-class lifecycle: `reset()` after a test that made a client and ran a code flow (2,000)", reset.median(), reset.p99(),
                "≤ 1 ms median", reset.median() <= 1_000_000L);
        Stats fresh = Lifecycles.perMethodFreshServer(30);
        row("per-method lifecycle: build, start, first answer, stop (30)", fresh.median(), fresh.p99(), "≤ 150 ms median",
                fresh.median() <= 150_000_000L);

        // ---------------------------------------------------------------- code flow
        line("");
        line("## Code flow: authorization → issue → token → introspection");
        line("");
        line("Flows per second (higher is better), median and p99 latency of one whole flow, and the time per flow as a ratio"
                + " to the static-stub baseline at the same number of callers (lower is better).");
        line("");
        List<Supplier<FlowTarget>> targets = List.of(
                StaticStubs::new,
                () -> new MockFlow("mock, validation off", false, false),
                () -> new MockFlow("mock, requests validated", true, false),
                () -> new MockFlow("mock, requests + responses validated", true, true),
                OAuth2ServerFlow::new);
        Map<String, double[]> throughput = new LinkedHashMap<>();
        Map<String, Stats[]> latency = new LinkedHashMap<>();
        for (Supplier<FlowTarget> make : targets) {
            try (FlowTarget target = make.get()) {
                target.start();
                double[] rates = new double[CALLERS.length];
                Stats[] stats = new Stats[CALLERS.length];
                for (int i = 0; i < CALLERS.length; i++) {
                    FlowRunner.Result result = FlowRunner.run(target, CALLERS[i], warmup, seconds);
                    rates[i] = result.flowsPerSecond();
                    stats[i] = result.latency();
                    System.err.printf(Locale.ROOT, "  %-40s %2d callers: %8.0f flows/s, median %s, p99 %s, failures %d%n", target.name(),
                            CALLERS[i], result.flowsPerSecond(), ms(result.latency().median()), ms(result.latency().p99()), result.failures());
                    if (result.failures() > 0) {
                        String first = result.firstFailure();
                        System.err.println("    first failure: " + (first.length() > 300 ? first.substring(0, 300) + "…" : first));
                    }
                }
                throughput.put(target.name(), rates);
                latency.put(target.name(), stats);
            }
        }
        double[] baseline = throughput.get(StaticStubs.NAME);
        line("| target | " + header("flows/s · median · p99 · ×baseline") + " |");
        line("|---|" + "---|".repeat(CALLERS.length));
        throughput.forEach((name, rates) -> {
            StringBuilder row = new StringBuilder("| " + name + " |");
            for (int i = 0; i < CALLERS.length; i++) {
                Stats s = latency.get(name)[i];
                row.append(rates[i] == 0 ? " no flow completed |"
                        : String.format(Locale.ROOT, " %.0f · %s · %s · %.2f× |", rates[i], ms(s.median()), ms(s.p99()), baseline[i] / rates[i]));
            }
            line(row.toString());
        });
        line("");
        double worstOff = worstRatio(baseline, throughput.get("mock, validation off"));
        double worstFull = worstRatio(baseline, throughput.get("mock, requests + responses validated"));
        double[] peer = throughput.get(OAuth2ServerFlow.NAME);
        double[] full = throughput.get("mock, requests + responses validated");
        boolean fasterThanPeer = true;
        for (int i = 0; i < CALLERS.length; i++) {
            fasterThanPeer &= full[i] > peer[i];
        }
        line("- validation off: worst ratio to the baseline " + String.format(Locale.ROOT, "%.2f×", worstOff) + " — target ≤ 1.5×: "
                + verdict("code flow, validation off ≤ 1.5× baseline", worstOff <= 1.5));
        line("- full validation: worst ratio to the baseline " + String.format(Locale.ROOT, "%.2f×", worstFull) + " — target ≤ 3×: "
                + verdict("code flow, full validation ≤ 3× baseline", worstFull <= 3.0));
        line("- faster than mock-oauth2-server's own code flow at every number of callers, even fully validated: "
                + verdict("faster than mock-oauth2-server", fasterThanPeer));

        // ---------------------------------------------------------------- heap
        line("");
        line("## Heap per live token");
        line("");
        HeapPerToken.Result heap = HeapPerToken.measure(tokens);
        line(String.format(Locale.ROOT, "- %,d code-flow tokens (access + refresh token, their grant) live in the store: %,d bytes of heap"
                        + " more than before, **%.0f bytes per token** — target ≤ 1 KiB: %s", tokens, heap.liveBytes(),
                heap.perToken(), verdict("≤ 1 KiB heap per live token", heap.perToken() <= 1024)));
        line(String.format(Locale.ROOT, "- after they all expired and `store().sweep(now)` ran: %d tokens left, %,d bytes above the"
                + " empty store (%.1f bytes per token issued)", heap.tokensAfterSweep(), heap.afterSweepBytes(),
                heap.afterSweepBytes() / (double) tokens));
        line(String.format(Locale.ROOT, "- (issuing them in process, without HTTP or validation, took %.1f s)", heap.issueSeconds()));

        finish(began);
    }

    private void finish(long began) throws IOException {
        line("");
        line("## Targets");
        line("");
        verdicts.forEach((what, met) -> line("- " + what + ": **" + (met ? "met" : "not met") + "**"));
        line("");
        line(String.format(Locale.ROOT, "Run took %.0f s; load average at the end %.2f.", (System.nanoTime() - began) / 1e9,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        Path out = Path.of(System.getProperty("bench.out", "benchmarks/target/benchmark-results.md"));
        if (out.getParent() != null && Files.isDirectory(out.getParent())) {
            Files.writeString(out, report);
            System.err.println("written to " + out.toAbsolutePath());
        }
    }

    private static double worstRatio(double[] baseline, double[] rates) {
        double worst = 0;
        for (int i = 0; i < rates.length; i++) {
            worst = Math.max(worst, baseline[i] / rates[i]);
        }
        return worst;
    }

    private static String header(String cell) {
        StringBuilder h = new StringBuilder();
        for (int i = 0; i < CALLERS.length; i++) {
            h.append(i == 0 ? "" : " | ").append(CALLERS[i]).append(CALLERS[i] == 1 ? " caller: " : " callers: ").append(cell);
        }
        return h.toString();
    }

    private void row(String what, long median, long p99, String target, Boolean met) {
        line("| " + what + " | " + ms(median) + " | " + ms(p99) + " | " + target + (met == null ? "" : ": " + verdict(what, met)) + " |");
    }

    private String verdict(String what, boolean met) {
        verdicts.put(what, met);
        return met ? "met" : "**not met**";
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    static String ms(long nanos) {
        double ms = nanos / 1e6;
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms)
                : ms >= 1 ? String.format(Locale.ROOT, "%.1f ms", ms)
                : String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Polls the health check until it answers 200; the nanoTime it did. */
    static long awaitHealthy(String baseUrl, long deadlineNanos) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/lifecycle/healthcheck"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadlineNanos) {
            try {
                if (Http.CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("no answer from " + baseUrl);
    }

    /** The standalone jar, started in a JVM of its own. */
    record StandaloneJar(File jar, String java) {

        /** The Dockerfile's ENTRYPOINT flags, without the cache. */
        static final List<String> IMAGE_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

        StandaloneJar(File jar) {
            this(jar, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }

        /** The Dockerfile's training run; returns the flags that start the jar with its cache. */
        List<String> trainAheadOfTimeCache() throws Exception {
            Path cache = Files.createTempDirectory("mock-aot").resolve("authlete-mock-server.aot");
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(IMAGE_FLAGS);
            command.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-cp", jar.getPath(), "io.github.authletetestkit.mock.cli.AotTraining"));
            Process training = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (training.waitFor() != 0 || !Files.isRegularFile(cache)) {
                throw new IllegalStateException("the AOT training run failed: " + command);
            }
            List<String> flags = new ArrayList<>(IMAGE_FLAGS);
            flags.add("-XX:AOTCache=" + cache);
            return flags;
        }

        Stats startToFirstAnswer(int runs, List<String> jvmFlags) throws Exception {
            long[] times = new long[runs];
            for (int i = 0; i < runs; i++) {
                int port = freePort();
                List<String> command = new ArrayList<>(List.of(java));
                command.addAll(jvmFlags);
                command.addAll(List.of("-jar", jar.getPath(), "--port", Integer.toString(port)));
                long started = System.nanoTime();
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                try {
                    times[i] = awaitHealthy("http://localhost:" + port, started + 60_000_000_000L) - started;
                } finally {
                    process.destroy();
                    process.waitFor();
                }
            }
            return Stats.of(times);
        }
    }

    /** Servers started inside this JVM. */
    static final class InProcessStarts {

        static long firstStartToFirstAnswer() throws Exception {
            long started = System.nanoTime();
            AuthleteMockServer mock = AuthleteMockServer.builder().build().start();
            try {
                return awaitHealthy(mock.baseUrl(), started + 60_000_000_000L) - started;
            } finally {
                mock.stop();
            }
        }

        static Stats laterStarts(int runs) throws Exception {
            long[] times = new long[runs];
            for (int i = 0; i < runs; i++) {
                long started = System.nanoTime();
                AuthleteMockServer mock = AuthleteMockServer.builder().build().start();
                times[i] = awaitHealthy(mock.baseUrl(), started + 60_000_000_000L) - started;
                mock.stop();
            }
            return Stats.of(times);
        }
    }

    /** A mutable list of nanosecond figures. */
    static final class Samples {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(Samples other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        int size() {
            return size;
        }

        Stats stats() {
            return Stats.of(java.util.Arrays.copyOf(values, size));
        }
    }

    /** Median, p99 and maximum of nanosecond figures. */
    record Stats(long median, long p99, long max, int count) {
        static Stats of(long[] nanos) {
            if (nanos.length == 0) {
                return new Stats(0, 0, 0, 0);
            }
            long[] sorted = nanos.clone();
            java.util.Arrays.sort(sorted);
            return new Stats(sorted[sorted.length / 2], sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)],
                    sorted[sorted.length - 1], sorted.length);
        }
    }
}
