package io.github.authletetestkit.junit.examples.parallel;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Lets {@link ShopServerTest} and {@link BankServerTest} prove they run at the same time: when
 * ParallelExecutionTest runs them, each waits here until the other is running too (and fails if it never
 * comes). Run on their own, they do not wait.
 */
public final class SideBySide {

    private static volatile CyclicBarrier barrier;

    private SideBySide() {
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
