package io.github.authletetestkit.mock.internal.api;

import static io.github.authletetestkit.mock.internal.api.FlowTestSupport.T0;
import static io.github.authletetestkit.mock.internal.api.FlowTestSupport.body;
import static io.github.authletetestkit.mock.internal.api.FlowTestSupport.content;
import static io.github.authletetestkit.mock.internal.api.FlowTestSupport.texts;
import static io.github.authletetestkit.mock.internal.api.FlowTestSupport.withClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.github.authletetestkit.mock.internal.oauth.TokenHashes;
import io.github.authletetestkit.mock.model.ClientConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CIBA's four APIs and its token grant in the poll, ping and push modes, called directly. */
class CibaApiTest {

    private static final String GRANT = "urn:openid:params:grant-type:ciba";
    private static final String NOTIFY = "https://client.example.com/ciba/notify";

    private final FlowTestSupport s = new FlowTestSupport();
    private final CibaApi ciba = new CibaApi();
    private final ClientConfig poll = s.client("CONFIDENTIAL", Map.of("bcDeliveryMode", "POLL"));
    private final ClientConfig ping = s.client("CONFIDENTIAL", Map.of("bcDeliveryMode", "PING", "bcNotificationEndpoint", NOTIFY));
    private final ClientConfig push = s.client("CONFIDENTIAL", Map.of("bcDeliveryMode", "PUSH", "bcNotificationEndpoint", NOTIFY));

    private ObjectNode authenticate(ClientConfig c, Instant now, String... params) {
        return body(ciba.authentication(s.call("backchannel_authentication_api", withClient(c, params), now)));
    }

    /** A valid request of {@code c} with a login hint, plus these parameters. */
    private ObjectNode request(ClientConfig c, Instant now, String... extra) {
        List<String> params = new java.util.ArrayList<>(List.of("scope", "openid email", "login_hint", "alice"));
        if (!"POLL".equals(c.toJson().path("bcDeliveryMode").asText())) {
            params.addAll(List.of("client_notification_token", "cnt-123"));
        }
        params.addAll(List.of(extra));
        return authenticate(c, now, params.toArray(String[]::new));
    }

    private ObjectNode issue(String ticket, Instant now) {
        return body(ciba.issue(s.call("backchannel_authentication_issue_api", Map.of("ticket", ticket), now)));
    }

    private ObjectNode fail(String ticket, String reason, Object... extra) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("ticket", ticket);
        request.put("reason", reason);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            request.put((String) extra[i], extra[i + 1]);
        }
        request.values().removeIf(v -> v == null);
        return body(ciba.fail(s.call("backchannel_authentication_fail_api", request, T0)));
    }

    private ObjectNode complete(String ticket, String result, Instant now, Object... extra) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("ticket", ticket);
        request.put("result", result);
        request.put("subject", "alice-subject");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            request.put((String) extra[i], extra[i + 1]);
        }
        request.values().removeIf(v -> v == null);
        return body(ciba.complete(s.call("backchannel_authentication_complete_api", request, now)));
    }

    private ObjectNode pollToken(ClientConfig c, String authReqId, Instant now) {
        return s.token(c, now, "grant_type", GRANT, "auth_req_id", authReqId);
    }

    /** A request of {@code c} up to an issued auth_req_id: {ticket, authReqId}. */
    private String[] issued(ClientConfig c) {
        String ticket = request(c, T0).path("ticket").asText();
        return new String[] {ticket, issue(ticket, T0).path("authReqId").asText()};
    }

    private static String error(ObjectNode body) {
        return content(body).path("error").asText();
    }

    // ---- /backchannel/authentication

    @Test
    void aValidRequestAsksForUserIdentification() {
        ObjectNode body = request(poll, T0, "binding_message", "W4SCT", "acr_values", "urn:acr:pin");

        assertThat(body.path("action").asText()).as(body.toString()).isEqualTo("USER_IDENTIFICATION");
        assertThat(body.path("resultCode").asText()).isEqualTo("A179001");
        assertThat(body.path("ticket").asText()).hasSize(43);
        assertThat(body.path("hintType").asText()).isEqualTo("LOGIN_HINT");
        assertThat(body.path("hint").asText()).isEqualTo("alice");
        assertThat(body.path("deliveryMode").asText()).isEqualTo("POLL");
        assertThat(body.path("clientId").asLong()).isEqualTo(poll.clientId());
        assertThat(body.path("clientName").asText()).isEqualTo("flow client");
        assertThat(body.path("clientAuthMethod").asText()).isEqualTo("CLIENT_SECRET_BASIC");
        assertThat(body.path("scopes").findValuesAsText("name")).containsExactly("openid", "email");
        assertThat(texts(body.path("claimNames"))).containsExactly("email", "email_verified");
        assertThat(texts(body.path("acrs"))).containsExactly("urn:acr:pin");
        assertThat(body.path("bindingMessage").asText()).isEqualTo("W4SCT");
        assertThat(body.path("requestedExpiry").asInt()).isZero();
        assertThat(body.path("userCodeRequired").asBoolean()).isFalse();
        assertThat(body.has("sub")).isFalse();
    }

    @Test
    void aClientWithoutDeliveryModeIsUnauthorized() {
        ClientConfig none = s.client("CONFIDENTIAL", Map.of());

        ObjectNode body = request(none, T0);

        assertThat(body.path("action").asText()).isEqualTo("BAD_REQUEST");
        assertThat(body.path("resultCode").asText()).isEqualTo("A169301");
        assertThat(error(body)).isEqualTo("unauthorized_client");
    }

    @Test
    void theServiceAndClientMustAllowCiba() {
        ClientConfig codeOnly = s.client("CONFIDENTIAL", Map.of("bcDeliveryMode", "POLL", "grantTypes", List.of("AUTHORIZATION_CODE")));
        assertThat(error(request(codeOnly, T0))).isEqualTo("unauthorized_client");

        s.configure(Map.of("supportedGrantTypes", List.of("AUTHORIZATION_CODE")));
        assertThat(error(request(poll, T0))).isEqualTo("unauthorized_client");
    }

    @Test
    void theServiceMustSupportTheClientsDeliveryMode() {
        s.configure(Map.of("supportedBackchannelTokenDeliveryModes", List.of("POLL")));

        assertThat(request(poll, T0).path("action").asText()).isEqualTo("USER_IDENTIFICATION");
        assertThat(error(request(push, T0))).isEqualTo("unauthorized_client");
    }

    @Test
    void clientsMustAuthenticateAndPublicClientsCannot() {
        ClientConfig publicClient = s.client("PUBLIC", Map.of("bcDeliveryMode", "POLL"));
        ObjectNode wrongSecret = body(ciba.authentication(s.call("backchannel_authentication_api", Map.of(
                "parameters", "scope=openid&login_hint=alice", "clientId", Long.toString(poll.clientId()), "clientSecret", "nope"), T0)));

        assertThat(wrongSecret.path("action").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(error(wrongSecret)).isEqualTo("invalid_client");
        ObjectNode publicRequest = request(publicClient, T0);
        assertThat(publicRequest.path("action").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(error(publicRequest)).isEqualTo("invalid_client");
    }

    @Test
    void theScopeMustContainOpenidAndOnlySupportedScopes() {
        ObjectNode noOpenid = authenticate(poll, T0, "scope", "email", "login_hint", "alice");
        ObjectNode unknown = authenticate(poll, T0, "scope", "openid payments", "login_hint", "alice");

        assertThat(noOpenid.path("action").asText()).isEqualTo("BAD_REQUEST");
        assertThat(error(noOpenid)).isEqualTo("invalid_request");
        assertThat(error(unknown)).isEqualTo("invalid_scope");
    }

    @Test
    void exactlyOneHintIsRequired() {
        ObjectNode none = authenticate(poll, T0, "scope", "openid");
        ObjectNode two = authenticate(poll, T0, "scope", "openid", "login_hint", "alice", "login_hint_token", "lht");
        ObjectNode token = authenticate(poll, T0, "scope", "openid", "login_hint_token", "lht");

        assertThat(error(none)).isEqualTo("invalid_request");
        assertThat(error(two)).isEqualTo("invalid_request");
        assertThat(token.path("hintType").asText()).isEqualTo("LOGIN_HINT_TOKEN");
        assertThat(token.path("hint").asText()).isEqualTo("lht");
    }

    @Test
    void anIdTokenHintGivesItsSubject() {
        String hint = new PlainJWT(new JWTClaimsSet.Builder().subject("alice-subject").issuer("https://as.example.com").build()).serialize();

        ObjectNode body = authenticate(poll, T0, "scope", "openid", "id_token_hint", hint);
        ObjectNode garbage = authenticate(poll, T0, "scope", "openid", "id_token_hint", "not-a-jwt");

        assertThat(body.path("hintType").asText()).isEqualTo("ID_TOKEN_HINT");
        assertThat(body.path("sub").asText()).isEqualTo("alice-subject");
        assertThat(error(garbage)).isEqualTo("invalid_request");
    }

    @Test
    void pingAndPushNeedANotificationTokenAndEndpoint() {
        ClientConfig noEndpoint = s.client("CONFIDENTIAL", Map.of("bcDeliveryMode", "PING"));

        ObjectNode withoutToken = authenticate(ping, T0, "scope", "openid", "login_hint", "alice");
        ObjectNode withoutEndpoint = request(noEndpoint, T0);
        ObjectNode pingOk = request(ping, T0);

        assertThat(error(withoutToken)).isEqualTo("invalid_request");
        assertThat(error(withoutEndpoint)).isEqualTo("unauthorized_client");
        assertThat(pingOk.path("action").asText()).isEqualTo("USER_IDENTIFICATION");
        assertThat(pingOk.path("deliveryMode").asText()).isEqualTo("PING");
        assertThat(pingOk.path("clientNotificationToken").asText()).isEqualTo("cnt-123");
    }

    @Test
    void requestedExpiryMustBeAPositiveIntegerAndSetsTheLifetime() {
        assertThat(error(request(poll, T0, "requested_expiry", "soon"))).isEqualTo("invalid_request");
        assertThat(error(request(poll, T0, "requested_expiry", "0"))).isEqualTo("invalid_request");

        ObjectNode body = request(poll, T0, "requested_expiry", "120");
        assertThat(body.path("requestedExpiry").asInt()).isEqualTo(120);
        ObjectNode issued = issue(body.path("ticket").asText(), T0);
        assertThat(issued.path("expiresIn").asInt()).isEqualTo(120);
        assertThat(content(issued).path("expires_in").asInt()).isEqualTo(120);
    }

    @Test
    void aUserCodeIsRequiredWhenServiceAndClientSaySo() {
        ClientConfig strict = s.client("CONFIDENTIAL", Map.of("bcDeliveryMode", "POLL", "bcUserCodeRequired", true));

        ObjectNode missing = request(strict, T0);
        ObjectNode given = request(strict, T0, "user_code", "1234");

        assertThat(error(missing)).isEqualTo("missing_user_code");
        assertThat(given.path("userCode").asText()).isEqualTo("1234");
        assertThat(given.path("userCodeRequired").asBoolean()).isTrue();
    }

    // ---- /issue

    @Test
    void issueGivesAnAuthReqIdOncePerTicket() {
        String ticket = request(poll, T0).path("ticket").asText();

        ObjectNode first = issue(ticket, T0);
        ObjectNode second = issue(ticket, T0);

        assertThat(first.path("action").asText()).isEqualTo("OK");
        assertThat(first.path("resultCode").asText()).isEqualTo("A183001");
        assertThat(first.path("authReqId").asText()).hasSize(43);
        assertThat(first.path("expiresIn").asInt()).isEqualTo(600);
        assertThat(first.path("interval").asInt()).isEqualTo(5);
        JsonNode content = content(first);
        assertThat(content.path("auth_req_id").asText()).isEqualTo(first.path("authReqId").asText());
        assertThat(content.path("expires_in").asInt()).isEqualTo(600);
        assertThat(content.path("interval").asInt()).isEqualTo(5);
        assertThat(second.path("action").asText()).isEqualTo("INVALID_TICKET");
    }

    @Test
    void unknownAndExpiredTicketsAreInvalid() {
        String ticket = request(poll, T0).path("ticket").asText();

        assertThat(issue("no-such-ticket", T0).path("action").asText()).isEqualTo("INVALID_TICKET");
        assertThat(issue(ticket, T0.plusSeconds(86_400)).path("action").asText()).isEqualTo("INVALID_TICKET");
    }

    // ---- /fail

    @ParameterizedTest
    @CsvSource({"ACCESS_DENIED,FORBIDDEN,access_denied", "EXPIRED_LOGIN_HINT_TOKEN,BAD_REQUEST,expired_login_hint_token",
            "INVALID_BINDING_MESSAGE,BAD_REQUEST,invalid_binding_message", "INVALID_TARGET,BAD_REQUEST,invalid_target",
            "INVALID_USER_CODE,BAD_REQUEST,invalid_user_code", "MISSING_USER_CODE,BAD_REQUEST,missing_user_code",
            "SERVER_ERROR,INTERNAL_SERVER_ERROR,server_error", "UNAUTHORIZED_CLIENT,BAD_REQUEST,unauthorized_client",
            "UNKNOWN_USER_ID,BAD_REQUEST,unknown_user_id"})
    void failMapsEachReasonAndDeletesTheTicket(String reason, String action, String error) {
        String ticket = request(poll, T0).path("ticket").asText();

        ObjectNode body = fail(ticket, reason);

        assertThat(body.path("action").asText()).isEqualTo(action);
        assertThat(error(body)).isEqualTo(error);
        assertThat(issue(ticket, T0).path("action").asText()).isEqualTo("INVALID_TICKET");
    }

    @Test
    void failUsesTheServicesDescriptionAndDefaultsToServerError() {
        String ticket = request(poll, T0).path("ticket").asText();

        ObjectNode described = fail(ticket, "UNKNOWN_USER_ID", "errorDescription", "No such user.", "errorUri", "https://as.example.com/e");
        ObjectNode noReason = fail("whatever", null);

        assertThat(content(described).path("error_description").asText()).isEqualTo("No such user.");
        assertThat(content(described).path("error_uri").asText()).isEqualTo("https://as.example.com/e");
        assertThat(noReason.path("action").asText()).isEqualTo("INTERNAL_SERVER_ERROR");
    }

    // ---- /complete

    @Test
    void pollModeCompletesWithNoActionOnce() {
        String[] r = issued(poll);

        ObjectNode done = complete(r[0], "AUTHORIZED", T0);
        ObjectNode again = complete(r[0], "AUTHORIZED", T0);

        assertThat(done.path("action").asText()).isEqualTo("NO_ACTION");
        assertThat(done.path("resultCode").asText()).isEqualTo("A198001");
        assertThat(done.path("authReqId").asText()).isEqualTo(r[1]);
        assertThat(done.path("deliveryMode").asText()).isEqualTo("POLL");
        assertThat(done.path("clientId").asLong()).isEqualTo(poll.clientId());
        assertThat(done.has("responseContent")).isFalse();
        assertThat(again.path("action").asText()).isEqualTo("SERVER_ERROR");
    }

    @Test
    void completeRefusesBadCalls() {
        String notIssued = request(poll, T0).path("ticket").asText();
        String[] r = issued(poll);

        assertThat(complete(notIssued, "AUTHORIZED", T0).path("action").asText()).isEqualTo("SERVER_ERROR");
        assertThat(complete("no-such-ticket", "AUTHORIZED", T0).path("action").asText()).isEqualTo("SERVER_ERROR");
        assertThat(complete(r[0], "AUTHORIZED", T0, "subject", "").path("action").asText()).isEqualTo("SERVER_ERROR");
        assertThat(complete(r[0], "PERHAPS", T0).path("action").asText()).isEqualTo("SERVER_ERROR");
        assertThat(complete(r[0], "AUTHORIZED", T0).path("action").asText()).as("still usable").isEqualTo("NO_ACTION");
    }

    @Test
    void pingModeNotifiesWithTheAuthReqIdOnly() {
        String[] r = issued(ping);

        ObjectNode done = complete(r[0], "AUTHORIZED", T0);

        assertThat(done.path("action").asText()).isEqualTo("NOTIFICATION");
        assertThat(done.path("clientNotificationEndpoint").asText()).isEqualTo(NOTIFY);
        assertThat(done.path("clientNotificationToken").asText()).isEqualTo("cnt-123");
        assertThat(done.path("deliveryMode").asText()).isEqualTo("PING");
        assertThat(content(done).toString()).isEqualTo("{\"auth_req_id\":\"" + r[1] + "\"}");
        ObjectNode token = pollToken(ping, r[1], T0);
        assertThat(token.path("action").asText()).as(token.toString()).isEqualTo("OK");
    }

    @Test
    void pushModeDeliversTheTokensInTheNotification() throws Exception {
        String[] r = issued(push);

        ObjectNode done = complete(r[0], "AUTHORIZED", T0, "accessTokenDuration", 900);

        assertThat(done.path("action").asText()).as(done.toString()).isEqualTo("NOTIFICATION");
        assertThat(done.path("deliveryMode").asText()).isEqualTo("PUSH");
        assertThat(done.path("accessTokenDuration").asLong()).isEqualTo(900);
        JsonNode content = content(done);
        assertThat(content.path("auth_req_id").asText()).isEqualTo(r[1]);
        assertThat(content.path("access_token").asText()).isEqualTo(done.path("accessToken").asText());
        assertThat(content.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(content.path("expires_in").asLong()).isEqualTo(900);
        assertThat(content.path("refresh_token").asText()).isEqualTo(done.path("refreshToken").asText());
        var idToken = SignedJWT.parse(content.path("id_token").asText());
        assertThat(idToken.getJWTClaimsSet().getSubject()).isEqualTo("alice-subject");
        assertThat(idToken.getJWTClaimsSet().getStringClaim("urn:openid:params:jwt:claim:auth_req_id")).isEqualTo(r[1]);
        assertThat(idToken.getJWTClaimsSet().getStringClaim("at_hash"))
                .isEqualTo(TokenHashes.halfHash(content.path("access_token").asText(), idToken.getHeader().getAlgorithm()));
        assertThat(s.state.byAccessToken(done.path("accessToken").asText())).isPresent();
        assertThat(complete(r[0], "AUTHORIZED", T0).path("action").asText()).as("taken").isEqualTo("SERVER_ERROR");
    }

    @Test
    void pushModeDeliversDenialsAndFailures() {
        String[] denied = issued(push);
        String[] failed = issued(push);

        ObjectNode deniedBody = complete(denied[0], "ACCESS_DENIED", T0, "errorDescription", "No.");
        ObjectNode failedBody = complete(failed[0], "TRANSACTION_FAILED", T0);

        assertThat(deniedBody.path("action").asText()).isEqualTo("NOTIFICATION");
        assertThat(content(deniedBody).path("auth_req_id").asText()).isEqualTo(denied[1]);
        assertThat(error(deniedBody)).isEqualTo("access_denied");
        assertThat(content(deniedBody).path("error_description").asText()).isEqualTo("No.");
        assertThat(error(failedBody)).isEqualTo("expired_token");
        assertThat(content(failedBody).has("access_token")).isFalse();
    }

    @Test
    void completingAfterExpiryDependsOnTheMode() {
        String[] polled = issued(poll);
        String[] pinged = issued(ping);
        String[] pushed = issued(push);
        Instant late = T0.plusSeconds(600);

        assertThat(complete(polled[0], "AUTHORIZED", late).path("action").asText()).isEqualTo("SERVER_ERROR");
        ObjectNode pingBody = complete(pinged[0], "AUTHORIZED", late);
        assertThat(pingBody.path("action").asText()).isEqualTo("NOTIFICATION");
        assertThat(content(pingBody).has("error")).as("ping notifications carry the auth_req_id only").isFalse();
        assertThat(error(pollToken(ping, pinged[1], late))).isEqualTo("expired_token");
        ObjectNode pushBody = complete(pushed[0], "AUTHORIZED", late);
        assertThat(pushBody.path("action").asText()).isEqualTo("NOTIFICATION");
        assertThat(error(pushBody)).isEqualTo("expired_token");
    }

    // ---- the token endpoint

    @Test
    void pollingBeforeTheDecisionIsPendingAndTooFastIsSlowDown() {
        String[] r = issued(poll);

        assertThat(error(pollToken(poll, r[1], T0))).isEqualTo("authorization_pending");
        assertThat(error(pollToken(poll, r[1], T0.plusSeconds(2)))).isEqualTo("slow_down");
        assertThat(error(pollToken(poll, r[1], T0.plusSeconds(7)))).isEqualTo("authorization_pending");
    }

    @Test
    void anAuthorizedRequestGivesTokensOnce() throws Exception {
        String[] r = issued(poll);
        complete(r[0], "AUTHORIZED", T0, "acr", "urn:acr:pin");

        ObjectNode ok = pollToken(poll, r[1], T0.plusSeconds(10));
        ObjectNode again = pollToken(poll, r[1], T0.plusSeconds(20));

        assertThat(ok.path("action").asText()).as(ok.toString()).isEqualTo("OK");
        assertThat(ok.path("grantType").asText()).isEqualTo("CIBA");
        assertThat(ok.path("subject").asText()).isEqualTo("alice-subject");
        var idToken = SignedJWT.parse(content(ok).path("id_token").asText()).getJWTClaimsSet();
        assertThat(idToken.getSubject()).isEqualTo("alice-subject");
        assertThat(idToken.getStringClaim("acr")).isEqualTo("urn:acr:pin");
        assertThat(content(ok).path("refresh_token").asText()).isNotEmpty();
        assertThat(error(again)).isEqualTo("invalid_grant");
    }

    @Test
    void deniedAndFailedRequestsAreErrorsAtTheTokenEndpoint() {
        String[] denied = issued(poll);
        String[] failed = issued(poll);
        complete(denied[0], "ACCESS_DENIED", T0);
        complete(failed[0], "TRANSACTION_FAILED", T0);

        assertThat(error(pollToken(poll, denied[1], T0))).isEqualTo("access_denied");
        assertThat(error(pollToken(poll, failed[1], T0))).isEqualTo("expired_token");
    }

    @Test
    void anExpiredAuthReqIdIsExpiredToken() {
        String[] r = issued(poll);
        complete(r[0], "AUTHORIZED", T0);

        assertThat(error(pollToken(poll, r[1], T0.plusSeconds(600)))).isEqualTo("expired_token");
    }

    @Test
    void onlyTheRequestingClientCanPollAndPushClientsCannot() {
        ClientConfig other = s.client("CONFIDENTIAL", Map.of("bcDeliveryMode", "POLL"));
        String[] r = issued(poll);
        String[] pushed = issued(push);
        complete(r[0], "AUTHORIZED", T0);

        assertThat(error(pollToken(other, r[1], T0))).isEqualTo("invalid_grant");
        assertThat(error(pollToken(push, pushed[1], T0))).isEqualTo("unauthorized_client");
        assertThat(pollToken(poll, r[1], T0).path("action").asText()).isEqualTo("OK");
    }

    @Test
    void unknownAndMissingAuthReqIds() {
        assertThat(error(pollToken(poll, "no-such-id", T0))).isEqualTo("invalid_grant");
        assertThat(error(s.token(poll, T0, "grant_type", GRANT))).isEqualTo("invalid_request");
    }

    @Test
    void deletingTheClientAndSweepingDropRequests() {
        String[] doomed = issued(ping);
        String[] expiring = issued(poll);

        s.state.removeClient(ping.clientId());
        s.state.sweep(T0.plusSeconds(600));

        assertThat(s.state.backchannelRequest(doomed[0])).isEmpty();
        assertThat(s.state.backchannelRequest(expiring[0])).isEmpty();
        assertThat(s.state.backchannelRequestByAuthReqId(expiring[1])).isEmpty();
    }
}
