package io.github.authletetestkit.junit.examples.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.dto.IntrospectionRequest;
import com.authlete.common.dto.IntrospectionResponse;
import io.github.authletetestkit.junit.AuthleteMock;
import io.github.authletetestkit.junit.AuthleteMockTest;
import io.github.authletetestkit.junit.RegisteredClient;
import org.junit.jupiter.api.Test;

/** The other of two app test classes that run side by side (see {@link ShopServerTest}), each with its own mock. */
@AuthleteMockTest(serviceToken = "bank-token")
class BankServerTest {

    static AuthleteMock mock;

    @Test
    void ownClientsAndCallsWhileTheShopRuns() throws Exception {
        RegisteredClient bank = mock.createConfidentialClient();
        SideBySide.bothRunning();

        IntrospectionResponse unknown = mock.authleteApi().introspection(new IntrospectionRequest().setToken("bank-token-1"));

        assertThat(unknown.getAction()).isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);
        assertThat(mock.authleteApi().getClientList().getClients()).extracting("clientId").containsExactly(bank.id());
        mock.verify().called("auth_introspection_api").withBodyField("token", "bank-token-1").once();
    }
}
