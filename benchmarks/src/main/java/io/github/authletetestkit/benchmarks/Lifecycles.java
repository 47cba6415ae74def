package io.github.authletetestkit.benchmarks;

import io.github.authletetestkit.mock.AuthleteMockServer;

/**
 * What the JUnit extension's two lifecycles cost per test, measured on the calls they are made of: one
 * server per class and {@link AuthleteMockServer#reset()} after each test, or a new server per test.
 */
final class Lifecycles {

    /** reset() after each iteration left a client, a ticket-free code flow's token pair and a journal behind. */
    static Benchmarks.Stats perClassReset(int runs) throws Exception {
        try (AuthleteMockServer mock = AuthleteMockServer.builder().build().start()) {
            MockFlow state = new MockFlow("reset", true, true);
            state.attach(mock);
            long[] times = new long[runs];
            for (int i = 0; i < runs + 50; i++) {
                state.caller(i).flow();
                long started = System.nanoTime();
                mock.reset();
                long took = System.nanoTime() - started;
                if (i >= 50) {
                    times[i - 50] = took;
                }
            }
            return Benchmarks.Stats.of(times);
        }
    }

    /** A new server per test: build, start, first answer, stop. */
    static Benchmarks.Stats perMethodFreshServer(int runs) throws Exception {
        long[] times = new long[runs];
        for (int i = 0; i < runs + 3; i++) {
            long started = System.nanoTime();
            AuthleteMockServer mock = AuthleteMockServer.builder().build().start();
            Benchmarks.awaitHealthy(mock.baseUrl(), started + 60_000_000_000L);
            mock.stop();
            if (i >= 3) {
                times[i - 3] = System.nanoTime() - started;
            }
        }
        return Benchmarks.Stats.of(times);
    }

    private Lifecycles() {}
}
