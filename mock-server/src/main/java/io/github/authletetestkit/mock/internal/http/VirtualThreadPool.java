package io.github.authletetestkit.mock.internal.http;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.ThreadPoolFactory;
import java.util.concurrent.Executors;
import wiremock.org.eclipse.jetty.util.thread.QueuedThreadPool;
import wiremock.org.eclipse.jetty.util.thread.ThreadPool;

/**
 * Jetty's pool with every request on a virtual thread of its own: a client that sends its body slowly, or
 * not at all, holds only a virtual thread until the idle timeout, never one of the pool's few platform threads
 * (which accept connections and select), so it cannot starve other callers.
 */
public final class VirtualThreadPool implements ThreadPoolFactory {

    @Override
    public ThreadPool buildThreadPool(Options options) {
        QueuedThreadPool pool = new QueuedThreadPool(options.containerThreads());
        pool.setName("authlete-mock");
        pool.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("authlete-mock-request-", 0).factory()));
        return pool;
    }
}
