package io.github.authletetestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authletetestkit.mock.Fault;
import io.github.authletetestkit.mock.control.PlannedFault;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link AuthleteMock#control()}: the mock's control interface, resetting to the handle's baseline. */
@AuthleteMockTest
@SeedClient(name = "web")
class ControlHandleTest {

    @Test
    void resetThroughTheControlKeepsTheSeededClientsAndDropsTheRest(AuthleteMock mock) {
        RegisteredClient web = mock.client("web");
        RegisteredClient extra = mock.createConfidentialClient();
        mock.control().advanceClock(Duration.ofHours(1));
        mock.control().addFault("auth_token_api", Fault.status(503), 1);

        mock.control().reset();

        assertThat(mock.control().state()).contains("\"clientId\":" + web.id()).doesNotContain("\"clientId\":" + extra.id());
        assertThat(mock.control().clock().offset()).isZero();
        assertThat(mock.control().faults()).isEmpty();
    }

    @Test
    void theControlSeesTheCallsAndFaultsOfTheHandle(AuthleteMock mock) {
        mock.onNext("auth_introspection_api").respond(500);
        assertThat(mock.control().faults()).containsExactly(new PlannedFault("auth_introspection_api", Fault.status(500), 1));

        assertThatThrownBy(() -> JournalAndFaultsTest.introspect(mock, "t-1"));
        JournalAndFaultsTest.introspect(mock, "t-2");

        assertThat(mock.control().verify("auth_introspection_api", 2)).extracting(c -> c.status()).containsExactly(500, 200);
        assertThatThrownBy(() -> mock.control().verify("auth_token_api", 1))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected auth_token_api to be called once, but it was called never.");
    }
}
