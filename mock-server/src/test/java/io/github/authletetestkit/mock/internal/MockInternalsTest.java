package io.github.authletetestkit.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.Fault;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The way behind a server's API: its own parts, and nobody else's way in. */
class MockInternalsTest {

    @Test
    void eachServerHandsOutItsOwnParts() {
        try (AuthleteMockServer a = AuthleteMockServer.create(); AuthleteMockServer b = AuthleteMockServer.builder().serviceId(42).build()) {
            assertThat(MockInternals.of(a).store()).isNotSameAs(MockInternals.of(b).store());
            assertThat(MockInternals.of(a).defaultService().serviceId()).isEqualTo(AuthleteMockServer.DEFAULT_SERVICE_ID);
            assertThat(MockInternals.of(b).defaultService().serviceId()).isEqualTo(42);

            // what goes in through the internals is what the API shows
            MockInternals.of(a).faults().add("auth_token_api", Fault.status(503), 2);
            assertThat(a.control().faults()).singleElement().satisfies(f -> {
                assertThat(f.operation()).isEqualTo("auth_token_api");
                assertThat(f.calls()).isEqualTo(2);
            });
            assertThat(b.control().faults()).isEmpty();
        }
    }

    @Test
    void accessIsGrantedOnceByTheServerOnly() {
        AuthleteMockServer.create().close(); // the server class is initialised: it has taken its grant
        assertThatThrownBy(() -> MockInternals.grantAccess(server -> null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("once");
    }

    @Test
    void anUnknownRateLimitCategoryIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> AuthleteMockServer.builder().rateLimitTable(Map.of("tokens", 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"tokens\"").hasMessageContaining("service management").hasMessageContaining("token");
        assertThatThrownBy(() -> AuthleteMockServer.builder().rateLimitTable(Map.of("token", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        try (AuthleteMockServer small = AuthleteMockServer.builder().rateLimitTable(Map.of("token", 5)).build()) {
            assertThat(small.settings().rateLimitTable()).containsExactly(Map.entry("token", 5));
        }
    }
}
