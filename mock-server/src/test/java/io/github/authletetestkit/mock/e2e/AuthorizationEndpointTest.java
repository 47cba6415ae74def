package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.testing.HttpReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@code /auth/authorization}, {@code /issue} and {@code /fail}: every action and the rules behind it. */
class AuthorizationEndpointTest extends MockServerTestBase {

    @Test
    void validRequestGivesInteractionWithTicketClientAndScopes() {
        Flows.Client client = flows.confidentialClient();

        HttpReply reply = flows.authorize(Flows.codeRequest(client, "scope", "openid profile", "nonce", "n-1"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.action()).isEqualTo("INTERACTION");
        assertThat(reply.resultCode()).isEqualTo("A004001");
        assertThat(reply.text("ticket")).hasSize(43);
        JsonNode body = reply.json();
        assertThat(body.get("client").get("clientId").asLong()).isEqualTo(client.id());
        assertThat(body.get("scopes").findValuesAsText("name")).containsExactly("openid", "profile");
        assertThat(body.get("claims").toString()).contains("given_name");
        assertThat(body.has("responseContent")).isFalse();
    }

    @Test
    void promptNoneGivesNoInteraction() {
        Flows.Client client = flows.confidentialClient();

        HttpReply reply = flows.authorize(Flows.codeRequest(client, "prompt", "none"));

        assertThat(reply.action()).isEqualTo("NO_INTERACTION");
        assertThat(reply.json().get("prompts").get(0).asText()).isEqualTo("NONE");
    }

    @Test
    void missingParametersIsBadRequestA004201() {
        HttpReply reply = api.post("/auth/authorization", Map.of("parameters", ""));

        assertThat(reply.action()).isEqualTo("BAD_REQUEST");
        assertThat(reply.resultCode()).isEqualTo("A004201");
        assertThat(reply.content().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void errorsBeforeTheRedirectUriIsTrustedAreBadRequest() {
        Flows.Client client = flows.confidentialClient();
        Flows.Client twoUris = flows.createClient("CONFIDENTIAL", Map.of("redirectUris", List.of(Flows.REDIRECT_URI, "https://client.example.com/other")));

        assertBadRequest(flows.authorize(Map.of("response_type", "code")));
        assertBadRequest(flows.authorize(Map.of("response_type", "code", "client_id", "4242424242424")));
        assertBadRequest(flows.authorize(Map.of("response_type", "code", "client_id", Long.toString(client.id()),
                "redirect_uri", "https://evil.example.com/cb")));
        assertBadRequest(flows.authorize(Map.of("response_type", "code", "client_id", Long.toString(twoUris.id()))));
        assertBadRequest(flows.authorize(Map.of("response_type", "code", "client_id", Long.toString(client.id()), "scope", "openid")));
        assertBadRequest(flows.authorize(Map.of("client_id", Long.toString(client.id()), "request_uri", "urn:x")));
    }

    @Test
    void singleRegisteredRedirectUriIsUsedWhenTheRequestOmitsIt() {
        Flows.Client client = flows.confidentialClient();

        String ticket = flows.ticket(Map.of("response_type", "code", "client_id", Long.toString(client.id())));
        HttpReply issued = flows.issue(ticket, Map.of());

        assertThat(issued.text("responseContent")).startsWith(Flows.REDIRECT_URI + "?code=");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "response_type=,invalid_request",
            "response_type=bogus,unsupported_response_type",
            "scope=unknown_scope,invalid_scope",
            "response_mode=bogus,invalid_request",
            "code_challenge_method=S256,invalid_request",
            "code_challenge=short,invalid_request",
            "max_age=abc,invalid_request",
            "prompt=none login,invalid_request",
            "prompt=bogus,invalid_request",
            "display=bogus,invalid_request",
            "claims=[1],invalid_request",
    })
    void errorsAfterTheRedirectUriIsTrustedGoBackToTheClient(String parameter, String error) {
        Flows.Client client = flows.confidentialClient();
        Map<String, String> params = Flows.codeRequest(client);
        String[] kv = parameter.split("=", 2);
        params.put(kv[0], kv[1]);

        HttpReply reply = flows.authorize(params);

        assertThat(reply.action()).as(reply.toString()).isEqualTo("LOCATION");
        String location = reply.text("responseContent");
        assertThat(location).startsWith(Flows.REDIRECT_URI + "?");
        assertThat(Flows.redirectParam(location, "error")).isEqualTo(error);
        assertThat(Flows.redirectParam(location, "state")).isEqualTo("testState");
        assertThat(Flows.redirectParam(location, "iss")).isEqualTo(mock.settings().issuer());
        assertThat(Flows.redirectParam(location, "error_description")).startsWith("[" + reply.resultCode() + "] ");
    }

    @Test
    void responseTypeTheClientMayNotUseIsUnauthorizedClient() {
        Flows.Client client = flows.createClient("CONFIDENTIAL", Map.of("responseTypes", List.of("CODE")));

        HttpReply reply = flows.authorize(Flows.codeRequest(client, "response_type", "token"));

        assertThat(Flows.redirectParam(reply.text("responseContent"), "error")).isEqualTo("unauthorized_client");
    }

    @Test
    void formPostErrorsAndResultsComeAsAnAutoSubmittingForm() {
        Flows.Client client = flows.confidentialClient();

        HttpReply error = flows.authorize(Flows.codeRequest(client, "response_mode", "form_post", "scope", "nope"));
        assertThat(error.action()).isEqualTo("FORM");
        assertThat(error.text("responseContent")).contains("<form method=\"post\" action=\"" + Flows.REDIRECT_URI + "\"")
                .contains("name=\"error\" value=\"invalid_scope\"");

        String ticket = flows.ticket(Flows.codeRequest(client, "response_mode", "form_post"));
        HttpReply issued = flows.issue(ticket, Map.of());
        assertThat(issued.action()).isEqualTo("FORM");
        assertThat(issued.text("responseContent")).contains("name=\"code\" value=\"" + issued.text("authorizationCode") + "\"");
    }

    @Test
    void issueRedirectsWithCodeStateAndIss() {
        Flows.Client client = flows.confidentialClient();
        String ticket = flows.ticket(Flows.codeRequest(client));

        HttpReply issued = flows.issue(ticket, Map.of());

        assertThat(issued.action()).isEqualTo("LOCATION");
        assertThat(issued.resultCode()).isEqualTo("A040001");
        String location = issued.text("responseContent");
        assertThat(Flows.redirectParam(location, "code")).isEqualTo(issued.text("authorizationCode"));
        assertThat(location).contains("state=testState");
        assertThat(Flows.redirectParam(location, "iss")).isEqualTo("https://as.example.com");
    }

    @Test
    void issSuppressedLeavesIssOut() {
        api.post("/service/update", Map.of("issSuppressed", true));
        Flows.Client client = flows.confidentialClient();

        String location = flows.issue(flows.ticket(Flows.codeRequest(client)), Map.of()).text("responseContent");

        assertThat(Flows.redirectParam(location, "iss")).isNull();
    }

    @Test
    void ticketsAreSingleUse() {
        Flows.Client client = flows.confidentialClient();
        String ticket = flows.ticket(Flows.codeRequest(client));
        flows.issue(ticket, Map.of());

        HttpReply again = flows.issue(ticket, Map.of());
        HttpReply fail = api.post("/auth/authorization/fail", Map.of("ticket", ticket, "reason", "DENIED"));

        assertThat(again.action()).isEqualTo("BAD_REQUEST");
        assertThat(fail.action()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void expiredTicketIsBadRequest() {
        Flows.Client client = flows.confidentialClient();
        String ticket = flows.ticket(Flows.codeRequest(client));

        mock.clock().advance(Duration.ofHours(25));

        assertThat(flows.issue(ticket, Map.of()).action()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void issueWithoutSubjectIsInternalServerErrorAndKeepsTheTicket() {
        Flows.Client client = flows.confidentialClient();
        String ticket = flows.ticket(Flows.codeRequest(client));

        HttpReply reply = api.post("/auth/authorization/issue", Map.of("ticket", ticket, "subject", ""));

        assertThat(reply.action()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(flows.issue(ticket, Map.of()).action()).isEqualTo("LOCATION");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "UNKNOWN,server_error", "NOT_LOGGED_IN,login_required", "MAX_AGE_NOT_SUPPORTED,login_required",
            "EXCEEDS_MAX_AGE,login_required", "DIFFERENT_SUBJECT,login_required", "ACR_NOT_SATISFIED,login_required",
            "DENIED,access_denied", "SERVER_ERROR,server_error", "NOT_AUTHENTICATED,login_required",
            "ACCOUNT_SELECTION_REQUIRED,account_selection_required", "CONSENT_REQUIRED,consent_required",
            "INTERACTION_REQUIRED,interaction_required", "INVALID_TARGET,invalid_target"})
    void failRedirectsWithTheErrorOfEachReason(String reason, String error) {
        Flows.Client client = flows.confidentialClient();
        String ticket = flows.ticket(Flows.codeRequest(client));

        HttpReply reply = api.post("/auth/authorization/fail", Map.of("ticket", ticket, "reason", reason));

        assertThat(reply.action()).isEqualTo("LOCATION");
        String location = reply.text("responseContent");
        assertThat(Flows.redirectParam(location, "error")).isEqualTo(error);
        assertThat(Flows.redirectParam(location, "state")).isEqualTo("testState");
    }

    @Test
    void failWithDescriptionUsesIt() {
        Flows.Client client = flows.confidentialClient();
        String ticket = flows.ticket(Flows.codeRequest(client));

        HttpReply reply = api.post("/auth/authorization/fail", Map.of("ticket", ticket, "reason", "DENIED", "description", "no thanks"));

        assertThat(Flows.redirectParam(reply.text("responseContent"), "error_description")).endsWith("no thanks");
    }

    @Test
    void failWithAnUnknownReasonIsRejectedAsABadCall() {
        HttpReply reply = api.post("/auth/authorization/fail", Map.of("ticket", "t", "reason", "BOGUS"));

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void parRequiredRefusesAFrontChannelRequest() {
        api.post("/service/update", Map.of("parRequired", true));
        Flows.Client client = flows.confidentialClient();

        HttpReply reply = flows.authorize(Flows.codeRequest(client));

        assertThat(reply.action()).isNotEqualTo("INTERACTION");
        assertThat(Flows.redirectParam(reply.text("responseContent"), "error")).isEqualTo("invalid_request");
    }

    @Test
    void errorDescriptionAndUriCanBeOmitted() {
        api.post("/service/update", Map.of("errorDescriptionOmitted", true, "errorUriOmitted", true));

        HttpReply reply = api.post("/auth/authorization", Map.of("parameters", "response_type=code"));

        assertThat(reply.content().has("error_description")).isFalse();
        assertThat(reply.content().has("error_uri")).isFalse();
        assertThat(reply.content().get("error").asText()).isEqualTo("invalid_request");
    }

    private static void assertBadRequest(HttpReply reply) {
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.action()).as(reply.toString()).isEqualTo("BAD_REQUEST");
        JsonNode error = reply.content();
        assertThat(error.get("error").asText()).startsWith("invalid_request");
        assertThat(error.get("error_description").asText()).startsWith("[" + reply.resultCode() + "] ");
        assertThat(error.get("error_uri").asText()).endsWith("#" + reply.resultCode());
    }
}
