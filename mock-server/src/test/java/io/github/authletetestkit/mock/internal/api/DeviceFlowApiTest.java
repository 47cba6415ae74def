package io.github.authletetestkit.mock.internal.api;

import static io.github.authletetestkit.mock.internal.api.FlowTestSupport.T0;
import static io.github.authletetestkit.mock.internal.api.FlowTestSupport.body;
import static io.github.authletetestkit.mock.internal.api.FlowTestSupport.content;
import static io.github.authletetestkit.mock.internal.api.FlowTestSupport.texts;
import static io.github.authletetestkit.mock.internal.api.FlowTestSupport.withClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.SignedJWT;
import io.github.authletetestkit.mock.model.ClientConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The device flow's three APIs and its token grant, called directly, with the clock moved by hand. */
class DeviceFlowApiTest {

    private static final String GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final FlowTestSupport s = new FlowTestSupport();
    private final DeviceFlowApi device = new DeviceFlowApi();
    private final ClientConfig client = s.client("CONFIDENTIAL", Map.of());

    private ObjectNode authorize(ClientConfig c, Instant now, String... params) {
        return body(device.authorization(s.call("device_authorization_api", withClient(c, params), now)));
    }

    private ObjectNode verify(String userCode, Instant now) {
        return body(device.verification(s.call("device_verification_api", Map.of("userCode", userCode), now)));
    }

    private ObjectNode complete(String userCode, String result, Instant now, Object... extra) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userCode", userCode);
        request.put("result", result);
        request.put("subject", "device-user");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            request.put((String) extra[i], extra[i + 1]);
        }
        request.values().removeIf(v -> v == null);
        return body(device.complete(s.call("device_complete_api", request, now)));
    }

    private ObjectNode poll(ClientConfig c, String deviceCode, Instant now) {
        return s.token(c, now, "grant_type", GRANT, "device_code", deviceCode);
    }

    // ---- /device/authorization

    @Test
    void authorizationIssuesCodesAndTheRfc8628Response() {
        ObjectNode body = authorize(client, T0, "scope", "openid profile");

        assertThat(body.path("action").asText()).isEqualTo("OK");
        assertThat(body.path("resultCode").asText()).isEqualTo("A220001");
        String userCode = body.path("userCode").asText();
        assertThat(userCode).hasSize(8).matches("[BCDFGHJKLMNPQRSTVWXZ]+");
        assertThat(body.path("deviceCode").asText()).hasSize(43);
        assertThat(body.path("verificationUri").asText()).isEqualTo("https://as.example.com/device");
        assertThat(body.path("verificationUriComplete").asText()).isEqualTo("https://as.example.com/device?user_code=" + userCode);
        assertThat(body.path("expiresIn").asInt()).isEqualTo(600);
        assertThat(body.path("interval").asInt()).isEqualTo(5);
        assertThat(body.path("clientId").asLong()).isEqualTo(client.clientId());
        assertThat(body.path("clientIdAliasUsed").asBoolean()).isFalse();
        assertThat(body.path("clientName").asText()).isEqualTo("flow client");
        assertThat(body.path("clientAuthMethod").asText()).isEqualTo("CLIENT_SECRET_BASIC");
        assertThat(body.path("scopes").findValuesAsText("name")).containsExactly("openid", "profile");
        assertThat(body.path("scopes").get(0).has("description")).as("Authlete nulls scope descriptions here").isFalse();
        assertThat(texts(body.path("claimNames"))).contains("name", "given_name");

        JsonNode content = content(body);
        assertThat(content.path("device_code").asText()).isEqualTo(body.path("deviceCode").asText());
        assertThat(content.path("user_code").asText()).isEqualTo(userCode);
        assertThat(content.path("verification_uri").asText()).isEqualTo("https://as.example.com/device");
        assertThat(content.path("verification_uri_complete").asText()).endsWith("user_code=" + userCode);
        assertThat(content.path("expires_in").asInt()).isEqualTo(600);
        assertThat(content.path("interval").asInt()).isEqualTo(5);
    }

    @Test
    void publicClientsIdentifyThemselvesByClientIdAlone() {
        ClientConfig device = s.client("PUBLIC", Map.of());

        ObjectNode body = authorize(device, T0, "client_id", Long.toString(device.clientId()));

        assertThat(body.path("action").asText()).isEqualTo("OK");
        assertThat(body.path("clientAuthMethod").asText()).isEqualTo("NONE");
    }

    @Test
    void anAliasInClientIdIsReportedAndKeptForVerification() {
        ClientConfig aliased = s.client("PUBLIC", Map.of("clientIdAlias", "tv-app"));
        Map<String, Object> request = Map.of("parameters", FlowTestSupport.form("client_id", "tv-app"));

        ObjectNode body = body(device.authorization(s.call("device_authorization_api", request, T0)));

        assertThat(body.path("clientIdAliasUsed").asBoolean()).isTrue();
        assertThat(body.path("clientIdAlias").asText()).isEqualTo("tv-app");
        assertThat(verify(body.path("userCode").asText(), T0).path("clientIdAliasUsed").asBoolean()).isTrue();
        assertThat(aliased.clientIdAlias()).isEqualTo("tv-app");
    }

    @Test
    void aWrongSecretIsUnauthorized() {
        ObjectNode body = authorize(client.with("clientSecret", com.fasterxml.jackson.databind.node.TextNode.valueOf("nope")), T0);

        assertThat(body.path("action").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(content(body).path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void aMissingParametersMemberIsABadRequest() {
        ObjectNode body = body(device.authorization(s.call("device_authorization_api", Map.of(), T0)));

        assertThat(body.path("action").asText()).isEqualTo("BAD_REQUEST");
        assertThat(content(body).path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void theServiceMustSupportTheDeviceCodeGrant() {
        s.configure(Map.of("supportedGrantTypes", List.of("AUTHORIZATION_CODE", "REFRESH_TOKEN")));

        ObjectNode body = authorize(client, T0);

        assertThat(body.path("action").asText()).isEqualTo("BAD_REQUEST");
        assertThat(content(body).path("error").asText()).isEqualTo("unauthorized_client");
    }

    @Test
    void theClientMustBeAllowedTheDeviceCodeGrant() {
        ClientConfig codeOnly = s.client("CONFIDENTIAL", Map.of("grantTypes", List.of("AUTHORIZATION_CODE")));

        ObjectNode body = authorize(codeOnly, T0);

        assertThat(body.path("action").asText()).isEqualTo("BAD_REQUEST");
        assertThat(content(body).path("error").asText()).isEqualTo("unauthorized_client");
    }

    @Test
    void scopesMustBeSupportedByTheService() {
        ObjectNode body = authorize(client, T0, "scope", "openid history.read");

        assertThat(body.path("action").asText()).isEqualTo("BAD_REQUEST");
        assertThat(content(body).path("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void withoutScopeTheServiceDefaultsApply() {
        s.configure(Map.of("supportedScopes", List.of(Map.of("name", "openid", "defaultEntry", true),
                Map.of("name", "email", "defaultEntry", false))));

        ObjectNode body = authorize(client, T0);

        assertThat(body.path("scopes").findValuesAsText("name")).containsExactly("openid");
    }

    @Test
    void userCodesFollowTheServiceCharsetAndLength() {
        s.configure(Map.of("userCodeCharset", "NUMERIC", "userCodeLength", 6, "deviceFlowCodeDuration", 120,
                "deviceFlowPollingInterval", 0));

        ObjectNode body = authorize(client, T0);

        assertThat(body.path("userCode").asText()).matches("[0-9]{6}");
        assertThat(body.path("expiresIn").asInt()).isEqualTo(120);
        assertThat(body.path("interval").asInt()).isZero();
        assertThat(content(body).has("interval")).as("RFC 8628: interval omitted when there is none").isFalse();
    }

    @Test
    void withoutAVerificationUriTheServiceIsMisconfigured() {
        s.configure(Map.of("deviceVerificationUri", ""));

        ObjectNode body = authorize(client, T0);

        assertThat(body.path("action").asText()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(content(body).path("error").asText()).isEqualTo("server_error");
    }

    // ---- /device/verification

    @Test
    void verificationTellsValidExpiredAndUnknownUserCodesApart() {
        ObjectNode issued = authorize(client, T0, "scope", "openid email", "acr_values", "urn:acr:pin");
        String userCode = issued.path("userCode").asText();

        ObjectNode valid = verify(userCode, T0.plusSeconds(599));
        assertThat(valid.path("action").asText()).isEqualTo("VALID");
        assertThat(valid.path("resultCode").asText()).isEqualTo("A224001");
        assertThat(valid.path("clientId").asLong()).isEqualTo(client.clientId());
        assertThat(valid.path("clientName").asText()).isEqualTo("flow client");
        assertThat(valid.path("scopes").findValuesAsText("name")).containsExactly("openid", "email");
        assertThat(texts(valid.path("claimNames"))).containsExactly("email", "email_verified");
        assertThat(texts(valid.path("acrs"))).containsExactly("urn:acr:pin");
        assertThat(valid.path("expiresAt").asLong()).isEqualTo(T0.plusSeconds(600).toEpochMilli());

        assertThat(verify(userCode, T0.plusSeconds(600)).path("action").asText()).isEqualTo("EXPIRED");
        assertThat(verify("BCDFGHJK", T0).path("action").asText()).isEqualTo("NOT_EXIST");
    }

    @Test
    void aDecidedUserCodeNoLongerExists() {
        String userCode = authorize(client, T0).path("userCode").asText();
        complete(userCode, "AUTHORIZED", T0);

        assertThat(verify(userCode, T0).path("action").asText()).isEqualTo("NOT_EXIST");
    }

    // ---- /device/complete

    @Test
    void completeSucceedsOncePerUserCode() {
        String userCode = authorize(client, T0).path("userCode").asText();

        ObjectNode first = complete(userCode, "AUTHORIZED", T0);
        ObjectNode second = complete(userCode, "ACCESS_DENIED", T0);

        assertThat(first.path("action").asText()).isEqualTo("SUCCESS");
        assertThat(first.path("resultCode").asText()).isEqualTo("A241001");
        assertThat(second.path("action").asText()).isEqualTo("USER_CODE_NOT_EXIST");
    }

    @Test
    void authorizingNeedsASubjectAndLeavesTheUserCodeUsableWithout() {
        String userCode = authorize(client, T0).path("userCode").asText();

        assertThat(complete(userCode, "AUTHORIZED", T0, "subject", "").path("action").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(complete(userCode, "AUTHORIZED", T0).path("action").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void denyingNeedsNoSubject() {
        String userCode = authorize(client, T0).path("userCode").asText();

        assertThat(complete(userCode, "ACCESS_DENIED", T0, "subject", "").path("action").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void anUnknownResultIsAnInvalidRequest() {
        String userCode = authorize(client, T0).path("userCode").asText();

        assertThat(complete(userCode, "MAYBE", T0).path("action").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(complete(userCode, null, T0).path("action").asText()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void completeKnowsExpiredAndUnknownUserCodes() {
        String userCode = authorize(client, T0).path("userCode").asText();

        assertThat(complete(userCode, "AUTHORIZED", T0.plusSeconds(600)).path("action").asText()).isEqualTo("USER_CODE_EXPIRED");
        assertThat(complete("ZZZZZZZZ", "AUTHORIZED", T0).path("action").asText()).isEqualTo("USER_CODE_NOT_EXIST");
    }

    // ---- the token endpoint

    @Test
    void pollingBeforeTheDecisionIsPendingAndTooFastIsSlowDown() {
        String deviceCode = authorize(client, T0).path("deviceCode").asText();

        ObjectNode first = poll(client, deviceCode, T0);
        ObjectNode tooSoon = poll(client, deviceCode, T0.plusSeconds(4));
        ObjectNode afterInterval = poll(client, deviceCode, T0.plusSeconds(9));

        assertThat(first.path("action").asText()).isEqualTo("BAD_REQUEST");
        assertThat(content(first).path("error").asText()).isEqualTo("authorization_pending");
        assertThat(content(tooSoon).path("error").asText()).isEqualTo("slow_down");
        assertThat(content(afterInterval).path("error").asText()).isEqualTo("authorization_pending");
    }

    @Test
    void anAuthorizedDeviceCodeGivesTokensOnce() throws Exception {
        ObjectNode issued = authorize(client, T0, "scope", "openid email");
        String deviceCode = issued.path("deviceCode").asText();
        complete(issued.path("userCode").asText(), "AUTHORIZED", T0.plusSeconds(30), "authTime", T0.getEpochSecond(), "acr", "urn:acr:pin");

        ObjectNode ok = poll(client, deviceCode, T0.plusSeconds(31));
        ObjectNode again = poll(client, deviceCode, T0.plusSeconds(40));

        assertThat(ok.path("action").asText()).as(ok.toString()).isEqualTo("OK");
        assertThat(ok.path("grantType").asText()).isEqualTo("DEVICE_CODE");
        assertThat(ok.path("subject").asText()).isEqualTo("device-user");
        assertThat(texts(ok.path("scopes"))).containsExactly("openid", "email");
        JsonNode tokens = content(ok);
        assertThat(tokens.path("access_token").asText()).isEqualTo(ok.path("accessToken").asText());
        assertThat(tokens.path("refresh_token").asText()).isNotEmpty();
        assertThat(tokens.path("scope").asText()).isEqualTo("openid email");
        var idToken = SignedJWT.parse(tokens.path("id_token").asText()).getJWTClaimsSet();
        assertThat(idToken.getSubject()).isEqualTo("device-user");
        assertThat(idToken.getIssuer()).isEqualTo("https://as.example.com");
        assertThat(idToken.getAudience()).containsExactly(Long.toString(client.clientId()));
        assertThat(idToken.getStringClaim("acr")).isEqualTo("urn:acr:pin");
        assertThat(idToken.getLongClaim("auth_time")).isEqualTo(T0.getEpochSecond());
        assertThat(s.state.byAccessToken(ok.path("accessToken").asText())).isPresent();

        assertThat(content(again).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void theCompleteCallShapesTheTokens() {
        ObjectNode issued = authorize(client, T0, "scope", "openid email");
        complete(issued.path("userCode").asText(), "AUTHORIZED", T0, "scopes", List.of("email"), "accessTokenDuration", 300,
                "properties", List.of(Map.of("key", "shown", "value", "1", "hidden", false),
                        Map.of("key", "secret", "value", "2", "hidden", true)));

        ObjectNode ok = poll(client, issued.path("deviceCode").asText(), T0);

        assertThat(ok.path("action").asText()).as(ok.toString()).isEqualTo("OK");
        assertThat(ok.has("idToken")).as("no openid in the replaced scopes").isFalse();
        assertThat(ok.path("accessTokenDuration").asLong()).isEqualTo(300);
        JsonNode tokens = content(ok);
        assertThat(tokens.path("scope").asText()).isEqualTo("email");
        assertThat(tokens.path("shown").asText()).isEqualTo("1");
        assertThat(tokens.has("secret")).isFalse();
        assertThat(ok.path("properties").size()).isEqualTo(2);
    }

    @Test
    void nullElementsInTheCompleteCallsArraysAreIgnored() {
        ObjectNode issued = authorize(client, T0, "scope", "openid");
        ObjectNode done = complete(issued.path("userCode").asText(), "AUTHORIZED", T0,
                "scopes", java.util.Arrays.asList("openid", null), "properties", java.util.Arrays.asList((Object) null));

        ObjectNode ok = poll(client, issued.path("deviceCode").asText(), T0);

        assertThat(done.path("action").asText()).isEqualTo("SUCCESS");
        assertThat(ok.path("action").asText()).as(ok.toString()).isEqualTo("OK");
        assertThat(texts(ok.path("scopes"))).containsExactly("openid");
    }

    @Test
    void noRefreshTokenWhenTheClientMayNotRefresh() {
        ClientConfig noRefresh = s.client("CONFIDENTIAL", Map.of("grantTypes", List.of("DEVICE_CODE")));
        ObjectNode issued = authorize(noRefresh, T0, "scope", "openid");
        complete(issued.path("userCode").asText(), "AUTHORIZED", T0);

        ObjectNode ok = poll(noRefresh, issued.path("deviceCode").asText(), T0);

        assertThat(ok.path("action").asText()).as(ok.toString()).isEqualTo("OK");
        assertThat(ok.has("refreshToken")).isFalse();
        assertThat(content(ok).has("refresh_token")).isFalse();
        assertThat(content(ok).path("id_token").asText()).isNotEmpty();
    }

    @Test
    void aDeniedRequestIsAccessDeniedWithTheServicesOwnDescription() {
        ObjectNode issued = authorize(client, T0);
        complete(issued.path("userCode").asText(), "ACCESS_DENIED", T0, "errorDescription", "The user said no.",
                "errorUri", "https://as.example.com/errors/denied");

        ObjectNode denied = poll(client, issued.path("deviceCode").asText(), T0);

        assertThat(denied.path("action").asText()).isEqualTo("BAD_REQUEST");
        assertThat(content(denied).path("error").asText()).isEqualTo("access_denied");
        assertThat(content(denied).path("error_description").asText()).isEqualTo("The user said no.");
        assertThat(content(denied).path("error_uri").asText()).isEqualTo("https://as.example.com/errors/denied");
    }

    @Test
    void aFailedTransactionIsAServerError() {
        ObjectNode issued = authorize(client, T0);
        complete(issued.path("userCode").asText(), "TRANSACTION_FAILED", T0);

        ObjectNode failed = poll(client, issued.path("deviceCode").asText(), T0);

        assertThat(failed.path("action").asText()).isEqualTo("BAD_REQUEST");
        assertThat(content(failed).path("error").asText()).isEqualTo("expired_token");
    }

    @Test
    void anExpiredDeviceCodeIsExpiredTokenEvenWhenAuthorized() {
        ObjectNode issued = authorize(client, T0);
        complete(issued.path("userCode").asText(), "AUTHORIZED", T0);

        ObjectNode expired = poll(client, issued.path("deviceCode").asText(), T0.plusSeconds(600));

        assertThat(content(expired).path("error").asText()).isEqualTo("expired_token");
    }

    @Test
    void anotherClientsDeviceCodeIsAnInvalidGrantAndStaysUsable() {
        ClientConfig other = s.client("CONFIDENTIAL", Map.of());
        ObjectNode issued = authorize(client, T0);
        complete(issued.path("userCode").asText(), "AUTHORIZED", T0);

        ObjectNode stolen = poll(other, issued.path("deviceCode").asText(), T0);

        assertThat(content(stolen).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(poll(client, issued.path("deviceCode").asText(), T0).path("action").asText()).isEqualTo("OK");
    }

    @Test
    void unknownAndMissingDeviceCodes() {
        assertThat(content(poll(client, "no-such-code", T0)).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(content(s.token(client, T0, "grant_type", GRANT)).path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void deletingTheClientAndSweepingDropDeviceAuthorizations() {
        ClientConfig doomed = s.client("CONFIDENTIAL", Map.of());
        String doomedCode = authorize(doomed, T0).path("deviceCode").asText();
        ObjectNode expiring = authorize(client, T0);

        s.state.removeClient(doomed.clientId());
        s.state.sweep(T0.plusSeconds(600));

        assertThat(s.state.deviceAuthorization(doomedCode)).isEmpty();
        assertThat(s.state.deviceAuthorization(expiring.path("deviceCode").asText())).isEmpty();
        assertThat(s.state.deviceAuthorizationByUserCode(expiring.path("userCode").asText())).isEmpty();
    }
}
