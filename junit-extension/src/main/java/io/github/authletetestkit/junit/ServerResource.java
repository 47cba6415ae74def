package io.github.authletetestkit.junit;

import io.github.authletetestkit.mock.AuthleteMockServer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * One server the extension started, as kept in JUnit's extension store: the handle, which context owns
 * it, the lock that lets the tests sharing it run one at a time, and the system properties to restore.
 * {@link AutoCloseable}, so JUnit 5.13+ also closes it with its store; the extension closes it itself in
 * afterAll/afterEach for older versions. Closing twice is harmless.
 */
final class ServerResource implements AutoCloseable {

    final AuthleteMock mock;
    final String ownerId;
    final Semaphore testLock = new Semaphore(1, true);
    private final Set<AuthleteMock> running;
    private final Map<String, String> replacedProperties;
    private final CoverageFiles coverage;
    private boolean baselineCaptured;
    private boolean closed;

    private ServerResource(AuthleteMock mock, String ownerId, Set<AuthleteMock> running, Map<String, String> replacedProperties,
                           CoverageFiles coverage) {
        this.mock = mock;
        this.coverage = coverage;
        this.ownerId = ownerId;
        this.running = running;
        this.replacedProperties = replacedProperties;
    }

    /**
     * @param coverage where the server's coverage goes when it stops; null for nowhere
     */
    static ServerResource start(MockConfig config, String ownerId, Set<AuthleteMock> running, CoverageFiles coverage) {
        AuthleteMockServer server = AuthleteMockServer.of(config.settings()).start();
        try {
            AuthleteMock mock = AuthleteMock.of(server);
            if (!config.service().isEmpty()) {
                mock.updateService(config.service());
            }
            for (MockConfig.Seed seed : config.clients()) {
                mock.seedClient(seed.name(), seed.spec());
            }
            mock.captureBaseline();
            mock.reset(); // the journal starts without the seeding calls
            server.clearCoverage(); // and so does the coverage
            Map<String, String> replaced = config.systemProperties() ? publish(mock.properties()) : null;
            ServerResource resource = new ServerResource(mock, ownerId, running, replaced, coverage);
            if (config.lifecycle() == ServerLifecycle.PER_METHOD) {
                resource.baselineCaptured = true;
            }
            running.add(mock);
            return resource;
        } catch (RuntimeException | Error e) {
            server.stop();
            throw e;
        }
    }

    /**
     * Before a test on a shared server: the first time, what {@code @BeforeAll} methods set up becomes the
     * baseline; then back to the baseline. Responses that violated the spec before this (in {@code @BeforeAll})
     * fail this test rather than go unnoticed.
     */
    synchronized void startTest(MockConfig config) {
        if (!baselineCaptured) {
            if (config.strict()) {
                mock.assertNoSpecViolations();
            }
            mock.captureBaseline();
            baselineCaptured = true;
        }
        mock.reset();
    }

    private static Map<String, String> publish(Map<String, String> properties) {
        Map<String, String> replaced = new HashMap<>();
        properties.forEach((name, value) -> replaced.put(name, System.setProperty(name, value)));
        return replaced;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running.remove(mock);
        try {
            if (replacedProperties != null) {
                replacedProperties.forEach((name, previous) -> {
                    if (previous == null) {
                        System.clearProperty(name);
                    } else {
                        System.setProperty(name, previous);
                    }
                });
            }
        } finally {
            try {
                if (coverage != null) {
                    coverage.add(mock.server().coverage());
                }
            } finally {
                mock.server().stop();
            }
        }
    }
}
