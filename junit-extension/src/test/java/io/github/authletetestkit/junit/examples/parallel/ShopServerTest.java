package io.github.authletetestkit.junit.examples.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.dto.IntrospectionRequest;
import com.authlete.common.dto.IntrospectionResponse;
import io.github.authletetestkit.junit.AuthleteMock;
import io.github.authletetestkit.junit.AuthleteMockTest;
import io.github.authletetestkit.junit.RegisteredClient;
import org.junit.jupiter.api.Test;

/** One of two app test classes that run side by side (see {@link BankServerTest}), each with its own mock. */
@AuthleteMockTest
class ShopServerTest {

    static AuthleteMock mock;

    @Test
    void ownClientsAndCallsWhileTheBankRuns() throws Exception {
        RegisteredClient shop = mock.createConfidentialClient();
        SideBySide.bothRunning();

        IntrospectionResponse unknown = mock.authleteApi().introspection(new IntrospectionRequest().setToken("shop-token"));

        assertThat(unknown.getAction()).isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);
        assertThat(mock.authleteApi().getClientList().getClients()).extracting("clientId").containsExactly(shop.id());
        mock.verify().called("auth_introspection_api").withBodyField("token", "shop-token").once();
    }
}
