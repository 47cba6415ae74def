package io.github.authletetestkit.benchmarks;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One code-flow target at one number of callers for a while: what to run under a profiler, so that the profile
 * holds nothing but that target. {@code java -cp <benchmarks jar> io.github.authletetestkit.benchmarks.OneTarget
 * full 32 20} (target {@code baseline|off|requests|full|peer}, callers, seconds), after running it until the JIT settled ({@link JitWarmup}).
 */
public final class OneTarget {

    private static final Map<String, Supplier<FlowTarget>> TARGETS = Benchmarks.codeFlowTargets();

    public static void main(String[] args) throws Exception {
        Supplier<FlowTarget> make = TARGETS.get(args.length > 0 ? args[0] : "full");
        if (make == null) {
            throw new IllegalArgumentException("target: one of " + TARGETS.keySet());
        }
        int callers = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 20;
        try (FlowTarget target = make.get()) {
            target.start();
            JitWarmup.run(target, Double.parseDouble(System.getProperty("bench.jitWarmup", "60")));
            System.out.println("warmed; measuring");
            FlowRunner.Result result = FlowRunner.run(target, callers, 1, seconds);
            System.out.printf(Locale.ROOT, "%s, %d callers: %.0f flows/s, median %.2f ms, CPU %.0f µs/flow, failures %d%n", target.name(),
                    callers, result.flowsPerSecond(), result.latency().median() / 1e6, result.cpuMicrosPerFlow(), result.failures());
        }
        System.exit(0);
    }

    private OneTarget() {}
}
