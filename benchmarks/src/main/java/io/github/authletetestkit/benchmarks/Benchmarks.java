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
 * {@code mock-server/target/authlete-mock-server.jar}), {@code bench.rounds} (interleaved code-flow rounds, default 3), {@code bench.callers} (default {@code 1,2,8,32}), {@code bench.targets} (code-flow targets beside the baseline, default {@code off,requests,full,peer}; a partial run gives no verdicts), {@code bench.only=startup} (only the start-up figures), {@code bench.only=codeflow} (only the code flow), {@code bench.jitWarmup} (at most this many seconds, default
 * 60, each code-flow target runs unmeasured until the JIT has settled: {@link JitWarmup}).
 */
public final class Benchmarks {

    private final Settings settings;
    private final StringBuilder report = new StringBuilder();
    private final Map<String, Boolean> verdicts = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    /** What one run does; {@link #fromSystemProperties()} for the full run, {@link #smoke(File)} for the build's smoke test. */
    record Settings(double seconds, double warmup, int tokens, int[] callers, int rounds, double jitWarmupSeconds, int startRuns, int laterStarts, int resets,
                    int freshServers, File jar, boolean imageStarts, boolean startupOnly, boolean codeFlowOnly, Path out) {

        static Settings fromSystemProperties() {
            return new Settings(Double.parseDouble(System.getProperty("bench.seconds", "3")),
                    Double.parseDouble(System.getProperty("bench.warmup", "1")), Integer.getInteger("bench.tokens", 100_000),
                    callers(System.getProperty("bench.callers", "1,2,8,32")), Integer.getInteger("bench.rounds", 3),
                    Double.parseDouble(System.getProperty("bench.jitWarmup", "60")), Integer.getInteger("bench.startRuns", 5), 20, 2_000, 30,
                    new File(System.getProperty("bench.mockJar", "mock-server/target/authlete-mock-server.jar")), true,
                    "startup".equals(System.getProperty("bench.only")), "codeflow".equals(System.getProperty("bench.only")),
                    Path.of(System.getProperty("bench.out", "benchmarks/target/benchmark-results.md")));
        }

        private static int[] callers(String list) {
            return java.util.Arrays.stream(list.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        }

        /**
     * Every scenario once, briefly: proves the harness works, measures nothing worth reading. The jar's starts with
     * the image's flags and AOT cache (a training run and two more JVMs) are the only ones left out.
     */
        static Settings smoke(File jar, Path out) {
            return new Settings(0.2, 0, 200, new int[] {2}, 1, 0, 1, 2, 20, 2, jar, false, false, false, out);
        }
    }

    Benchmarks(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        // must come first: the first in-process start is only first once per JVM
        long firstStart = InProcessStarts.firstStartToFirstAnswer();
        new Benchmarks(Settings.fromSystemProperties()).run(firstStart);
        System.exit(0); // mock-oauth2-server leaves non-daemon threads behind
    }

    /** Runs every scenario; the report, with every target's verdict. */
    String run(long firstStartNanos) throws Exception {
        long began = System.nanoTime();
        double seconds = settings.seconds();
        double warmup = settings.warmup();

        line("# Authlete Testkit benchmarks");
        line("");
        line("- date: " + java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).withNano(0) + ", JDK " + Runtime.version()
                + " (" + System.getProperty("java.vm.name") + ")");
        line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + ManagementFactory.getOperatingSystemMXBean().getArch() + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB, "
                + "load average at start " + String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        line("- cells: " + warmup + " s warm-up + " + seconds + " s measured; JDK HttpClient over HTTP/1.1, one client per JVM");
        line("");

        if (!settings.codeFlowOnly()) {
            startUpAndLifecycles(firstStartNanos);
            if (settings.startupOnly()) {
                return finish(began);
            }
        }
        codeFlow();
        if (!settings.codeFlowOnly()) {
            heapPerToken();
        }
        return finish(began);
    }

    /** Start-up, idle memory and, unless only start-up was asked for, the JUnit lifecycles. */
    private void startUpAndLifecycles(long firstStartNanos) throws Exception {
        // ---------------------------------------------------------------- start-up
        line("## Start-up (new JVM each run unless said otherwise: process start to first answered request)");
        line("");
        line("| what | median | max | target |");
        line("|---|---|---|---|");
        int runs = settings.startRuns();
        NewJvm.Result wireMockCold = NewJvm.coldStart("wiremock", runs);
        row("plain WireMock 3 (one stub), cold start (" + runs + " runs)", wireMockCold.times().median(), wireMockCold.times().max(), "— (the yardstick)", null);
        NewJvm.Result mockCold = NewJvm.coldStart("mock", runs);
        double coldRatio = mockCold.times().median() / (double) wireMockCold.times().median();
        line("| in-process mock: a JVM's first `builder().build().start()` (" + runs + " runs) | " + ms(mockCold.times().median()) + " ("
                + String.format(Locale.ROOT, "%.2f×", coldRatio) + " WireMock) | " + ms(mockCold.times().max()) + " | ≤ 1.5× WireMock: "
                + verdict("in-process first start ≤ 1.5× WireMock's cold start", coldRatio <= 1.5) + " |");
        line("| in-process: first start in this (already warm) benchmark JVM | " + ms(firstStartNanos) + " | (once) | — |");
        Stats later = InProcessStarts.laterStarts(settings.laterStarts());
        row("in-process: later starts, to first answer (" + settings.laterStarts() + ")", later.median(), later.p99(), "≈ 20 ms",
                later.median() <= 40_000_000L);
        Memory jarMemory = null;
        File jar = settings.jar();
        if (jar.isFile()) {
            NewJvm standalone = NewJvm.standalone(jar, List.of());
            NewJvm.Result plain = standalone.startToFirstAnswer(runs, true);
            jarMemory = plain.memory();
            row("standalone jar, default JVM flags (" + runs + " runs)", plain.times().median(), plain.times().max(), "≤ 1.5 s",
                    plain.times().median() <= 1_500_000_000L);
            if (settings.imageStarts() && Runtime.version().feature() >= 25) {
                NewJvm.Result imageFlags = NewJvm.standalone(jar, NewJvm.IMAGE_FLAGS).startToFirstAnswer(runs, false);
                row("standalone jar, the image's JVM flags (serial GC, C1 only), no AOT cache (" + runs + " runs)", imageFlags.times().median(),
                        imageFlags.times().max(), "—", null);
                NewJvm.Result cached = NewJvm.standalone(jar, NewJvm.trainAheadOfTimeCache(jar)).startToFirstAnswer(runs, false);
                row("standalone jar as the Docker image starts it: its flags + the AOT cache `AotTraining` made (" + runs + " runs)",
                        cached.times().median(), cached.times().max(), "≤ 1 s", cached.times().median() <= 1_000_000_000L);
            } else {
                line("| standalone jar with the image's flags and AOT cache | not measured (needs JDK 25; skipped in the smoke test) | | ≤ 1 s |");
            }
        } else {
            line("| standalone jar | not found: build `mock-server` first or pass `-Dbench.mockJar=` | | ≤ 1.5 s |");
        }

        // ---------------------------------------------------------------- memory
        line("");
        line("## Memory when idle, after start and full collections");
        line("");
        line("- idle in-process mock (a JVM that started one mock, default flags): " + mockCold.memory().mebibytes()
                + " — target ≤ 64 MiB heap: " + verdict("idle in-process mock ≤ 64 MiB heap used", mockCold.memory().heapUsed() <= 64L << 20));
        line("- the same JVM with plain WireMock instead (for comparison): " + wireMockCold.memory().mebibytes());
        if (jarMemory != null) {
            line("- idle standalone jar (default flags, `jcmd GC.run` then `GC.heap_info`): " + jarMemory.mebibytes()
                    + " — target ≤ 64 MiB heap: " + verdict("idle standalone jar ≤ 64 MiB heap used", jarMemory.heapUsed() <= 64L << 20));
        }
        if (settings.startupOnly()) {
            return;
        }

        // ---------------------------------------------------------------- JUnit lifecycles
        line("");
        line("## JUnit extension lifecycles (the underlying costs)");
        line("");
        line("| what | median | p99 | target |");
        line("|---|---|---|---|");
        Stats reset = Lifecycles.perClassReset(settings.resets());
        row("per-class lifecycle: `reset()` after a test that made a client and ran a code flow (" + settings.resets() + ")", reset.median(), reset.p99(),
                "≤ 1 ms median", reset.median() <= 1_000_000L);
        Stats fresh = Lifecycles.perMethodFreshServer(settings.freshServers());
        row("per-method lifecycle: build, start, first answer, stop (" + settings.freshServers() + ")", fresh.median(), fresh.p99(), "≤ 150 ms median",
                fresh.median() <= 150_000_000L);
    }

    /** The code-flow targets by short name, the baseline first. */
    static Map<String, Supplier<FlowTarget>> codeFlowTargets() {
        Map<String, Supplier<FlowTarget>> all = new LinkedHashMap<>();
        all.put("baseline", StaticStubs::new);
        all.put("off", () -> new MockFlow("mock, validation off", false, false));
        all.put("requests", () -> new MockFlow("mock, requests validated", true, false));
        all.put("full", () -> new MockFlow("mock, requests + responses validated", true, true));
        all.put("peer", OAuth2ServerFlow::new);
        return all;
    }

    /**
     * The code flow for every target at every number of callers. The targets run interleaved: every target is started
     * first, then each round runs one cell of each target at each number of callers, back to back (each round starting
     * with the next target, each cell after a full collection), and a target's ratio to the baseline is the median over
     * the rounds of the ratio within each round. The machine's speed drifts
     * (on this shared machine the baseline alone moved 2.6× between two runs); cells next to each other in time
     * see the same machine, and the first target no longer runs in a colder JVM than the others.
     */
    private void codeFlow() throws Exception {
        int[] callers = settings.callers();
        int rounds = settings.rounds();
        // ---------------------------------------------------------------- code flow
        line("");
        line("## Code flow: authorization → issue → token → introspection");
        line("");
        line("Flows per second (higher is better), median and p99 latency of one whole flow, and the time per flow as a ratio"
                + " to the static-stub baseline at the same number of callers (lower is better): medians over " + rounds
                + " interleaved round(s), each running every target's cell at that number of callers back to back (the order turned by one target each round, a full collection before each cell), the ratio taken within each round.");
        line("");
        Map<String, Supplier<FlowTarget>> all = codeFlowTargets();
        // -Dbench.targets=full (say) runs the baseline and the targets named, to see one beside the baseline alone
        List<String> chosen = List.of(System.getProperty("bench.targets", String.join(",", all.keySet())).split(","));
        List<Supplier<FlowTarget>> makers = all.entrySet().stream()
                .filter(e -> e.getKey().equals("baseline") || chosen.contains(e.getKey())).map(Map.Entry::getValue).toList();
        List<FlowTarget> targets = new ArrayList<>();
        Map<String, double[]> throughput = new LinkedHashMap<>();
        Map<String, double[]> ratiosToBaseline = new LinkedHashMap<>();
        Map<String, Stats[]> latency = new LinkedHashMap<>();
        try {
            for (Supplier<FlowTarget> make : makers) {
                FlowTarget target = make.get();
                targets.add(target);
                target.start();
                warm(target);
            }
            FlowRunner.Result[][][] results = new FlowRunner.Result[targets.size()][callers.length][rounds];
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < callers.length; i++) {
                    for (int k = 0; k < targets.size(); k++) {
                        // each round starts with the next target, so no target always runs right after the same one
                        int t = (k + round) % targets.size();
                        results[t][i][round] = cell(targets.get(t), callers[i], round);
                    }
                }
            }
            for (int t = 0; t < targets.size(); t++) {
                double[] rates = new double[callers.length];
                double[] ratios = new double[callers.length];
                Stats[] stats = new Stats[callers.length];
                for (int i = 0; i < callers.length; i++) {
                    double[] perRound = new double[rounds];
                    double[] ratioPerRound = new double[rounds];
                    for (int round = 0; round < rounds; round++) {
                        perRound[round] = results[t][i][round].flowsPerSecond();
                        // target 0 is the baseline (codeFlowTargets puts it first)
                        ratioPerRound[round] = results[0][i][round].flowsPerSecond() / perRound[round];
                    }
                    rates[i] = median(perRound);
                    ratios[i] = median(ratioPerRound);
                    stats[i] = results[t][i][medianIndex(perRound)].latency();
                }
                throughput.put(targets.get(t).name(), rates);
                ratiosToBaseline.put(targets.get(t).name(), ratios);
                latency.put(targets.get(t).name(), stats);
            }
        } finally {
            targets.forEach(FlowTarget::close);
        }
        line("| target | " + header(callers, "flows/s · median · p99 · ×baseline") + " |");
        line("|---|" + "---|".repeat(callers.length));
        throughput.forEach((name, rates) -> {
            StringBuilder row = new StringBuilder("| " + name + " |");
            for (int i = 0; i < callers.length; i++) {
                Stats s = latency.get(name)[i];
                row.append(rates[i] == 0 ? " no flow completed |"
                        : String.format(Locale.ROOT, " %.0f · %s · %s · %.2f× |", rates[i], ms(s.median()), ms(s.p99()), ratiosToBaseline.get(name)[i]));
            }
            line(row.toString());
        });
        line("");
        if (makers.size() < all.size()) {
            return; // a partial run: no verdicts
        }
        double worstOff = worst(ratiosToBaseline.get("mock, validation off"));
        double worstFull = worst(ratiosToBaseline.get("mock, requests + responses validated"));
        double[] peer = throughput.get(OAuth2ServerFlow.NAME);
        double[] full = throughput.get("mock, requests + responses validated");
        boolean fasterThanPeer = true;
        for (int i = 0; i < callers.length; i++) {
            fasterThanPeer &= full[i] > peer[i];
        }
        line("- validation off: worst ratio to the baseline " + String.format(Locale.ROOT, "%.2f×", worstOff) + " — target ≤ 1.3×: "
                + verdict("code flow, validation off ≤ 1.3× baseline", worstOff <= 1.3));
        line("- full validation: worst ratio to the baseline " + String.format(Locale.ROOT, "%.2f×", worstFull) + " — target ≤ 1.5×: "
                + verdict("code flow, full validation ≤ 1.5× baseline", worstFull <= 1.5));
        line("- faster than mock-oauth2-server's own code flow at every number of callers, even fully validated: "
                + verdict("faster than mock-oauth2-server", fasterThanPeer));
    }

    /** The heap a live token takes. */
    private void heapPerToken() throws Exception {
        int tokens = settings.tokens();
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
    }

    /** Every failed flow of the run ("" when none): the smoke test fails on any. */
    List<String> failures() {
        return failures;
    }

    private String finish(long began) throws IOException {
        line("");
        line("## Targets");
        line("");
        verdicts.forEach((what, met) -> line("- " + what + ": **" + (met ? "met" : "not met") + "**"));
        line("");
        line(String.format(Locale.ROOT, "Run took %.0f s; load average at the end %.2f.", (System.nanoTime() - began) / 1e9,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        Path out = settings.out();
        if (out.getParent() != null && Files.isDirectory(out.getParent())) {
            Files.writeString(out, report);
            System.err.println("written to " + out.toAbsolutePath());
        }
        return report.toString();
    }

    /** Runs {@code target} until the JIT settles (at most {@code bench.jitWarmup} seconds) and says how long it took. */
    private void warm(FlowTarget target) throws Exception {
        if (settings.jitWarmupSeconds() <= 0) {
            return;
        }
        JitWarmup.Result warmed = JitWarmup.run(target, settings.jitWarmupSeconds());
        System.err.printf(Locale.ROOT, "  %-40s warmed %.0f s: %s%n", target.name(), warmed.seconds(), warmed.steady()
                ? "the JIT settled" : "the JIT still compiled " + warmed.lastRoundCompileMillis() + " ms in the last round");
    }

    /** One measured cell, after a full collection (a cell does not pay for the garbage of the one before); printed, failures kept. */
    private FlowRunner.Result cell(FlowTarget target, int callers, int round) throws Exception {
        System.gc();
        FlowRunner.Result result = FlowRunner.run(target, callers, settings.warmup(), settings.seconds());
        System.err.printf(Locale.ROOT, "  %tT round %d  %-40s %2d callers: %8.0f flows/s, median %s, p99 %s, CPU %.0f µs/flow, failures %d%n",
                java.time.LocalTime.now(), round + 1, target.name(), callers, result.flowsPerSecond(), ms(result.latency().median()),
                ms(result.latency().p99()), result.cpuMicrosPerFlow(), result.failures());
        if (result.failures() > 0) {
            failures.add(target.name() + ", " + callers + " callers: " + result.failures() + " failed flows, first " + result.firstFailure());
            String first = result.firstFailure();
            System.err.println("    first failure: " + (first.length() > 300 ? first.substring(0, 300) + "…" : first));
        }
        return result;
    }

    private static double worst(double[] ratios) {
        double worst = 0;
        for (double ratio : ratios) {
            worst = Math.max(worst, ratio);
        }
        return worst;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The index of a median element (the lower one of an even count). */
    static int medianIndex(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        return order[(values.length - 1) / 2];
    }

    private static String header(int[] callers, String cell) {
        StringBuilder h = new StringBuilder();
        for (int i = 0; i < callers.length; i++) {
            h.append(i == 0 ? "" : " | ").append(callers[i]).append(callers[i] == 1 ? " caller: " : " callers: ").append(cell);
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
