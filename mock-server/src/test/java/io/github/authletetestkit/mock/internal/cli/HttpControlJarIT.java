package io.github.authletetestkit.mock.internal.cli;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.control.AuthleteMockControl;
import io.github.authletetestkit.mock.e2e.ControlScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The control scenario over HTTP against the packaged jar run as a process, as a container runs it. */
class HttpControlJarIT extends ControlScenario {

    private static final String ADMIN_TOKEN = "jar-admin-token";

    private MockProcess process;
    private AuthleteMockControl control;

    @BeforeAll
    void start() throws Exception {
        process = MockProcess.start("--port", "0", "--admin-token", ADMIN_TOKEN, "--log-format", "none");
        control = AuthleteMockControl.overHttp(process.baseUrl(), ADMIN_TOKEN);
    }

    @AfterAll
    void stop() throws Exception {
        process.close();
    }

    @Override
    protected Target target() {
        return new Target(control, process.baseUrl(), AuthleteMockServer.DEFAULT_SERVICE_ID, AuthleteMockServer.DEFAULT_SERVICE_TOKEN);
    }
}
