package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.AuthorizationIssueRequest;
import com.authlete.common.dto.AuthorizationIssueResponse;
import com.authlete.common.dto.AuthorizationRequest;
import com.authlete.common.dto.AuthorizationResponse;
import com.authlete.common.dto.TokenRequest;
import com.authlete.common.dto.TokenResponse;
import com.authlete.common.dto.UserInfoIssueRequest;
import com.authlete.common.dto.UserInfoIssueResponse;
import com.authlete.common.dto.UserInfoRequest;
import com.authlete.common.dto.UserInfoResponse;
import com.nimbusds.jwt.SignedJWT;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.testing.MockHttp;
import org.junit.jupiter.api.Test;

/** The OpenID Connect {@code claims} request parameter (Core 5.5), through Authlete's Java SDK unchanged. */
class ClaimsParameterTest extends MockServerTestBase {

    private static final String CLAIMS = "{\"id_token\":{\"email\":{\"essential\":true}},\"userinfo\":{\"phone_number\":null}}";

    private AuthorizationResponse authorize(Flows.Client client, String claims) {
        return JavaSdk.api(mock).authorization(new AuthorizationRequest().setParameters("response_type=code&client_id=" + client.id()
                + "&redirect_uri=" + MockHttp.enc(Flows.REDIRECT_URI) + "&scope=openid&nonce=n1&claims_locales=en%20ja&claims="
                + MockHttp.enc(claims)));
    }

    @Test
    void theRequestedClaimsReachTheIdTokenAndUserInfo() throws Exception {
        AuthleteApi sdk = JavaSdk.api(mock);
        Flows.Client client = flows.confidentialClient();

        AuthorizationResponse authorization = authorize(client, CLAIMS);

        assertThat(authorization.getAction()).isEqualTo(AuthorizationResponse.Action.INTERACTION);
        assertThat(authorization.getClaims()).contains("email").doesNotContain("phone_number");
        assertThat(authorization.getClaimsAtUserInfo()).contains("phone_number");
        assertThat(Json.parse(authorization.getIdTokenClaims()).at("/email/essential").asBoolean()).isTrue();
        assertThat(Json.parse(authorization.getUserInfoClaims()).has("phone_number")).isTrue();
        assertThat(authorization.getClaimsLocales()).containsExactly("en", "ja");

        // the server gathers what was asked and hands it over at the issue call
        AuthorizationIssueResponse issued = sdk.authorizationIssue(new AuthorizationIssueRequest().setTicket(authorization.getTicket())
                .setSubject("alice").setClaims("{\"email\":\"alice@example.com\"}"));
        TokenResponse token = sdk.token(new TokenRequest().setClientId(Long.toString(client.id())).setClientSecret(client.secret())
                .setParameters("grant_type=authorization_code&code=" + issued.getAuthorizationCode()
                        + "&redirect_uri=" + MockHttp.enc(Flows.REDIRECT_URI)));
        assertThat(SignedJWT.parse(token.getIdToken()).getJWTClaimsSet().getStringClaim("email")).isEqualTo("alice@example.com");

        UserInfoResponse userInfo = sdk.userinfo(new UserInfoRequest().setToken(token.getAccessToken()));
        assertThat(userInfo.getClaims()).contains("phone_number");
        assertThat(Json.parse(userInfo.getUserInfoClaims()).has("phone_number")).isTrue();
        UserInfoIssueResponse userInfoIssued = sdk.userinfoIssue(new UserInfoIssueRequest().setToken(token.getAccessToken())
                .setClaims("{\"phone_number\":\"+1 555 0100\",\"address\":{\"country\":\"JP\"}}"));
        assertThat(Json.parse(userInfoIssued.getResponseContent()).get("phone_number").asText()).isEqualTo("+1 555 0100");
        assertThat(Json.parse(userInfoIssued.getResponseContent()).has("address")).as("neither asked for nor in a scope").isFalse();
    }

    @Test
    void withoutTheParameterOnlyTheScopesCount() {
        AuthorizationResponse authorization = JavaSdk.api(mock).authorization(new AuthorizationRequest().setParameters(
                "response_type=code&client_id=" + flows.confidentialClient().id() + "&redirect_uri=" + MockHttp.enc(Flows.REDIRECT_URI)
                        + "&scope=openid%20email"));

        assertThat(authorization.getClaims()).contains("email", "email_verified").doesNotContain("phone_number");
        assertThat(authorization.getIdTokenClaims()).isNull();
        assertThat(authorization.getUserInfoClaims()).isNull();
    }

    @Test
    void aMalformedParameterGoesBackToTheClientAsInvalidRequest() {
        AuthorizationResponse notJson = authorize(flows.confidentialClient(), "{not json");
        AuthorizationResponse notAnObject = authorize(flows.confidentialClient(), "{\"id_token\":[\"email\"]}");

        assertThat(notJson.getAction()).isEqualTo(AuthorizationResponse.Action.LOCATION);
        assertThat(notJson.getResponseContent()).contains("error=invalid_request");
        assertThat(notAnObject.getAction()).isEqualTo(AuthorizationResponse.Action.LOCATION);
        assertThat(notAnObject.getResponseContent()).contains("error=invalid_request");
    }
}
