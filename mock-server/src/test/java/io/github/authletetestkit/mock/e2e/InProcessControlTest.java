package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.control.AuthleteMockControl;
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
    protected AuthleteMockControl control() {
        return server.control();
    }

    @Override
    protected String baseUrl() {
        return server.baseUrl();
    }

    @Override
    protected long serviceId() {
        return server.serviceId();
    }

    @Override
    protected String serviceToken() {
        return server.serviceToken();
    }
}
