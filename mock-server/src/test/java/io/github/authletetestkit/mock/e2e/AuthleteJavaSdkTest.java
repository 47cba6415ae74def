package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.testing.MockHttp;
import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.AuthorizationIssueRequest;
import com.authlete.common.dto.AuthorizationIssueResponse;
import com.authlete.common.dto.AuthorizationRequest;
import com.authlete.common.dto.AuthorizationResponse;
import com.authlete.common.dto.Client;
import com.authlete.common.dto.IntrospectionRequest;
import com.authlete.common.dto.IntrospectionResponse;
import com.authlete.common.dto.RevocationRequest;
import com.authlete.common.dto.RevocationResponse;
import com.authlete.common.dto.TokenRequest;
import com.authlete.common.dto.TokenResponse;
import com.authlete.common.dto.UserInfoIssueRequest;
import com.authlete.common.dto.UserInfoIssueResponse;
import com.authlete.common.dto.UserInfoRequest;
import com.authlete.common.dto.UserInfoResponse;
import com.authlete.common.types.ClientType;
import com.authlete.common.types.GrantType;
import com.authlete.common.types.ResponseType;
import org.junit.jupiter.api.Test;

/** Authlete's own Java SDK, pointed at the mock, runs the code flow from client creation to revocation. */
class AuthleteJavaSdkTest extends MockServerTestBase {

    private AuthleteApi sdk() {
        return JavaSdk.api(mock);
    }

    @Test
    void codeFlowThroughTheSdk() {
        showingResponseBodies(this::codeFlow);
    }

    /** The SDK's exception hides the body, which says what the mock refused and why. */
    private static void showingResponseBodies(Runnable steps) {
        try {
            steps.run();
        } catch (com.authlete.common.api.AuthleteApiException e) {
            throw new AssertionError(e.getStatusCode() + " " + e.getResponseBody(), e);
        }
    }

    private void codeFlow() {
        AuthleteApi api = sdk();
        Client created = api.createClient(new Client()
                .setClientName("sdk client")
                .setClientType(ClientType.CONFIDENTIAL)
                .setGrantTypes(new GrantType[] {GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN})
                .setResponseTypes(new ResponseType[] {ResponseType.CODE})
                .setRedirectUris(new String[] {Flows.REDIRECT_URI}));
        assertThat(created.getClientId()).isPositive();
        assertThat(created.getClientSecret()).hasSize(86);
        assertThat(api.getClient(created.getClientId()).getClientName()).isEqualTo("sdk client");

        AuthorizationResponse authorization = api.authorization(new AuthorizationRequest().setParameters(
                "response_type=code&client_id=" + created.getClientId() + "&redirect_uri=" + MockHttp.enc(Flows.REDIRECT_URI)
                        + "&scope=openid+email&state=s1&nonce=n1"));
        assertThat(authorization.getAction()).isEqualTo(AuthorizationResponse.Action.INTERACTION);

        AuthorizationIssueResponse issued = api.authorizationIssue(new AuthorizationIssueRequest()
                .setTicket(authorization.getTicket()).setSubject("sdk-user"));
        assertThat(issued.getAction()).isEqualTo(AuthorizationIssueResponse.Action.LOCATION);
        assertThat(issued.getResponseContent()).contains("code=", "state=s1");

        TokenResponse token = api.token(new TokenRequest()
                .setParameters("grant_type=authorization_code&code=" + issued.getAuthorizationCode()
                        + "&redirect_uri=" + MockHttp.enc(Flows.REDIRECT_URI))
                .setClientId(Long.toString(created.getClientId()))
                .setClientSecret(created.getClientSecret()));
        assertThat(token.getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(token.getIdToken()).isNotBlank();
        assertThat(token.getRefreshToken()).isNotBlank();

        IntrospectionResponse introspection = api.introspection(new IntrospectionRequest().setToken(token.getAccessToken()));
        assertThat(introspection.getAction()).isEqualTo(IntrospectionResponse.Action.OK);
        assertThat(introspection.getSubject()).isEqualTo("sdk-user");

        UserInfoResponse userInfo = api.userinfo(new UserInfoRequest().setToken(token.getAccessToken()));
        assertThat(userInfo.getAction()).isEqualTo(UserInfoResponse.Action.OK);
        assertThat(userInfo.getClaims()).contains("email");
        UserInfoIssueResponse userInfoIssue = api.userinfoIssue(new UserInfoIssueRequest()
                .setToken(token.getAccessToken()).setClaims("{\"email\":\"sdk@example.com\"}"));
        assertThat(userInfoIssue.getAction()).isEqualTo(UserInfoIssueResponse.Action.JSON);
        assertThat(userInfoIssue.getResponseContent()).contains("sdk@example.com");

        RevocationResponse revocation = api.revocation(new RevocationRequest()
                .setParameters("token=" + token.getAccessToken())
                .setClientId(Long.toString(created.getClientId()))
                .setClientSecret(created.getClientSecret()));
        assertThat(revocation.getAction()).isEqualTo(RevocationResponse.Action.OK);
        assertThat(api.introspection(new IntrospectionRequest().setToken(token.getAccessToken())).getAction())
                .isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);

        api.deleteClient(created.getClientId());
    }

    @Test
    void serviceAndDiscoveryThroughTheSdk() {
        showingResponseBodies(this::serviceAndDiscovery);
    }

    private void serviceAndDiscovery() {
        AuthleteApi api = sdk();

        var service = api.getService(mock.serviceId());

        assertThat(service.getApiKey()).isEqualTo(mock.serviceId());
        assertThat(service.getSupportedGrantTypes()).contains(GrantType.AUTHORIZATION_CODE);
        assertThat(api.getServiceJwks()).contains("keys");
        assertThat(api.getServiceConfiguration()).contains("\"issuer\"");
    }
}
