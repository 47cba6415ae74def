package io.github.authletetestkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Runs flows on N threads for a warm-up and then a measured period; throughput and per-flow latency. */
final class FlowRunner {

    /** @param cpuMicrosPerFlow CPU time of the whole JVM (callers and server alike) per measured flow: less load-dependent than flows/s */
    record Result(double flowsPerSecond, Benchmarks.Stats latency, int failures, String firstFailure, double cpuMicrosPerFlow) {}

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    static Result run(FlowTarget target, int callers, double warmupSeconds, double measuredSeconds) throws Exception {
        List<FlowTarget.Caller> each = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            FlowTarget.Caller caller = target.caller(i);
            caller.flow(); // one untimed flow each: first-use costs (key generation, class loading) stay out of the figures
            each.add(caller);
        }
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        long measureEnd = warmEnd + (long) (measuredSeconds * 1e9);
        Benchmarks.Samples[] samples = new Benchmarks.Samples[callers];
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(callers);
        long[] firstMeasured = new long[callers];
        long[] lastMeasured = new long[callers];
        for (int i = 0; i < callers; i++) {
            int index = i;
            samples[i] = new Benchmarks.Samples();
            Thread thread = new Thread(() -> {
                try {
                    FlowTarget.Caller caller = each.get(index);
                    long now = System.nanoTime();
                    while (now < measureEnd) {
                        long started = now;
                        try {
                            caller.flow();
                        } catch (RuntimeException | AssertionError e) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, e.toString());
                        }
                        now = System.nanoTime();
                        if (started >= warmEnd) {
                            if (samples[index].size() == 0) {
                                firstMeasured[index] = started;
                            }
                            samples[index].add(now - started);
                            lastMeasured[index] = now;
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-caller-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        long untilMeasured = warmEnd - System.nanoTime();
        if (untilMeasured > 0) {
            Thread.sleep(untilMeasured / 1_000_000, (int) (untilMeasured % 1_000_000));
        }
        long cpuBefore = OS.getProcessCpuTime();
        done.await();
        long cpu = OS.getProcessCpuTime() - cpuBefore;
        Benchmarks.Samples all = new Benchmarks.Samples();
        for (Benchmarks.Samples s : samples) {
            all.addAll(s);
        }
        // flows completed in the measured period, over the measured period
        double seconds = measuredSeconds;
        return new Result(all.size() / seconds, all.stats(), failures.get(), firstFailure.get(), all.size() == 0 ? 0 : cpu / 1e3 / all.size());
    }

    private FlowRunner() {}
}
