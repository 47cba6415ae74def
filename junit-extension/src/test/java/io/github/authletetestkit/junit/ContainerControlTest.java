package io.github.authletetestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.Fault;
import io.github.authletetestkit.mock.control.AuthleteMockControl;
import io.github.authletetestkit.mock.internal.MockInternals;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link AuthleteMockContainer#control()} without Docker: a container whose base URL is a mock in this JVM that
 * demands an admin token, as the image does with {@code withAdminToken}. The scenario itself runs against the jar as a
 * process in {@code HttpControlJarIT} (mock-server) and in Docker in {@link AuthleteMockContainerDockerTest}.
 */
class ContainerControlTest {

    @Test
    void theControlUsesTheMappedUrlAndTheAdminToken() {
        try (AuthleteMockServer server = AuthleteMockServer.builder().adminToken("container-admin").build().start()) {
            AuthleteMockContainer container = new AuthleteMockContainer() {
                @Override
                public String baseUrl() {
                    return server.baseUrl();
                }
            }.withAdminToken("container-admin");

            AuthleteMockControl control = container.control();
            control.advanceClock(Duration.ofMinutes(30));
            control.addFault("auth_token_api", Fault.status(503), 2);

            assertThat(server.clock().offset()).isBetween(Duration.ofMinutes(30).minusSeconds(5), Duration.ofMinutes(30).plusSeconds(5));
            assertThat(MockInternals.of(server).faults().pending("auth_token_api")).isEqualTo(2);
            control.verify("auth_token_api", 0);
        }
    }
}
