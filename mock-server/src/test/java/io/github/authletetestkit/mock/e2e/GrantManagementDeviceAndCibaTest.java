package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.MockHttp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Grant Management in the device flow and CIBA: their requests stand for authorization requests, so they carry
 * {@code grant_management_action} and {@code grant_id}, and the action takes effect when the tokens are issued.
 */
class GrantManagementDeviceAndCibaTest extends MockServerTestBase {

    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final String CIBA_GRANT = "urn:openid:params:grant-type:ciba";

    private GrantManagementCalls grants() {
        return new GrantManagementCalls(api, flows);
    }

    private static Map<String, String> form(String... params) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            form.put(params[i], params[i + 1]);
        }
        return form;
    }

    // ---- device flow

    private Flows.Client deviceClient() {
        return flows.createClient("CONFIDENTIAL", Map.of("grantTypes", List.of("DEVICE_CODE", "REFRESH_TOKEN", "CLIENT_CREDENTIALS")));
    }

    private HttpReply deviceAuthorization(Flows.Client client, String... params) {
        return api.post("/device/authorization", Map.of("parameters", MockHttp.form(form(params)), "clientId", Long.toString(client.id()),
                "clientSecret", client.secret()));
    }

    /** The device flow through to the token response, the end-user approving. */
    private HttpReply deviceTokens(HttpReply started, Flows.Client client) {
        assertThat(started.action()).as(started.toString()).isEqualTo("OK");
        HttpReply completed = api.post("/device/complete", Map.of("userCode", started.text("userCode"), "result", "AUTHORIZED",
                "subject", Flows.SUBJECT));
        assertThat(completed.action()).as(completed.toString()).isEqualTo("SUCCESS");
        return flows.token(client, Map.of("grant_type", DEVICE_GRANT, "device_code", started.text("deviceCode")));
    }

    /** The ID of a grant the client made through the device flow with {@code profile}. */
    private String deviceGrant(Flows.Client client) {
        return deviceTokens(deviceAuthorization(client, "scope", "profile", "grant_management_action", "create"), client).text("grantId");
    }

    @Test
    void aDeviceCreateMakesAGrantWhenTheTokensAreIssued() {
        Flows.Client client = deviceClient();
        HttpReply started = deviceAuthorization(client, "scope", "profile", "grant_management_action", "create");
        HttpReply verified = api.post("/device/verification", Map.of("userCode", started.text("userCode")));

        HttpReply tokens = deviceTokens(started, client);

        assertThat(started.text("gmAction")).isEqualTo("CREATE");
        assertThat(started.json().has("grantId")).isFalse();
        assertThat(verified.text("gmAction")).as("the verification page sees the action").isEqualTo("CREATE");
        assertThat(tokens.action()).as(tokens.toString()).isEqualTo("OK");
        String grantId = tokens.text("grantId");
        assertThat(grantId).isNotBlank();
        assertThat(tokens.content().get("grant_id").asText()).isEqualTo(grantId);
        assertThat(grants().query(client, grantId).toString()).isEqualTo("{\"scopes\":[{\"scope\":\"profile\"}],\"claims\":[]}");
    }

    @Test
    void aDeviceMergeAddsToTheGrantItNames() {
        Flows.Client client = deviceClient();
        String grantId = deviceGrant(client);
        HttpReply started = deviceAuthorization(client, "scope", "email", "grant_management_action", "merge", "grant_id", grantId);

        HttpReply merged = deviceTokens(started, client);

        assertThat(started.text("gmAction")).isEqualTo("MERGE");
        assertThat(started.text("grantId")).isEqualTo(grantId);
        assertThat(merged.text("grantId")).isEqualTo(grantId);
        assertThat(grants().query(client, grantId).toString()).contains("profile email");
    }

    @Test
    void badDeviceGrantManagementParametersAreRefusedInTheResponseBody() {
        Flows.Client client = deviceClient();
        Flows.Client other = deviceClient();
        String othersGrant = deviceGrant(other);

        HttpReply noGrantId = deviceAuthorization(client, "scope", "profile", "grant_management_action", "merge");
        HttpReply unknownAction = deviceAuthorization(client, "scope", "profile", "grant_management_action", "update");
        HttpReply othersGrantId = deviceAuthorization(client, "scope", "profile", "grant_management_action", "replace",
                "grant_id", othersGrant);

        for (HttpReply reply : List.of(noGrantId, unknownAction, othersGrantId)) {
            assertThat(reply.action()).as(reply.toString()).isEqualTo("BAD_REQUEST");
            assertThat(reply.resultCode()).matches("A\\d{3}31\\d");
        }
        assertThat(noGrantId.oauthError()).isEqualTo("invalid_request");
        assertThat(unknownAction.oauthError()).isEqualTo("invalid_request");
        assertThat(othersGrantId.oauthError()).isEqualTo("invalid_grant_id");
    }

    @Test
    void aDeviceMergeIntoAGrantRevokedBeforeThePollIsRefused() {
        Flows.Client client = deviceClient();
        String grantId = deviceGrant(client);
        HttpReply started = deviceAuthorization(client, "scope", "email", "grant_management_action", "merge", "grant_id", grantId);
        grants().revoke(client, grantId);

        HttpReply polled = deviceTokens(started, client);

        assertThat(polled.action()).isEqualTo("BAD_REQUEST");
        assertThat(polled.oauthError()).isEqualTo("invalid_grant");
        assertThat(grants().gm(grants().clientToken(client, null), "QUERY", grantId).action()).isEqualTo("NOT_FOUND");
    }

    // ---- CIBA

    private Flows.Client cibaClient(String mode) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("grantTypes", List.of("CIBA", "REFRESH_TOKEN", "CLIENT_CREDENTIALS"));
        overrides.put("bcDeliveryMode", mode);
        overrides.put("bcNotificationEndpoint", "https://client.example.com/ciba/notify");
        return flows.createClient("CONFIDENTIAL", overrides);
    }

    private HttpReply authenticate(Flows.Client client, String... gmParams) {
        Map<String, String> params = form("scope", "openid email", "login_hint", "alice", "client_notification_token", "cnt-1");
        params.putAll(form(gmParams));
        return api.post("/backchannel/authentication", Map.of("parameters", MockHttp.form(params),
                "clientId", Long.toString(client.id()), "clientSecret", client.secret()));
    }

    /** Issue and approval of an accepted backchannel request: the complete response. */
    private HttpReply approve(HttpReply authentication) {
        assertThat(authentication.action()).as(authentication.toString()).isEqualTo("USER_IDENTIFICATION");
        String ticket = authentication.text("ticket");
        api.post("/backchannel/authentication/issue", Map.of("ticket", ticket));
        return api.post("/backchannel/authentication/complete", Map.of("ticket", ticket, "result", "AUTHORIZED", "subject", Flows.SUBJECT));
    }

    private HttpReply cibaPoll(Flows.Client client, HttpReply completed) {
        return flows.token(client, Map.of("grant_type", CIBA_GRANT, "auth_req_id", completed.text("authReqId")));
    }

    @Test
    void aPolledCibaCreateMakesAGrantWhenTheTokensAreIssued() {
        Flows.Client client = cibaClient("POLL");
        HttpReply authentication = authenticate(client, "grant_management_action", "create");

        HttpReply tokens = cibaPoll(client, approve(authentication));

        assertThat(authentication.text("gmAction")).isEqualTo("CREATE");
        assertThat(tokens.action()).as(tokens.toString()).isEqualTo("OK");
        String grantId = tokens.text("grantId");
        assertThat(tokens.content().get("grant_id").asText()).isEqualTo(grantId);
        assertThat(grants().query(client, grantId).toString()).contains("\"openid email\"");
    }

    @Test
    void aPushedCibaMergeAddsToTheGrantAndTheNotificationNamesIt() {
        Flows.Client client = cibaClient("PUSH");
        String grantId = approve(authenticate(client, "grant_management_action", "create")).text("grantId");
        HttpReply authentication = authenticate(client, "scope", "openid profile", "grant_management_action", "merge",
                "grant_id", grantId);

        HttpReply pushed = approve(authentication);

        assertThat(grantId).isNotBlank();
        assertThat(authentication.text("grantId")).isEqualTo(grantId);
        assertThat(pushed.action()).as(pushed.toString()).isEqualTo("NOTIFICATION");
        assertThat(pushed.text("grantId")).isEqualTo(grantId);
        assertThat(pushed.content().get("grant_id").asText()).isEqualTo(grantId);
        assertThat(grants().query(client, grantId).toString()).contains("openid email profile");
    }

    @Test
    void aCibaRequestWithAnUnknownGrantIdIsRefused() {
        Flows.Client client = cibaClient("POLL");

        HttpReply reply = authenticate(client, "grant_management_action", "merge", "grant_id", "no-such-grant");

        assertThat(reply.action()).as(reply.toString()).isEqualTo("BAD_REQUEST");
        assertThat(reply.oauthError()).isEqualTo("invalid_grant_id");
    }

    @Test
    void aCibaMergeIntoARevokedGrantIsRefusedWhenTheTokensWouldBeIssued() {
        Flows.Client polling = cibaClient("POLL");
        Flows.Client pushing = cibaClient("PUSH");
        String pollingGrant = cibaPoll(polling, approve(authenticate(polling, "grant_management_action", "create"))).text("grantId");
        String pushingGrant = approve(authenticate(pushing, "grant_management_action", "create")).text("grantId");
        HttpReply pollingRequest = authenticate(polling, "grant_management_action", "merge", "grant_id", pollingGrant);
        HttpReply pushingRequest = authenticate(pushing, "grant_management_action", "merge", "grant_id", pushingGrant);
        grants().revoke(polling, pollingGrant);
        grants().revoke(pushing, pushingGrant);

        HttpReply polled = cibaPoll(polling, approve(pollingRequest));
        HttpReply pushed = approve(pushingRequest);

        assertThat(polled.action()).isEqualTo("BAD_REQUEST");
        assertThat(polled.oauthError()).isEqualTo("invalid_grant");
        assertThat(pushed.action()).as(pushed.toString()).isEqualTo("NOTIFICATION");
        assertThat(pushed.content().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(pushed.json().has("accessToken")).isFalse();
        assertThat(grants().gm(grants().clientToken(pushing, null), "QUERY", pushingGrant).action()).isEqualTo("NOT_FOUND");
    }
}
