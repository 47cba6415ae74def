package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.AuthleteMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The control scenario through {@code AuthleteMockServer.control()}: no HTTP between the test and the mock's state. */
class InProcessControlTest extends ControlScenario {

    private AuthleteMockServer server;

    @BeforeAll
    void start() {
        server = AuthleteMockServer.builder().build().start();
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Override
    protected Target target() {
        return Target.of(server, server.control());
    }
}
