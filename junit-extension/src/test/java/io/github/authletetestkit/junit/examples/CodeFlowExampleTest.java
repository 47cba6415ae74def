package io.github.authletetestkit.junit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.AuthorizationIssueRequest;
import com.authlete.common.dto.AuthorizationRequest;
import com.authlete.common.dto.TokenRequest;
import com.authlete.common.dto.TokenResponse;
import io.github.authletetestkit.junit.AuthleteMock;
import io.github.authletetestkit.junit.AuthleteMockTest;
import io.github.authletetestkit.junit.RegisteredClient;
import org.junit.jupiter.api.Test;

/** The authorization-code flow as an app drives it through Authlete's Java SDK. */
@AuthleteMockTest
class CodeFlowExampleTest {

    @Test
    void codeFlowThroughTheSdk(AuthleteMock mock) {
        AuthleteApi api = mock.authleteApi();
        RegisteredClient client = mock.createConfidentialClient();

        String ticket = api.authorization(new AuthorizationRequest().setParameters(client.authorizationParameters("openid"))).getTicket();
        String code = api.authorizationIssue(new AuthorizationIssueRequest().setTicket(ticket).setSubject("alice")).getAuthorizationCode();
        TokenResponse token = api.token(new TokenRequest().setParameters(client.tokenParameters(code))
                .setClientId(client.idAsString()).setClientSecret(client.secret()));

        assertThat(token.getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(token.getIdToken()).isNotBlank();
        mock.verify().calledInOrder("auth_authorization_api", "auth_authorization_issue_api", "auth_token_api");
        mock.verify().called("auth_token_api").withBodyField("clientId", client.idAsString()).once();
    }
}
