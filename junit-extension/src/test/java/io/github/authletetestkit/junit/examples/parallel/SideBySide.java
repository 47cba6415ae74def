package io.github.authletetestkit.junit.examples.parallel;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Lets {@link ShopServerTest} and {@link BankServerTest} prove they run at the same time: when
 * ParallelExecutionTest runs them, each waits here until the other is running too (and fails if it never
 * comes). Run on their own, they do not wait.
 */
public final class SideBySide {

    /** The lock a test class running {@link #runBoth} holds ({@code @ResourceLock}): the example classes' static fields are one. */
    public static final String LOCK = "authlete-testkit:side-by-side-examples";

    private static volatile CyclicBarrier barrier;

    private SideBySide() {
    }

    /**
     * Runs both classes at the same time (parallel execution, two threads) with these extra configuration parameters,
     * and checks that both tests passed.
     */
    public static void runBoth(Map<String, String> parameters) {
        Map<String, String> configuration = new HashMap<>(Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "same_thread",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"));
        configuration.putAll(parameters);
        expectTwo();
        try {
            EngineTestKit.engine("junit-jupiter")
                    .configurationParameters(configuration)
                    .selectors(selectClass(ShopServerTest.class), selectClass(BankServerTest.class))
                    .execute()
                    .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        } finally {
            reset();
        }
    }

    /** Makes the next two calls of {@link #bothRunning()} wait for each other. */
    public static void expectTwo() {
        barrier = new CyclicBarrier(2);
    }

    public static void reset() {
        barrier = null;
    }

    /** Returns once the other class is running too. */
    static void bothRunning() throws Exception {
        CyclicBarrier current = barrier;
        if (current != null) {
            current.await(30, TimeUnit.SECONDS);
        }
    }
}
