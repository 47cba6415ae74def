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

/** CIBA over HTTP in the poll, ping and push modes: authentication, issue, fail, complete and token polling. */
class CibaFlowTest extends MockServerTestBase {

    private static final String GRANT = "urn:openid:params:grant-type:ciba";
    private static final String NOTIFY = "https://client.example.com/ciba/notify";

    private Flows.Client cibaClient(String mode) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("grantTypes", List.of("CIBA", "REFRESH_TOKEN"));
        if (mode != null) {
            overrides.put("bcDeliveryMode", mode);
        }
        if (!"POLL".equals(mode)) {
            overrides.put("bcNotificationEndpoint", NOTIFY);
        }
        return flows.createClient("CONFIDENTIAL", overrides);
    }

    private HttpReply authenticate(Flows.Client client, String... params) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            form.put(params[i], params[i + 1]);
        }
        return api.post("/backchannel/authentication", Map.of("parameters", MockHttp.form(form),
                "clientId", Long.toString(client.id()), "clientSecret", client.secret()));
    }

    /** A ticket for a valid request of the client, in its mode. */
    private String ticket(Flows.Client client, boolean notified) {
        HttpReply reply = notified
                ? authenticate(client, "scope", "openid email", "login_hint", "alice", "client_notification_token", "cnt-1")
                : authenticate(client, "scope", "openid email", "login_hint", "alice", "binding_message", "B1");
        assertThat(reply.action()).as(reply.toString()).isEqualTo("USER_IDENTIFICATION");
        return reply.text("ticket");
    }

    private HttpReply issue(String ticket) {
        return api.post("/backchannel/authentication/issue", Map.of("ticket", ticket));
    }

    private HttpReply complete(String ticket, String result) {
        return api.post("/backchannel/authentication/complete", Map.of("ticket", ticket, "result", result, "subject", Flows.SUBJECT));
    }

    private HttpReply poll(Flows.Client client, String authReqId) {
        return flows.token(client, Map.of("grant_type", GRANT, "auth_req_id", authReqId));
    }

    @Test
    void pollModeFromRequestToTokens() throws Exception {
        Flows.Client client = cibaClient("POLL");

        HttpReply identification = authenticate(client, "scope", "openid email", "login_hint", "alice", "binding_message", "B1");
        assertThat(identification.status()).isEqualTo(200);
        assertThat(identification.action()).as(identification.toString()).isEqualTo("USER_IDENTIFICATION");
        assertThat(identification.text("hintType")).isEqualTo("LOGIN_HINT");
        assertThat(identification.text("hint")).isEqualTo("alice");
        assertThat(identification.text("deliveryMode")).isEqualTo("POLL");
        assertThat(identification.text("bindingMessage")).isEqualTo("B1");

        HttpReply issued = issue(identification.text("ticket"));
        assertThat(issued.action()).as(issued.toString()).isEqualTo("OK");
        String authReqId = issued.text("authReqId");
        JsonNode content = issued.content();
        assertThat(content.get("auth_req_id").asText()).isEqualTo(authReqId);
        assertThat(content.get("expires_in").asInt()).isEqualTo(600);
        assertThat(content.get("interval").asInt()).isEqualTo(5);

        assertThat(poll(client, authReqId).content().get("error").asText()).isEqualTo("authorization_pending");
        assertThat(poll(client, authReqId).content().get("error").asText()).isEqualTo("slow_down");

        HttpReply completed = complete(identification.text("ticket"), "AUTHORIZED");
        assertThat(completed.action()).as(completed.toString()).isEqualTo("NO_ACTION");
        assertThat(completed.text("authReqId")).isEqualTo(authReqId);

        mock.clock().advance(Duration.ofSeconds(5));
        HttpReply tokens = poll(client, authReqId);
        assertThat(tokens.action()).as(tokens.toString()).isEqualTo("OK");
        assertThat(SignedJWT.parse(tokens.content().get("id_token").asText()).getJWTClaimsSet().getSubject()).isEqualTo(Flows.SUBJECT);
        assertThat(tokens.content().get("refresh_token").asText()).isNotEmpty();
        assertThat(flows.introspect(tokens.content().get("access_token").asText()).action()).isEqualTo("OK");

        mock.clock().advance(Duration.ofSeconds(5));
        assertThat(poll(client, authReqId).content().get("error").asText()).as("single use").isEqualTo("invalid_grant");
        assertThat(issue(identification.text("ticket")).action()).isEqualTo("INVALID_TICKET");
    }

    @Test
    void pingModeNotifiesThenTheClientPolls() {
        Flows.Client client = cibaClient("PING");
        String ticket = ticket(client, true);
        String authReqId = issue(ticket).text("authReqId");

        HttpReply completed = complete(ticket, "AUTHORIZED");

        assertThat(completed.action()).as(completed.toString()).isEqualTo("NOTIFICATION");
        assertThat(completed.text("clientNotificationEndpoint")).isEqualTo(NOTIFY);
        assertThat(completed.text("clientNotificationToken")).isEqualTo("cnt-1");
        assertThat(completed.content().get("auth_req_id").asText()).isEqualTo(authReqId);
        assertThat(completed.content().size()).isEqualTo(1);
        assertThat(poll(client, authReqId).action()).isEqualTo("OK");
    }

    @Test
    void pushModeDeliversTheTokensInTheNotification() {
        Flows.Client client = cibaClient("PUSH");
        String ticket = ticket(client, true);
        String authReqId = issue(ticket).text("authReqId");

        HttpReply completed = complete(ticket, "AUTHORIZED");

        assertThat(completed.action()).as(completed.toString()).isEqualTo("NOTIFICATION");
        JsonNode content = completed.content();
        assertThat(content.get("auth_req_id").asText()).isEqualTo(authReqId);
        assertThat(content.get("access_token").asText()).isEqualTo(completed.text("accessToken"));
        assertThat(content.get("id_token").asText()).isEqualTo(completed.text("idToken"));
        assertThat(flows.introspect(completed.text("accessToken")).action()).isEqualTo("OK");
        HttpReply polled = poll(client, authReqId);
        assertThat(polled.action()).isEqualTo("BAD_REQUEST");
        assertThat(polled.content().get("error").asText()).isEqualTo("unauthorized_client");
    }

    @Test
    void deniedRequestsAndFailures() {
        Flows.Client client = cibaClient("POLL");
        String deniedTicket = ticket(client, false);
        String deniedId = issue(deniedTicket).text("authReqId");
        complete(deniedTicket, "ACCESS_DENIED");

        String unknownUserTicket = ticket(client, false);
        HttpReply unknownUser = api.post("/backchannel/authentication/fail", Map.of("ticket", unknownUserTicket, "reason", "UNKNOWN_USER_ID"));
        HttpReply forbidden = api.post("/backchannel/authentication/fail", Map.of("ticket", ticket(client, false), "reason", "ACCESS_DENIED"));

        assertThat(poll(client, deniedId).content().get("error").asText()).isEqualTo("access_denied");
        assertThat(unknownUser.action()).as(unknownUser.toString()).isEqualTo("BAD_REQUEST");
        assertThat(unknownUser.content().get("error").asText()).isEqualTo("unknown_user_id");
        assertThat(forbidden.action()).isEqualTo("FORBIDDEN");
        assertThat(forbidden.content().get("error").asText()).isEqualTo("access_denied");
        assertThat(issue(unknownUserTicket).action()).isEqualTo("INVALID_TICKET");
    }

    @Test
    void badRequestsAreRefused() {
        Flows.Client noMode = cibaClient(null);
        Flows.Client client = cibaClient("POLL");

        HttpReply unset = authenticate(noMode, "scope", "openid", "login_hint", "alice");
        HttpReply noOpenid = authenticate(client, "scope", "email", "login_hint", "alice");
        HttpReply noHint = authenticate(client, "scope", "openid");
        HttpReply wrongSecret = authenticate(client.withSecret("wrong"), "scope", "openid", "login_hint", "alice");

        assertThat(unset.action()).isEqualTo("BAD_REQUEST");
        assertThat(unset.resultCode()).isEqualTo("A169301");
        assertThat(unset.content().get("error").asText()).isEqualTo("unauthorized_client");
        assertThat(noOpenid.content().get("error").asText()).isEqualTo("invalid_request");
        assertThat(noHint.content().get("error").asText()).isEqualTo("invalid_request");
        assertThat(wrongSecret.action()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void anAuthReqIdExpires() {
        Flows.Client client = cibaClient("POLL");
        String ticket = ticket(client, false);
        String authReqId = issue(ticket).text("authReqId");

        mock.clock().advance(Duration.ofSeconds(601));

        assertThat(poll(client, authReqId).content().get("error").asText()).isEqualTo("expired_token");
        assertThat(complete(ticket, "AUTHORIZED").action()).isEqualTo("SERVER_ERROR");
    }
}
