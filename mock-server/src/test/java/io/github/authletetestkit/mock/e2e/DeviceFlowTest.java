package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.testing.MockHttp;
import io.github.authletetestkit.mock.testing.HttpReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The device flow (RFC 8628) over HTTP: device authorization, verification, completion and token polling. */
class DeviceFlowTest extends MockServerTestBase {

    private static final String GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private Flows.Client deviceClient(String clientType) {
        return flows.createClient(clientType, Map.of("grantTypes", List.of("DEVICE_CODE", "REFRESH_TOKEN")));
    }

    private HttpReply authorize(Flows.Client client, String... params) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            form.put(params[i], params[i + 1]);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parameters", MockHttp.form(form));
        body.put("clientId", Long.toString(client.id()));
        if (client.secret() != null) {
            body.put("clientSecret", client.secret());
        }
        return api.post("/device/authorization", body);
    }

    private HttpReply verify(String userCode) {
        return api.post("/device/verification", Map.of("userCode", userCode));
    }

    private HttpReply complete(String userCode, String result) {
        return api.post("/device/complete", Map.of("userCode", userCode, "result", result, "subject", Flows.SUBJECT));
    }

    private HttpReply poll(Flows.Client client, String deviceCode) {
        return flows.token(client, Map.of("grant_type", GRANT, "device_code", deviceCode));
    }

    @Test
    void aConfidentialDeviceGetsTokensAfterTheUserApproves() throws Exception {
        Flows.Client client = deviceClient("CONFIDENTIAL");

        HttpReply started = authorize(client, "scope", "openid profile");
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.action()).as(started.toString()).isEqualTo("OK");
        JsonNode content = started.content();
        String deviceCode = content.get("device_code").asText();
        String userCode = content.get("user_code").asText();
        assertThat(content.get("verification_uri").asText()).isEqualTo("https://as.example.com/device");
        assertThat(content.get("verification_uri_complete").asText()).isEqualTo("https://as.example.com/device?user_code=" + userCode);
        assertThat(content.get("expires_in").asInt()).isEqualTo(600);
        assertThat(content.get("interval").asInt()).isEqualTo(5);

        HttpReply pending = poll(client, deviceCode);
        assertThat(pending.action()).isEqualTo("BAD_REQUEST");
        assertThat(pending.content().get("error").asText()).isEqualTo("authorization_pending");

        HttpReply verified = verify(userCode);
        assertThat(verified.action()).as(verified.toString()).isEqualTo("VALID");
        assertThat(verified.json().get("clientId").asLong()).isEqualTo(client.id());
        assertThat(verified.json().get("scopes").findValuesAsText("name")).containsExactly("openid", "profile");

        HttpReply completed = complete(userCode, "AUTHORIZED");
        assertThat(completed.action()).as(completed.toString()).isEqualTo("SUCCESS");

        mock.clock().advance(Duration.ofSeconds(5));
        HttpReply tokens = poll(client, deviceCode);
        assertThat(tokens.action()).as(tokens.toString()).isEqualTo("OK");
        JsonNode tokenJson = tokens.content();
        assertThat(tokenJson.get("refresh_token").asText()).isNotEmpty();
        assertThat(SignedJWT.parse(tokenJson.get("id_token").asText()).getJWTClaimsSet().getSubject()).isEqualTo(Flows.SUBJECT);
        assertThat(flows.introspect(tokenJson.get("access_token").asText()).action()).isEqualTo("OK");

        mock.clock().advance(Duration.ofSeconds(5));
        assertThat(poll(client, deviceCode).content().get("error").asText()).as("single use").isEqualTo("invalid_grant");
        assertThat(verify(userCode).action()).isEqualTo("NOT_EXIST");
    }

    @Test
    void aPublicDeviceIsDeniedWhenTheUserSaysNo() {
        Flows.Client client = deviceClient("PUBLIC").withSecret(null);
        HttpReply started = authorize(client, "client_id", Long.toString(client.id()));
        assertThat(started.action()).as(started.toString()).isEqualTo("OK");
        assertThat(started.text("clientAuthMethod")).isEqualTo("NONE");

        HttpReply completed = complete(started.text("userCode"), "ACCESS_DENIED");
        HttpReply again = complete(started.text("userCode"), "AUTHORIZED");
        HttpReply denied = poll(client, started.text("deviceCode"));

        assertThat(completed.action()).isEqualTo("SUCCESS");
        assertThat(again.action()).isEqualTo("USER_CODE_NOT_EXIST");
        assertThat(denied.action()).isEqualTo("BAD_REQUEST");
        assertThat(denied.content().get("error").asText()).isEqualTo("access_denied");
    }

    @Test
    void pollingTooFastIsSlowDownAndTheCodesExpire() {
        Flows.Client client = deviceClient("CONFIDENTIAL");
        HttpReply started = authorize(client);
        String deviceCode = started.text("deviceCode");
        String userCode = started.text("userCode");

        assertThat(poll(client, deviceCode).content().get("error").asText()).isEqualTo("authorization_pending");
        assertThat(poll(client, deviceCode).content().get("error").asText()).isEqualTo("slow_down");

        mock.clock().advance(Duration.ofSeconds(601));
        assertThat(poll(client, deviceCode).content().get("error").asText()).isEqualTo("expired_token");
        assertThat(verify(userCode).action()).isEqualTo("EXPIRED");
        assertThat(complete(userCode, "AUTHORIZED").action()).isEqualTo("USER_CODE_EXPIRED");
    }

    @Test
    void verificationAcceptsAFormBody() {
        Flows.Client client = deviceClient("CONFIDENTIAL");
        String userCode = authorize(client).text("userCode");

        HttpReply verified = api.postForm("/device/verification", Map.of("userCode", userCode));
        HttpReply unknown = api.postForm("/device/verification", Map.of("userCode", "BCDFGHJK"));

        assertThat(verified.action()).as(verified.toString()).isEqualTo("VALID");
        assertThat(unknown.action()).isEqualTo("NOT_EXIST");
    }

    @Test
    void clientsWithoutTheGrantOrTheirSecretAreRefused() {
        Flows.Client codeOnly = flows.confidentialClient();
        Flows.Client device = deviceClient("CONFIDENTIAL");

        HttpReply notAllowed = authorize(codeOnly);
        HttpReply wrongSecret = authorize(device.withSecret("wrong"));
        HttpReply badScope = authorize(device, "scope", "openid printing");

        assertThat(notAllowed.action()).isEqualTo("BAD_REQUEST");
        assertThat(notAllowed.content().get("error").asText()).isEqualTo("unauthorized_client");
        assertThat(wrongSecret.action()).isEqualTo("UNAUTHORIZED");
        assertThat(wrongSecret.content().get("error").asText()).isEqualTo("invalid_client");
        assertThat(badScope.content().get("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void aFailedTransactionAndAnotherClientsCode() {
        Flows.Client client = deviceClient("CONFIDENTIAL");
        Flows.Client thief = deviceClient("CONFIDENTIAL");
        HttpReply started = authorize(client);
        complete(started.text("userCode"), "TRANSACTION_FAILED");

        assertThat(poll(thief, started.text("deviceCode")).content().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(poll(client, started.text("deviceCode")).content().get("error").asText()).isEqualTo("expired_token");
    }
}
