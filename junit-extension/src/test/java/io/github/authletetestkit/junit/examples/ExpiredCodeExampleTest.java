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
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Authorization codes live ten minutes: the mock's clock moves past that without waiting. */
@AuthleteMockTest
class ExpiredCodeExampleTest {

    @Test
    void codeRedeemedElevenMinutesLaterIsRejected(AuthleteMock mock) {
        AuthleteApi api = mock.authleteApi();
        RegisteredClient client = mock.createConfidentialClient();
        String ticket = api.authorization(new AuthorizationRequest().setParameters(client.authorizationParameters("openid"))).getTicket();
        String code = api.authorizationIssue(new AuthorizationIssueRequest().setTicket(ticket).setSubject("alice")).getAuthorizationCode();

        mock.advanceClock(Duration.ofMinutes(11));
        TokenResponse token = api.token(new TokenRequest().setParameters(client.tokenParameters(code))
                .setClientId(client.idAsString()).setClientSecret(client.secret()));

        assertThat(token.getAction()).isEqualTo(TokenResponse.Action.BAD_REQUEST);
        assertThat(token.getResponseContent()).contains("invalid_grant");
    }
}
