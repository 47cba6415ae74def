package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.AuthorizationIssueRequest;
import com.authlete.common.dto.AuthorizationIssueResponse;
import com.authlete.common.dto.AuthorizationRequest;
import com.authlete.common.dto.AuthorizationResponse;
import com.authlete.common.dto.TokenRequest;
import com.authlete.common.dto.TokenResponse;
import io.github.authletetestkit.junit.AuthleteMock;
import io.github.authletetestkit.junit.AuthleteMockTest;
import io.github.authletetestkit.junit.RegisteredClient;
import org.junit.jupiter.api.Test;

@AuthleteMockTest
class QuickStartTest {

    @Test
    void authorizationCodeFlow(AuthleteMock mock) {
        AuthleteApi api = mock.authleteApi();   // an AuthleteApiImplV3 pointed at the mock
        RegisteredClient client = mock.createConfidentialClient();

        AuthorizationResponse authorization = api.authorization(
                new AuthorizationRequest().setParameters(client.authorizationParameters("openid")));
        AuthorizationIssueResponse issued = api.authorizationIssue(
                new AuthorizationIssueRequest().setTicket(authorization.getTicket()).setSubject("alice"));
        TokenResponse token = api.token(new TokenRequest()
                .setParameters(client.tokenParameters(issued.getAuthorizationCode()))
                .setClientId(client.idAsString())
                .setClientSecret(client.secret()));

        assertEquals(TokenResponse.Action.OK, token.getAction());
        mock.verify().called("auth_token_api").withBodyField("clientId", client.idAsString()).once();
    }

    @Test
    void everyTestStartsWithoutClients(AuthleteMock mock) {
        assertEquals(0, mock.authleteApi().getClientList().getTotalCount());
    }
}
