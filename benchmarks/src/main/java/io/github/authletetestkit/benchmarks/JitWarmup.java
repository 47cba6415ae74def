package io.github.authletetestkit.benchmarks;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Runs a target until the JIT has compiled what it runs. The mock runs far more code than four static stubs (WireMock,
 * Jetty, the handlers, Jackson, the validator); on two cores its compilation went on for tens of seconds, and the
 * compiler threads' CPU time, which the JVM's CPU per flow includes, leaked into the first cells of whichever target
 * ran first. So each target runs in rounds of {@link #ROUND_SECONDS} (at 8 callers, then one caller for the
 * low-concurrency paths) until a round's compilation took under {@link #STEADY_MILLIS} ms, or {@code maxSeconds} passed.
 */
final class JitWarmup {

    static final double ROUND_SECONDS = 2.5;
    static final long STEADY_MILLIS = 50;

    /** How long a target was warmed, and whether the JIT had settled by then. */
    record Result(double seconds, boolean steady, long lastRoundCompileMillis) {}

    static Result run(FlowTarget target, double maxSeconds) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long started = System.nanoTime();
        long compiled = Long.MAX_VALUE;
        while ((System.nanoTime() - started) / 1e9 < maxSeconds) {
            long before = jit.getTotalCompilationTime();
            FlowRunner.run(target, 8, 0, ROUND_SECONDS * 0.8);
            FlowRunner.run(target, 1, 0, ROUND_SECONDS * 0.2);
            compiled = jit.getTotalCompilationTime() - before;
            if (compiled < STEADY_MILLIS) {
                break;
            }
        }
        return new Result((System.nanoTime() - started) / 1e9, compiled < STEADY_MILLIS, compiled);
    }

    private JitWarmup() {}
}
