package io.github.authletetestkit.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

    @Test
    void healthyWhileTheMockRunsAndNotAfter() {
        AuthleteMockServer mock = AuthleteMockServer.builder().build().start();
        int port = mock.port();
        try {
            assertThat(HealthCheck.check(port)).isTrue();
        } finally {
            mock.stop();
        }
        assertThat(HealthCheck.check(port)).isFalse();
    }

    @Test
    void portComesFromTheSameVariableAsTheServersWithTheSameDefault() {
        assertThat(HealthCheck.port(null)).isEqualTo(8080);
        assertThat(HealthCheck.port(" ")).isEqualTo(8080);
        assertThat(HealthCheck.port("9090")).isEqualTo(9090);
    }
}
