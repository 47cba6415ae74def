package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.control.AuthleteMockControl;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The control scenario through the admin API ({@code AuthleteMockControl.overHttp}) of a mock in this JVM that
 * demands an admin token; {@code HttpControlJarIT} runs it against the jar as a process.
 */
class HttpControlTest extends ControlScenario {

    private static final String ADMIN_TOKEN = "admin-secret";

    private AuthleteMockServer server;
    private AuthleteMockControl control;

    @BeforeAll
    void start() {
        server = AuthleteMockServer.builder().adminToken(ADMIN_TOKEN).build().start();
        control = AuthleteMockControl.overHttp(server.baseUrl() + "/", ADMIN_TOKEN);
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Override
    protected Target target() {
        return Target.of(server, control);
    }

    @Test
    void movesTheServersOwnClock() {
        control.advanceClock(Duration.ofDays(1));

        assertThat(server.clock().offset()).isBetween(Duration.ofDays(1).minusSeconds(5), Duration.ofDays(1).plusSeconds(5));
    }

    @Test
    void withoutTheAdminTokenItSaysWhatIsMissing() {
        AuthleteMockControl noToken = AuthleteMockControl.overHttp(server.baseUrl(), null);

        assertThatThrownBy(noToken::clock).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("Give the admin token");
        assertThatThrownBy(() -> AuthleteMockControl.overHttp(server.baseUrl(), "wrong").reset())
                .hasMessageContaining("Is the admin token right?");
    }

    @Test
    void aMockThatIsNotThereIsAReadableError() {
        AuthleteMockServer stopped = AuthleteMockServer.builder().build().start();
        String url = stopped.baseUrl();
        stopped.stop();

        assertThatThrownBy(() -> AuthleteMockControl.overHttp(url, null).clock())
                .hasMessageContaining("did not answer GET clock").hasMessageContaining(url);
    }
}
