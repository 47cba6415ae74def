package io.github.authletetestkit.mock.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} process for the tests of the Redis store: one per test JVM, started on first use on a
 * free port without persistence, stopped when the JVM exits. Each test takes its own deployment name, so tests
 * that share the server never see each other's keys. Where no {@code redis-server} binary can be found the
 * calling test is skipped, saying so ({@code .ci/run} installs Debian's {@code redis-server}).
 */
public final class RedisServer {

    private static final AtomicLong DEPLOYMENTS = new AtomicLong();
    private static volatile RedisServer shared;

    private final Process process;
    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The binary: {@code REDIS_SERVER} if set, else {@code redis-server} on the PATH or in /usr/bin, /usr/sbin. */
    public static Optional<Path> binary() {
        String configured = System.getenv("REDIS_SERVER");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return java.util.stream.Stream.concat(java.util.Arrays.stream(path.split(java.io.File.pathSeparator)), java.util.stream.Stream.of("/usr/bin", "/usr/sbin", "/usr/local/bin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "redis-server")).filter(Files::isExecutable).findFirst();
    }

    /** The JVM's redis-server, started on first use; the calling test is skipped when there is no binary. */
    public static synchronized RedisServer shared() {
        Optional<Path> binary = binary();
        Assumptions.assumeTrue(binary.isPresent(), "no redis-server binary (install Debian's redis-server or set REDIS_SERVER): Redis store tests skipped");
        if (shared == null) {
            shared = start(binary.get());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    private static RedisServer start(Path binary) {
        try {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            Process process = new ProcessBuilder(List.of(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "no"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server exited with " + process.exitValue());
                }
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    return new RedisServer(process, port);
                } catch (IOException notYet) {
                    Thread.sleep(20);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("redis-server did not listen on port " + port + " within 20 s");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A store URI of a deployment no other test uses. */
    public String newDeployment(String name) {
        return "redis://127.0.0.1:" + port + "/0?deployment=" + name + "-" + ProcessHandle.current().pid() + "-" + DEPLOYMENTS.incrementAndGet();
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
