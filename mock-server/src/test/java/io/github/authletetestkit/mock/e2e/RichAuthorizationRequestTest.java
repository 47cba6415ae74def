package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.MockHttp;
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
        assertThat(accepted.json().get("authorizationDetails")).isEqualTo(Json.parse(PAYMENT));
        assertThat(accepted.json().get("resources")).isEqualTo(Json.parse("[\"" + ACCOUNTS + "\",\"" + PAYMENTS + "\"]"));
        String code = flows.issue(accepted.text("ticket"), Map.of()).text("authorizationCode");

        HttpReply token = flows.exchange(client, code, "resource", PAYMENTS);
        assertThat(token.action()).as(token.toString()).isEqualTo("OK");
        assertThat(token.content().get("authorization_details")).isEqualTo(Json.parse(PAYMENT));
        assertThat(token.json().get("authorizationDetails")).isEqualTo(Json.parse(PAYMENT));
        assertThat(token.json().get("resources")).hasSize(2);
        assertThat(token.json().get("accessTokenResources")).isEqualTo(Json.parse("[\"" + PAYMENTS + "\"]"));

        String accessToken = token.text("accessToken");
        var claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly(PAYMENTS);
        assertThat((JsonNode) Json.MAPPER.valueToTree(claims.getClaim("authorization_details"))).isEqualTo(Json.parse(PAYMENT));

        HttpReply introspection = flows.introspect(accessToken);
        assertThat(introspection.action()).as(introspection.toString()).isEqualTo("OK");
        assertThat(introspection.json().get("authorizationDetails")).isEqualTo(Json.parse(PAYMENT));
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
    void theIssueCallMayReplaceTheDetailsButNotWithUnsupportedOnes() {
        String other = "[{\"type\":\"account_information\",\"actions\":[\"list_accounts\"]}]";
        HttpReply accepted = authorize("authorization_details", PAYMENT);
        HttpReply wrong = flows.issue(accepted.text("ticket"), Map.of("authorizationDetails", Json.parse("[{\"type\":\"nope\"}]")));
        assertThat(wrong.action()).as(wrong.toString()).isEqualTo("INTERNAL_SERVER_ERROR");

        HttpReply issued = flows.issue(accepted.text("ticket"), Map.of("authorizationDetails", Json.parse(other)));
        assertThat(issued.action()).as(issued.toString()).isEqualTo("LOCATION");
        HttpReply token = flows.exchange(client, issued.text("authorizationCode"));
        assertThat(token.content().get("authorization_details")).isEqualTo(Json.parse(other));
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
        assertThat(accepted.json().get("authorizationDetails")).isEqualTo(Json.parse(PAYMENT));
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
}
