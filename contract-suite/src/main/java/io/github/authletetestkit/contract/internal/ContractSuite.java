package io.github.authletetestkit.contract.internal;

import io.github.authletetestkit.contract.internal.check.AllowList;
import io.github.authletetestkit.contract.internal.check.SpecChecker;
import io.github.authletetestkit.contract.internal.report.FlowRecorder;
import io.github.authletetestkit.contract.internal.report.Masker;
import io.github.authletetestkit.contract.internal.report.ProgressListener;
import io.github.authletetestkit.contract.internal.report.RunReport;
import io.github.authletetestkit.contract.internal.target.EmbeddedMockTarget;
import io.github.authletetestkit.contract.internal.target.JdkHttpTransport;
import io.github.authletetestkit.contract.internal.target.PacedCaller;
import io.github.authletetestkit.contract.internal.target.Pacer;
import io.github.authletetestkit.contract.internal.target.RetryPolicy;
import io.github.authletetestkit.contract.internal.target.Sleeper;
import io.github.authletetestkit.contract.internal.target.Target;
import io.github.authletetestkit.contract.internal.target.Transport;
import io.github.authletetestkit.flows.internal.CleanupRegistry;
import io.github.authletetestkit.flows.internal.Flow;
import io.github.authletetestkit.flows.internal.FlowCatalog;
import io.github.authletetestkit.flows.internal.FlowEnvironment;
import io.github.authletetestkit.flows.internal.FlowRunner;
import io.github.authletetestkit.flows.internal.LeftoverSweeper;
import io.github.authletetestkit.spec.internal.ActionCatalog;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The contract suite's entry for code: runs the flows against a target, every exchange checked against a
 * spec; optionally runs them on the embedded mock too and compares. The command line and the JUnit entry
 * point both go through here.
 *
 * <pre>{@code
 * try (Target target = TargetSelection.mock().open(System.getenv())) {
 *     RunReport report = ContractSuite.run(target, ContractSuite.Options.defaults());
 *     ReportWriter.writeAll(report, Path.of("target/contract-report"));
 * }
 * }</pre>
 */
public final class ContractSuite {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ContractSuite() {
    }

    /**
     * How to run.
     *
     * @param spec            a file, URL or {@code classpath:} resource; {@code null} for the bundled spec
     * @param flows           flow ids to run (service-read is always added); empty for all
     * @param readOnly        run only flows that create nothing
     * @param allowList       findings a spec is known to cause by contradicting itself
     * @param listener        progress, e.g. {@link io.github.authletetestkit.contract.internal.report.ConsoleReporter}
     * @param shutdownHook    delete what the run created when the JVM is stopped (Ctrl-C, kill) mid-run
     * @param sleeper         how pacing, back-off and a live target's polling intervals wait
     * @param clock           the clock pacing counts with
     * @param requestTimeout  per HTTP request
     * @param transports      how to reach a base URL (tests put a recording or failing transport here)
     */
    public record Options(String spec, List<String> flows, boolean readOnly, AllowList allowList, ProgressListener listener,
                          boolean shutdownHook, Sleeper sleeper, Clock clock, Duration requestTimeout,
                          Function<String, Transport> transports) {

        public Options {
            flows = flows == null ? List.of() : List.copyOf(flows);
            allowList = allowList == null ? AllowList.defaults() : allowList;
            sleeper = sleeper == null ? Sleeper.REAL : sleeper;
            clock = clock == null ? Clock.systemUTC() : clock;
            requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        }

        public static Options defaults() {
            return new Options(null, List.of(), false, null, null, false, null, null, null, null);
        }

        public Options withSpec(String value) {
            return new Options(value, flows, readOnly, allowList, listener, shutdownHook, sleeper, clock, requestTimeout, transports);
        }

        public Options withFlows(List<String> value) {
            return new Options(spec, value, readOnly, allowList, listener, shutdownHook, sleeper, clock, requestTimeout, transports);
        }

        public Options withReadOnly(boolean value) {
            return new Options(spec, flows, value, allowList, listener, shutdownHook, sleeper, clock, requestTimeout, transports);
        }

        public Options withAllowList(AllowList value) {
            return new Options(spec, flows, readOnly, value, listener, shutdownHook, sleeper, clock, requestTimeout, transports);
        }

        public Options withListener(ProgressListener value) {
            return new Options(spec, flows, readOnly, allowList, value, shutdownHook, sleeper, clock, requestTimeout, transports);
        }

        public Options withShutdownHook(boolean value) {
            return new Options(spec, flows, readOnly, allowList, listener, value, sleeper, clock, requestTimeout, transports);
        }

        public Options withSleeper(Sleeper value) {
            return new Options(spec, flows, readOnly, allowList, listener, shutdownHook, value, clock, requestTimeout, transports);
        }

        public Options withRequestTimeout(Duration value) {
            return new Options(spec, flows, readOnly, allowList, listener, shutdownHook, sleeper, clock, value, transports);
        }

        public Options withTransports(Function<String, Transport> value) {
            return new Options(spec, flows, readOnly, allowList, listener, shutdownHook, sleeper, clock, requestTimeout, value);
        }

        AuthleteSpec loadSpec() {
            return spec == null || spec.isBlank() ? AuthleteSpec.bundled() : AuthleteSpec.load(spec);
        }

        Transport transport(String baseUrl) {
            return transports != null ? transports.apply(baseUrl) : new JdkHttpTransport(baseUrl, requestTimeout);
        }
    }

    /** The target's report (with the differences) and the mock's own report, from differential mode. */
    public record Comparison(RunReport target, RunReport mock) {
    }

    /** Runs the selected flows on the target. */
    public static RunReport run(Target target, Options options) {
        return run(target, options, interruption -> { });
    }

    /** As {@link #run(Target, Options)}; {@code interruptionReady} gets what an interrupt does (tests drive it). */
    static RunReport run(Target target, Options options, java.util.function.Consumer<Runnable> interruptionReady) {
        Objects.requireNonNull(target, "target");
        AuthleteSpec spec = options.loadSpec();
        SpecChecker checker = new SpecChecker(spec, options.allowList());
        List<Flow> flows = FlowCatalog.select(options.flows());
        Masker masker = new Masker(target.credentials().secrets());
        PacedCaller caller = caller(target, options);
        CleanupRegistry registry = new CleanupRegistry();
        String runId = HexFormat.of().formatHex(randomBytes());
        FlowEnvironment env = new FlowEnvironment(caller, target::elapse, registry, runId);
        FlowRecorder recorder = new FlowRecorder(checker, masker, caller.serviceId(), options.listener());

        RunInterruption interruption = new RunInterruption(registry, caller, masker, runId,
                options.requestTimeout().plusSeconds(1), System.err);
        interruptionReady.accept(interruption);
        Thread hook = options.shutdownHook() ? shutdownHook(interruption) : null;
        Instant started = Instant.now();
        long begin = System.nanoTime();
        try {
            new FlowRunner(env, options.readOnly(), checker::hasOperation, recorder).run(flows);
        } finally {
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or ran: it cleans up
                }
            }
        }
        return new RunReport(target.name(), target.baseUrl(), spec.source(), title(spec), spec.version(), null, runId, started,
                (System.nanoTime() - begin) / 1_000_000, recorder.results(), List.of(), ActionCatalog.of(spec).actions());
    }

    /** Runs the flows on the target, then on a fresh embedded mock, and puts the differences into the target's report. */
    public static Comparison runAndCompare(Target target, Options options) {
        return runAndCompare(target, options, options.listener());
    }

    /** As {@link #runAndCompare(Target, Options)}, telling {@code mockListener} about the mock's run. */
    public static Comparison runAndCompare(Target target, Options options, ProgressListener mockListener) {
        RunReport onTarget = run(target, options);
        RunReport onMock;
        try (EmbeddedMockTarget mock = EmbeddedMockTarget.start()) {
            onMock = run(mock, options.withListener(mockListener));
        }
        return new Comparison(onTarget.withDifferences("mock", Differential.compare(onTarget, onMock)), onMock);
    }

    /** {@code --cleanup}: removes what earlier, interrupted runs left on the target. */
    public static LeftoverSweeper.Result cleanup(Target target, Options options) throws IOException, InterruptedException {
        boolean revoke = new SpecChecker(options.loadSpec(), options.allowList()).hasOperation("auth_token_revoke_api");
        return LeftoverSweeper.sweep(caller(target, options), revoke);
    }

    private static PacedCaller caller(Target target, Options options) {
        return new PacedCaller(options.transport(target.baseUrl()), target.credentials(),
                new Pacer(target.limits(), options.clock(), options.sleeper()), RetryPolicy.standard(), options.sleeper());
    }

    private static Thread shutdownHook(RunInterruption interruption) {
        Thread hook = new Thread(interruption, "authlete-contract-suite-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String title(AuthleteSpec spec) {
        return spec.openApi().getInfo() == null ? "" : String.valueOf(spec.openApi().getInfo().getTitle());
    }
}
