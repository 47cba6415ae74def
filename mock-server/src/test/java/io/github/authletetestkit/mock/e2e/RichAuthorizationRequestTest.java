package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.AuthorizationIssueRequest;
import com.authlete.common.dto.AuthorizationIssueResponse;
import com.authlete.common.dto.AuthorizationRequest;
import com.authlete.common.dto.AuthorizationResponse;
import com.authlete.common.dto.AuthzDetails;
import com.authlete.common.dto.AuthzDetailsElement;
import com.authlete.common.dto.IntrospectionRequest;
import com.authlete.common.dto.IntrospectionResponse;
import com.authlete.common.dto.TokenRequest;
import com.authlete.common.dto.TokenResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.MockHttp;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rich authorization requests (RFC 9396) and resource indicators (RFC 8707) over HTTP: checked at the authorization
 * request and PAR, carried to the code, the tokens, introspection and the JWT access token, narrowed at the token request.
 */
class RichAuthorizationRequestTest extends MockServerTestBase {

    static final String PAYMENT = "[{\"type\":\"payment_initiation\",\"actions\":[\"initiate\"],"
            + "\"instructedAmount\":{\"currency\":\"EUR\",\"amount\":\"123.50\"}}]";
    /** {@link #PAYMENT} as Authlete's APIs carry it: elements, and what RFC 9396 does not name in otherFields. */
    static final String PAYMENT_ELEMENTS = "{\"elements\":[{\"type\":\"payment_initiation\",\"actions\":[\"initiate\"],"
            + "\"otherFields\":\"{\\\"instructedAmount\\\":{\\\"currency\\\":\\\"EUR\\\",\\\"amount\\\":\\\"123.50\\\"}}\"}]}";
    static final String ACCOUNTS = "https://rs.example.com/accounts";
    static final String PAYMENTS = "https://rs.example.com/payments";

    private Flows.Client client;

    @BeforeEach
    void supportPayments() {
        api.post("/service/update", Map.of("supportedAuthorizationDetailsTypes", List.of("payment_initiation", "account_information")));
        client = flows.confidentialClient();
    }

    /** An authorization request for both resources and the payment, by the raw form (resource is repeated). */
    private HttpReply authorize(String... extra) {
        StringBuilder form = new StringBuilder(MockHttp.form(Flows.codeRequest(client)));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            form.append('&').append(extra[i]).append('=').append(MockHttp.enc(extra[i + 1]));
        }
        return api.post("/auth/authorization", Map.of("parameters", form.toString()));
    }

    private String code(String... extra) {
        HttpReply accepted = authorize(extra);
        assertThat(accepted.action()).as(accepted.toString()).isEqualTo("INTERACTION");
        HttpReply issued = flows.issue(accepted.text("ticket"), Map.of());
        assertThat(issued.action()).as(issued.toString()).isEqualTo("LOCATION");
        return issued.text("authorizationCode");
    }

    private static void assertRefused(HttpReply reply, String error) {
        assertThat(reply.action()).as(reply.toString()).isEqualTo("LOCATION");
        assertThat(Flows.redirectParam(reply.text("responseContent"), "error")).isEqualTo(error);
    }

    @Test
    void detailsAndResourcesGoFromTheRequestToTheTokenAndIntrospection() throws Exception {
        api.post("/service/update", Map.of("accessTokenSignAlg", "ES256"));
        HttpReply accepted = authorize("authorization_details", PAYMENT, "resource", ACCOUNTS, "resource", PAYMENTS);
        assertThat(accepted.json().get("authorizationDetails")).isEqualTo(Json.parse(PAYMENT_ELEMENTS));
        assertThat(accepted.json().get("resources")).isEqualTo(Json.parse("[\"" + ACCOUNTS + "\",\"" + PAYMENTS + "\"]"));
        String code = flows.issue(accepted.text("ticket"), Map.of()).text("authorizationCode");

        HttpReply token = flows.exchange(client, code, "resource", PAYMENTS);
        assertThat(token.action()).as(token.toString()).isEqualTo("OK");
        assertThat(token.content().get("authorization_details")).isEqualTo(Json.parse(PAYMENT));
        assertThat(token.json().get("authorizationDetails")).isEqualTo(Json.parse(PAYMENT_ELEMENTS));
        assertThat(token.json().get("resources")).hasSize(2);
        assertThat(token.json().get("accessTokenResources")).isEqualTo(Json.parse("[\"" + PAYMENTS + "\"]"));

        String accessToken = token.text("accessToken");
        var claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly(PAYMENTS);
        assertThat((JsonNode) Json.MAPPER.valueToTree(claims.getClaim("authorization_details"))).isEqualTo(Json.parse(PAYMENT));

        HttpReply introspection = flows.introspect(accessToken);
        assertThat(introspection.action()).as(introspection.toString()).isEqualTo("OK");
        assertThat(introspection.json().get("authorizationDetails")).isEqualTo(Json.parse(PAYMENT_ELEMENTS));
        assertThat(introspection.json().get("resources")).hasSize(2);
        assertThat(introspection.json().get("accessTokenResources")).isEqualTo(Json.parse("[\"" + PAYMENTS + "\"]"));

        JsonNode standard = api.post("/auth/introspection/standard", Map.of("parameters", "token=" + MockHttp.enc(accessToken)))
                .content();
        assertThat(standard.get("aud").asText()).isEqualTo(PAYMENTS);
        assertThat(standard.get("authorization_details")).isEqualTo(Json.parse(PAYMENT));
    }

    @Test
    void withoutResourceAtTheTokenRequestTheAudienceIsEveryGrantedResourceAndARefreshNarrowsAgain() {
        HttpReply token = flows.exchange(client, code("resource", ACCOUNTS, "resource", PAYMENTS));
        assertThat(token.json().get("accessTokenResources")).hasSize(2);

        String refreshToken = token.text("refreshToken");
        HttpReply notGranted = flows.token(client, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "resource", "https://rs.example.com/other"));
        assertThat(notGranted.action()).as(notGranted.toString()).isEqualTo("BAD_REQUEST");
        assertThat(notGranted.content().get("error").asText()).isEqualTo("invalid_target");

        HttpReply refreshed = flows.token(client, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "resource", ACCOUNTS));
        assertThat(refreshed.action()).as(refreshed.toString()).isEqualTo("OK");
        assertThat(refreshed.json().get("accessTokenResources")).isEqualTo(Json.parse("[\"" + ACCOUNTS + "\"]"));
        assertThat(flows.introspect(refreshed.text("accessToken")).json().get("accessTokenResources"))
                .isEqualTo(Json.parse("[\"" + ACCOUNTS + "\"]"));
    }

    @Test
    void aResourceNotGrantedOrMalformedAtTheTokenRequestIsInvalidTargetAndLeavesTheCodeUsable() {
        String code = code("resource", ACCOUNTS);
        for (String resource : List.of(PAYMENTS, "relative/path", ACCOUNTS + "#part")) {
            HttpReply refused = flows.exchange(client, code, "resource", resource);
            assertThat(refused.action()).as(refused.toString()).isEqualTo("BAD_REQUEST");
            assertThat(refused.content().get("error").asText()).isEqualTo("invalid_target");
        }
        HttpReply withoutGrant = flows.exchange(client, code(), "resource", ACCOUNTS);
        assertThat(withoutGrant.content().get("error").asText()).isEqualTo("invalid_target");

        assertThat(flows.exchange(client, code).action()).isEqualTo("OK");
    }

    @Test
    void malformedOrUnsupportedAuthorizationDetailsAreRefused() {
        for (String details : List.of("not json", "{\"type\":\"payment_initiation\"}", "[\"payment_initiation\"]",
                "[{\"actions\":[\"read\"]}]", "[{\"type\":42}]", "[{\"type\":\"customer_information\"}]")) {
            HttpReply refused = authorize("authorization_details", details);
            assertRefused(refused, "invalid_authorization_details");
        }
        api.post("/service/update", Map.of("supportedAuthorizationDetailsTypes", List.of()));
        assertRefused(authorize("authorization_details", PAYMENT), "invalid_authorization_details");
    }

    @Test
    void aResourceThatIsNotAnAbsoluteUriWithoutFragmentIsInvalidTarget() {
        for (String resource : List.of("/accounts", "accounts", ACCOUNTS + "#x", "https://rs.example.com/a b")) {
            assertRefused(authorize("resource", resource), "invalid_target");
        }
    }

    @Test
    void theIssueCallMayReplaceTheDetailsButNotWithUnsupportedOrMalformedOnes() {
        HttpReply accepted = authorize("authorization_details", PAYMENT);
        HttpReply untyped = flows.issue(accepted.text("ticket"), Map.of("authorizationDetails",
                Json.parse("{\"elements\":[{\"actions\":[\"x\"]}]}")));
        assertThat(untyped.status()).as("the schema requires a type").isEqualTo(400);
        for (String wrong : List.of("{\"elements\":[{\"type\":\"nope\"}]}",
                "{\"elements\":[{\"type\":\"account_information\",\"otherFields\":\"not json\"}]}")) {
            HttpReply refused = flows.issue(accepted.text("ticket"), Map.of("authorizationDetails", Json.parse(wrong)));
            assertThat(refused.action()).as(refused.toString()).isEqualTo("INTERNAL_SERVER_ERROR");
        }

        String other = "{\"elements\":[{\"type\":\"account_information\",\"dataTypes\":[\"balances\"],"
                + "\"otherFields\":\"{\\\"accounts\\\":[\\\"DE02\\\"]}\"}]}";
        HttpReply issued = flows.issue(accepted.text("ticket"), Map.of("authorizationDetails", Json.parse(other)));
        assertThat(issued.action()).as(issued.toString()).isEqualTo("LOCATION");
        HttpReply token = flows.exchange(client, issued.text("authorizationCode"));
        assertThat(token.content().get("authorization_details")).isEqualTo(
                Json.parse("[{\"type\":\"account_information\",\"datatypes\":[\"balances\"],\"accounts\":[\"DE02\"]}]"));
        assertThat(token.json().get("authorizationDetails")).isEqualTo(Json.parse(other));
    }

    @Test
    void parChecksTheDetailsAndKeepsThemForTheAuthorizationRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", Long.toString(client.id()));
        body.put("clientSecret", client.secret());
        body.put("parameters", MockHttp.form(Flows.codeRequest(client, "authorization_details", "[{\"type\":\"unknown\"}]")));
        HttpReply refused = api.post("/pushed_auth_req", body);
        assertThat(refused.action()).as(refused.toString()).isEqualTo("BAD_REQUEST");
        assertThat(refused.content().get("error").asText()).isEqualTo("invalid_authorization_details");

        body.put("parameters", MockHttp.form(Flows.codeRequest(client, "authorization_details", PAYMENT, "resource", PAYMENTS)));
        HttpReply pushed = api.post("/pushed_auth_req", body);
        assertThat(pushed.action()).as(pushed.toString()).isEqualTo("CREATED");
        HttpReply accepted = flows.authorize(Map.of("client_id", Long.toString(client.id()), "request_uri", pushed.text("requestUri")));
        assertThat(accepted.json().get("authorizationDetails")).isEqualTo(Json.parse(PAYMENT_ELEMENTS));
        assertThat(accepted.json().get("resources")).isEqualTo(Json.parse("[\"" + PAYMENTS + "\"]"));
    }

    @Test
    void clientCredentialsTokensHaveTheRequestedResourcesAsAudience() throws Exception {
        api.post("/service/update", Map.of("accessTokenSignAlg", "ES256"));
        HttpReply token = flows.token(client, Map.of("grant_type", "client_credentials", "resource", ACCOUNTS));
        assertThat(token.action()).as(token.toString()).isEqualTo("OK");
        assertThat(token.json().get("resources")).isEqualTo(Json.parse("[\"" + ACCOUNTS + "\"]"));
        assertThat(SignedJWT.parse(token.text("accessToken")).getJWTClaimsSet().getAudience()).containsExactly(ACCOUNTS);

        HttpReply refused = flows.token(client, Map.of("grant_type", "client_credentials", "resource", "urn-less"));
        assertThat(refused.content().get("error").asText()).isEqualTo("invalid_target");
    }

    @Test
    void theJavaSdkReadsAndWritesTheDetailsAndResources() {
        AuthleteApi sdk = JavaSdk.api(mock);
        AuthorizationResponse authorization = sdk.authorization(new AuthorizationRequest().setParameters(
                MockHttp.form(Flows.codeRequest(client, "authorization_details", PAYMENT)) + "&resource=" + MockHttp.enc(ACCOUNTS)
                        + "&resource=" + MockHttp.enc(PAYMENTS)));
        assertThat(authorization.getAction()).isEqualTo(AuthorizationResponse.Action.INTERACTION);
        assertThat(authorization.getAuthorizationDetails().getElements()[0].getType()).isEqualTo("payment_initiation");
        assertThat(authorization.getAuthorizationDetails().getElements()[0].getActions()).containsExactly("initiate");
        assertThat(authorization.getResources()).containsExactly(URI.create(ACCOUNTS), URI.create(PAYMENTS));

        AuthzDetails replaced = new AuthzDetails().setElements(new AuthzDetailsElement[] {
                new AuthzDetailsElement().setType("account_information").setActions(new String[] {"list_accounts"})});
        AuthorizationIssueResponse issued = sdk.authorizationIssue(new AuthorizationIssueRequest()
                .setTicket(authorization.getTicket()).setSubject(Flows.SUBJECT).setAuthorizationDetails(replaced));
        assertThat(issued.getAction()).as(issued.getResultMessage()).isEqualTo(AuthorizationIssueResponse.Action.LOCATION);

        TokenResponse token = sdk.token(new TokenRequest().setClientId(Long.toString(client.id())).setClientSecret(client.secret())
                .setParameters("grant_type=authorization_code&code=" + issued.getAuthorizationCode() + "&redirect_uri="
                        + MockHttp.enc(Flows.REDIRECT_URI) + "&resource=" + MockHttp.enc(ACCOUNTS)));
        assertThat(token.getAction()).as(token.getResultMessage()).isEqualTo(TokenResponse.Action.OK);
        assertThat(token.getAuthorizationDetails().getElements()[0].getType()).isEqualTo("account_information");
        assertThat(token.getResources()).hasSize(2);
        assertThat(token.getAccessTokenResources()).containsExactly(URI.create(ACCOUNTS));

        IntrospectionResponse introspection = sdk.introspection(new IntrospectionRequest().setToken(token.getAccessToken()));
        assertThat(introspection.getAction()).isEqualTo(IntrospectionResponse.Action.OK);
        assertThat(introspection.getAuthorizationDetails().getElements()[0].getActions()).containsExactly("list_accounts");
        assertThat(introspection.getResources()).hasSize(2);
        assertThat(introspection.getAccessTokenResources()).containsExactly(URI.create(ACCOUNTS));

        AuthorizationResponse unsupported = sdk.authorization(new AuthorizationRequest().setParameters(
                MockHttp.form(Flows.codeRequest(client, "authorization_details", "[{\"type\":\"unknown\"}]"))));
        assertThat(unsupported.getAction()).isEqualTo(AuthorizationResponse.Action.LOCATION);
        assertThat(unsupported.getResponseContent()).contains("error=invalid_authorization_details");

        TokenResponse notGranted = sdk.token(new TokenRequest().setClientId(Long.toString(client.id())).setClientSecret(client.secret())
                .setParameters("grant_type=refresh_token&refresh_token=" + token.getRefreshToken() + "&resource="
                        + MockHttp.enc("https://rs.example.com/other")));
        assertThat(notGranted.getAction()).isEqualTo(TokenResponse.Action.BAD_REQUEST);
        assertThat(notGranted.getResponseContent()).contains("invalid_target");
    }
}
