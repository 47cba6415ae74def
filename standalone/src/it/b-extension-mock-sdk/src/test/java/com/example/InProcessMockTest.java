package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.api.AuthleteApiImplV3;
import com.authlete.common.conf.AuthleteSimpleConfiguration;
import com.authlete.common.dto.AuthorizationIssueRequest;
import com.authlete.common.dto.AuthorizationIssueResponse;
import com.authlete.common.dto.AuthorizationRequest;
import com.authlete.common.dto.AuthorizationResponse;
import com.authlete.common.dto.Service;
import com.authlete.common.dto.TokenRequest;
import com.authlete.common.dto.TokenResponse;
import io.github.authletetestkit.junit.AuthleteMock;
import io.github.authletetestkit.junit.AuthleteMockTest;
import io.github.authletetestkit.junit.RegisteredClient;
import io.github.authletetestkit.mock.AuthleteMockServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's in-process example and its JUnit quick start, side by side in one project. */
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
    void authorizationCodeFlowThroughTheExtension(AuthleteMock mock) {
        AuthleteApi api = mock.authleteApi();
        RegisteredClient client = mock.createConfidentialClient();

        AuthorizationResponse authorization = api.authorization(
                new AuthorizationRequest().setParameters(client.authorizationParameters("openid")));
        AuthorizationIssueResponse issued = api.authorizationIssue(
                new AuthorizationIssueRequest().setTicket(authorization.getTicket()).setSubject("alice"));
        TokenResponse token = api.token(new TokenRequest()
                .setParameters(client.tokenParameters(issued.getAuthorizationCode()))
                .setClientId(client.idAsString())
                .setClientSecret(client.secret()));

        assertThat(token.getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(token.getSubject()).isEqualTo("alice");
    }
}
