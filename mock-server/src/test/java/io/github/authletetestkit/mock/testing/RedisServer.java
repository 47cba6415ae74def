package io.github.authletetestkit.mock.testing;

import io.github.authletetestkit.mock.internal.store.redis.RedisServerProcess;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;

/**
 * The test JVM's real {@code redis-server}, started on first use, stopped when the JVM exits. Each test takes a
 * deployment name of its own, so tests that share the server never see each other's keys. Where no binary can be
 * found the calling test is skipped, saying so ({@code .ci/run} installs Debian's {@code redis-server}).
 */
public final class RedisServer {

    private static final AtomicLong DEPLOYMENTS = new AtomicLong();
    private static RedisServerProcess shared;

    private RedisServer() {}

    /** The JVM's redis-server, started on first use; the calling test is skipped when there is no binary. */
    public static synchronized RedisServer shared() {
        Optional<Path> binary = RedisServerProcess.binary();
        Assumptions.assumeTrue(binary.isPresent(), "no redis-server binary (install Debian's redis-server or set REDIS_SERVER): Redis store tests skipped");
        if (shared == null) {
            shared = RedisServerProcess.start(binary.get());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return new RedisServer();
    }

    /** A store URI of a deployment no other test uses. */
    public String newDeployment(String name) {
        return shared.storeUri(name + "-" + ProcessHandle.current().pid() + "-" + DEPLOYMENTS.incrementAndGet());
    }
}
