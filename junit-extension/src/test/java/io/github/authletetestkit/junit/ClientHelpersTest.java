package io.github.authletetestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.AuthorizationIssueRequest;
import com.authlete.common.dto.AuthorizationRequest;
import com.authlete.common.dto.AuthorizationResponse;
import com.authlete.common.dto.Client;
import com.authlete.common.dto.TokenRequest;
import com.authlete.common.dto.TokenResponse;
import com.authlete.common.types.ClientType;
import com.authlete.common.types.GrantType;
import io.github.authletetestkit.mock.Fault;
import io.github.authletetestkit.mock.internal.MockInternals;
import org.junit.jupiter.api.Test;

/** The client helpers register clients through the mock's API that then work in flows, with the requirements asked for. */
@AuthleteMockTest
class ClientHelpersTest {

    @Test
    void confidentialClientGetsIdAndSecretAndRunsTheCodeFlow(AuthleteMock mock) {
        RegisteredClient client = mock.createConfidentialClient();

        Client registered = mock.authleteApi().getClient(client.id());
        assertThat(registered.getClientType()).isEqualTo(ClientType.CONFIDENTIAL);
        assertThat(registered.getClientSecret()).isEqualTo(client.secret()).hasSize(86);
        assertThat(registered.getGrantTypes()).containsExactly(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);
        assertThat(registered.getRedirectUris()).containsExactly(AuthleteMock.DEFAULT_REDIRECT_URI);
        assertThat(client.confidential()).isTrue();
        assertThat(codeFlow(mock.authleteApi(), client, "", true).getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(codeFlow(mock.authleteApi(), new RegisteredClient(client.name(), client.id(), "wrong-secret", true, client.redirectUris(), client.grantTypes()), "", true).getAction()).isEqualTo(TokenResponse.Action.INVALID_CLIENT);
    }

    @Test
    void publicClientRedeemsCodesWithoutASecret(AuthleteMock mock) {
        RegisteredClient client = mock.createPublicClient();

        assertThat(mock.authleteApi().getClient(client.id()).getClientType()).isEqualTo(ClientType.PUBLIC);
        assertThat(client.confidential()).isFalse();
        assertThat(codeFlow(mock.authleteApi(), client, "", false).getAction()).isEqualTo(TokenResponse.Action.OK);
    }

    @Test
    void namesGrantTypesAndRedirectUrisAreTheSpecs(AuthleteMock mock) {
        RegisteredClient client = mock.createClient(ClientSpec.confidential().name("billing")
                .grantTypes("CLIENT_CREDENTIALS").responseTypes().redirectUris("https://billing.example.com/cb", "https://b.example.com/cb")
                .set("clientIdAlias", "billing-app"));

        Client registered = mock.authleteApi().getClient(client.id());
        assertThat(client.name()).isEqualTo("billing");
        assertThat(client.redirectUri()).isEqualTo("https://billing.example.com/cb");
        assertThat(registered.getGrantTypes()).containsExactly(GrantType.CLIENT_CREDENTIALS);
        assertThat(registered.getRedirectUris()).containsExactly("https://billing.example.com/cb", "https://b.example.com/cb");
        assertThat(registered.getClientIdAlias()).isEqualTo("billing-app");
        TokenResponse token = mock.authleteApi().token(new TokenRequest().setParameters("grant_type=client_credentials")
                .setClientId(client.idAsString()).setClientSecret(client.secret()));
        assertThat(token.getAction()).isEqualTo(TokenResponse.Action.OK);
    }

    @Test
    void pkceRequirementRejectsRequestsWithoutACodeChallenge(AuthleteMock mock) {
        RegisteredClient strict = mock.createClient(ClientSpec.publicClient().requirePkce());
        RegisteredClient lax = mock.createPublicClient();

        AuthorizationResponse refused = authorize(mock.authleteApi(), strict, "");
        AuthorizationResponse accepted = authorize(mock.authleteApi(), strict,
                "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");

        assertThat(refused.getAction()).isNotEqualTo(AuthorizationResponse.Action.INTERACTION);
        assertThat(refused.getResponseContent()).contains("invalid_request").contains("PKCE");
        assertThat(accepted.getAction()).isEqualTo(AuthorizationResponse.Action.INTERACTION);
        assertThat(authorize(mock.authleteApi(), lax, "").getAction()).isEqualTo(AuthorizationResponse.Action.INTERACTION);
    }

    @Test
    void pkceS256RequirementRejectsThePlainMethod(AuthleteMock mock) {
        RegisteredClient client = mock.createClient(ClientSpec.publicClient().requirePkceS256());

        AuthorizationResponse plain = authorize(mock.authleteApi(), client,
                "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=plain");

        assertThat(plain.getAction()).isNotEqualTo(AuthorizationResponse.Action.INTERACTION);
        assertThat(plain.getResponseContent()).contains("invalid_request");
    }

    @Test
    void parRequirementRejectsAuthorizationRequestsThatWereNotPushed(AuthleteMock mock) {
        RegisteredClient client = mock.createClient(ClientSpec.confidential().requirePar());

        AuthorizationResponse refused = authorize(mock.authleteApi(), client, "");

        assertThat(refused.getAction()).isNotEqualTo(AuthorizationResponse.Action.INTERACTION);
        assertThat(refused.getResponseContent()).contains("invalid_request");
        assertThat(MockInternals.of(mock.server()).defaultService().client(client.id()).orElseThrow().parRequired()).isTrue();
    }

    @Test
    void dpopRequirementRejectsTokenRequestsWithoutAProof(AuthleteMock mock) {
        ClientSpec machine = ClientSpec.confidential().grantTypes("CLIENT_CREDENTIALS").responseTypes();
        RegisteredClient bound = mock.createClient(machine.requireDpop());
        RegisteredClient unbound = mock.createClient(machine);

        assertThat(clientCredentials(mock.authleteApi(), bound).getAction()).isEqualTo(TokenResponse.Action.BAD_REQUEST);
        assertThat(clientCredentials(mock.authleteApi(), bound).getResponseContent()).contains("invalid_dpop_proof");
        assertThat(clientCredentials(mock.authleteApi(), unbound).getAction()).isEqualTo(TokenResponse.Action.OK);
    }

    @Test
    void helperCallsStayOutOfTheJournalViewsButNotOutOfTheServerJournal(AuthleteMock mock) {
        mock.createConfidentialClient();
        mock.authleteApi().getClientList();

        assertThat(mock.calls()).extracting("operationId").containsExactly("client_get_list_api");
        mock.verify().notCalled("client_create_api");
        assertThat(MockInternals.of(mock.server()).journal().count("client_create_api")).isEqualTo(1);
    }

    @Test
    void clientTheMockRefusesFailsWithItsAnswer(AuthleteMock mock) {
        assertThatThrownBy(() -> mock.createClient(ClientSpec.confidential().redirectUris("not a uri")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HTTP 400").hasMessageContaining("not a uri");
        assertThatThrownBy(() -> mock.createClient(ClientSpec.confidential().grantTypes("NO_SUCH_GRANT")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HTTP 400");
        MockInternals.of(mock.server()).faults().add(AuthleteMock.ANY_OPERATION, Fault.status(503), 1);
        assertThatThrownBy(mock::createConfidentialClient).hasMessageContaining("HTTP 503").hasMessageContaining("fault");
    }

    @Test
    void specsAreImmutableAndValidated() {
        ClientSpec base = ClientSpec.confidential();
        ClientSpec changed = base.requirePkce().name("x");

        assertThat(base.toJson("n").has("pkceRequired")).isFalse();
        assertThat(changed.toJson("n").get("pkceRequired").asBoolean()).isTrue();
        assertThat(changed.toJson("n").get("clientName").asText()).isEqualTo("x");
        assertThatThrownBy(() -> base.redirectUris(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.name(null)).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ flows, as an app would run them

    static AuthorizationResponse authorize(AuthleteApi api, RegisteredClient client, String extra) {
        return api.authorization(new AuthorizationRequest().setParameters(client.authorizationParameters("openid") + extra));
    }

    static TokenResponse codeFlow(AuthleteApi api, RegisteredClient client, String extra, boolean sendSecret) {
        AuthorizationResponse authorization = authorize(api, client, extra);
        assertThat(authorization.getAction()).as(authorization.getResultMessage()).isEqualTo(AuthorizationResponse.Action.INTERACTION);
        String code = api.authorizationIssue(new AuthorizationIssueRequest().setTicket(authorization.getTicket()).setSubject("alice"))
                .getAuthorizationCode();
        TokenRequest request = new TokenRequest().setParameters(client.tokenParameters(code)).setClientId(client.idAsString());
        return api.token(sendSecret ? request.setClientSecret(client.secret()) : request);
    }

    static TokenResponse clientCredentials(AuthleteApi api, RegisteredClient client) {
        return api.token(new TokenRequest().setParameters("grant_type=client_credentials")
                .setClientId(client.idAsString()).setClientSecret(client.secret()));
    }
}
