package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.testing.MockHttp;
import io.github.authletetestkit.mock.testing.HttpReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pushed authorization requests (RFC 9126) and the ticket info/update pair. */
class ParAndTicketTest extends MockServerTestBase {

    private HttpReply push(Flows.Client client, Map<String, String> params) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parameters", MockHttp.form(params));
        body.put("clientId", Long.toString(client.id()));
        if (client.secret() != null) {
            body.put("clientSecret", client.secret());
        }
        return api.post("/pushed_auth_req", body);
    }

    private HttpReply authorizeWith(Flows.Client client, String requestUri) {
        return flows.authorize(Map.of("client_id", Long.toString(client.id()), "request_uri", requestUri));
    }

    @Test
    void pushedRequestRunsTheWholeCodeFlow() {
        Flows.Client client = flows.confidentialClient();

        HttpReply pushed = push(client, Flows.codeRequest(client, "scope", "profile"));

        assertThat(pushed.action()).isEqualTo("CREATED");
        assertThat(pushed.resultCode()).isEqualTo("A245001");
        String requestUri = pushed.text("requestUri");
        assertThat(requestUri).startsWith("urn:ietf:params:oauth:request_uri:");
        assertThat(pushed.content().get("expires_in").asInt()).isEqualTo(600);
        assertThat(pushed.content().get("request_uri").asText()).isEqualTo(requestUri);
        HttpReply authorization = authorizeWith(client, requestUri);
        assertThat(authorization.action()).isEqualTo("INTERACTION");
        assertThat(authorization.json().get("scopes").findValuesAsText("name")).containsExactly("profile");
        HttpReply issued = flows.issue(authorization.text("ticket"), Map.of());
        assertThat(issued.text("responseContent")).contains("state=testState");
        assertThat(flows.exchange(client, issued.text("authorizationCode")).action()).isEqualTo("OK");
    }

    @Test
    void requestUriIsSingleUseAndExpires() {
        Flows.Client client = flows.confidentialClient();
        String once = push(client, Flows.codeRequest(client)).text("requestUri");
        String later = push(client, Flows.codeRequest(client)).text("requestUri");

        assertThat(authorizeWith(client, once).action()).isEqualTo("INTERACTION");
        HttpReply reused = authorizeWith(client, once);
        assertThat(reused.action()).isEqualTo("BAD_REQUEST");
        assertThat(reused.resultCode()).isEqualTo("A008303");
        assertThat(reused.content().get("error").asText()).isEqualTo("invalid_request_uri");

        mock.clock().advance(Duration.ofSeconds(601));
        assertThat(authorizeWith(client, later).action()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void requestUriOfAnotherClientOrNotAParUriIsRefused() {
        Flows.Client alice = flows.confidentialClient();
        Flows.Client bob = flows.confidentialClient();
        String requestUri = push(alice, Flows.codeRequest(alice)).text("requestUri");

        assertThat(authorizeWith(bob, requestUri).action()).isEqualTo("BAD_REQUEST");
        assertThat(authorizeWith(alice, "https://client.example.com/request.jwt").action()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void clientAuthenticationFailsAsUnauthorized() {
        Flows.Client client = flows.confidentialClient();

        assertThat(push(client.withSecret("wrong"), Flows.codeRequest(client)).action()).isEqualTo("UNAUTHORIZED");
        HttpReply missing = push(client.withSecret(null), Flows.codeRequest(client));
        assertThat(missing.action()).isEqualTo("UNAUTHORIZED");
        assertThat(missing.content().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void invalidPushedRequestsAreBadRequestsNeverRedirects() {
        Flows.Client client = flows.confidentialClient();

        HttpReply badScope = push(client, Flows.codeRequest(client, "scope", "unknown"));
        HttpReply nested = push(client, Flows.codeRequest(client, "request_uri", "urn:x"));
        HttpReply otherClient = push(client, Flows.codeRequest(new Flows.Client(4242424242424L, null)));

        assertThat(badScope.action()).isEqualTo("BAD_REQUEST");
        assertThat(badScope.content().get("error").asText()).isEqualTo("invalid_scope");
        assertThat(nested.action()).isEqualTo("BAD_REQUEST");
        assertThat(otherClient.action()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void parRequiredAcceptsOnlyPushedRequests() {
        api.post("/service/update", Map.of("parRequired", true));
        Flows.Client client = flows.confidentialClient();

        assertThat(flows.authorize(Flows.codeRequest(client)).action()).isEqualTo("LOCATION");
        String requestUri = push(client, Flows.codeRequest(client)).text("requestUri");
        assertThat(authorizeWith(client, requestUri).action()).isEqualTo("INTERACTION");
    }

    @Test
    void ticketInfoShowsAndUpdateReplacesTheContextWithoutConsumingTheTicket() {
        Flows.Client client = flows.confidentialClient();
        String ticket = api.post("/auth/authorization", Map.of("parameters", MockHttp.form(Flows.codeRequest(client)),
                "context", "session-1")).text("ticket");

        HttpReply info = api.post("/auth/authorization/ticket/info", Map.of("ticket", ticket));
        assertThat(info.action()).isEqualTo("OK");
        assertThat(info.json().get("info").get("context").asText()).isEqualTo("session-1");

        HttpReply updated = api.post("/auth/authorization/ticket/update", Map.of("ticket", ticket, "info", "{\"context\":\"session-2\"}"));
        assertThat(updated.action()).isEqualTo("OK");
        JsonNode after = api.post("/auth/authorization/ticket/info", Map.of("ticket", ticket)).json();
        assertThat(after.get("info").get("context").asText()).isEqualTo("session-2");

        assertThat(flows.issue(ticket, Map.of()).action()).isEqualTo("LOCATION");
        assertThat(api.post("/auth/authorization/ticket/info", Map.of("ticket", ticket)).action()).isEqualTo("NOT_FOUND");
        assertThat(api.post("/auth/authorization/ticket/update", Map.of("ticket", "nope", "info", "{}")).action()).isEqualTo("NOT_FOUND");
    }
}
