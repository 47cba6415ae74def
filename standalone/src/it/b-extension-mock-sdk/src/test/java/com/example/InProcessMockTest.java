package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.api.AuthleteApiImplV3;
import com.authlete.common.conf.AuthleteSimpleConfiguration;
import com.authlete.common.dto.AuthorizationRequest;
import com.authlete.common.dto.AuthorizationResponse;
import com.authlete.common.dto.Service;
import io.github.authletetestkit.junit.AuthleteMock;
import io.github.authletetestkit.junit.AuthleteMockTest;
import io.github.authletetestkit.junit.RegisteredClient;
import io.github.authletetestkit.mock.AuthleteMockServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's in-process example and the extension's SDK client, side by side in one project. */
@AuthleteMockTest
class InProcessMockTest {

    @Test
    void theMockInYourOwnJavaCode() {
        try (AuthleteMockServer mock = AuthleteMockServer.builder().strict(true).build().start()) {
            AuthleteApi api = new AuthleteApiImplV3(new AuthleteSimpleConfiguration()
                    .setApiVersion("V3")
                    .setBaseUrl(mock.baseUrl())
                    .setServiceApiKey(Long.toString(mock.serviceId()))
                    .setServiceAccessToken(mock.serviceToken()));

            Service service = api.getService(mock.serviceId());
            mock.clock().advance(Duration.ofMinutes(11));
            mock.reset();

            assertThat(service.getApiKey()).isEqualTo(mock.serviceId());
        }
    }

    @Test
    void theExtensionHandsOutAnSdkClientOfItsMock(AuthleteMock mock) {
        RegisteredClient client = mock.createConfidentialClient();

        AuthorizationResponse authorization = mock.authleteApi().authorization(
                new AuthorizationRequest().setParameters(client.authorizationParameters("openid")));

        assertThat(authorization.getAction()).isEqualTo(AuthorizationResponse.Action.INTERACTION);
        assertThat(authorization.getClient().getClientId()).isEqualTo(client.id());
        assertThat(authorization.getTicket()).isNotBlank();
    }
}
