package io.github.authletetestkit.mock.robustness;

import io.github.authletetestkit.mock.testing.HttpReply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Calls released together from a barrier, so they really race; their replies in the order given. */
final class Races {

    private Races() {}

    static List<HttpReply> all(ExecutorService pool, List<? extends Callable<HttpReply>> calls) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(calls.size());
        List<Future<HttpReply>> futures = new ArrayList<>();
        for (Callable<HttpReply> call : calls) {
            futures.add(pool.submit(() -> {
                barrier.await(10, TimeUnit.SECONDS);
                return call.call();
            }));
        }
        List<HttpReply> replies = new ArrayList<>();
        for (Future<HttpReply> f : futures) {
            replies.add(f.get(30, TimeUnit.SECONDS));
        }
        return replies;
    }
}
