package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.testing.HttpReply;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The refresh, client credentials and password grants, with {@code /auth/token/issue} and {@code /fail}. */
class OtherGrantsTest extends MockServerTestBase {

    private HttpReply refresh(Flows.Client client, String refreshToken, String... extra) {
        Map<String, String> params = new java.util.LinkedHashMap<>(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            params.put(extra[i], extra[i + 1]);
        }
        return flows.token(client, params);
    }

    @Test
    void refreshRotatesAndInvalidatesTheOldAccessToken() {
        Flows.Client client = flows.confidentialClient();
        HttpReply first = flows.codeFlow(client, "scope", "profile email");

        HttpReply refreshed = refresh(client, first.text("refreshToken"));

        assertThat(refreshed.action()).isEqualTo("OK");
        assertThat(refreshed.text("accessToken")).isNotEqualTo(first.text("accessToken"));
        assertThat(refreshed.text("refreshToken")).isNotEqualTo(first.text("refreshToken"));
        assertThat(flows.introspect(first.text("accessToken")).action()).isEqualTo("UNAUTHORIZED");
        assertThat(flows.introspect(refreshed.text("accessToken")).action()).isEqualTo("OK");
        assertThat(refresh(client, first.text("refreshToken")).content().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void refreshCanNarrowButNotWidenTheScope() {
        Flows.Client client = flows.confidentialClient();
        String refreshToken = flows.codeFlow(client, "scope", "profile email").text("refreshToken");

        assertThat(refresh(client, refreshToken, "scope", "profile phone").content().get("error").asText()).isEqualTo("invalid_scope");
        HttpReply narrowed = refresh(client, refreshToken, "scope", "profile");
        assertThat(narrowed.content().get("scope").asText()).isEqualTo("profile");
    }

    @Test
    void refreshTokenKeptReturnsTheSameRefreshToken() {
        api.post("/service/update", Map.of("refreshTokenKept", true));
        Flows.Client client = flows.confidentialClient();
        String refreshToken = flows.codeFlow(client).text("refreshToken");

        HttpReply refreshed = refresh(client, refreshToken);

        assertThat(refreshed.text("refreshToken")).isEqualTo(refreshToken);
        assertThat(refresh(client, refreshToken).action()).isEqualTo("OK");
    }

    @Test
    void refreshTokenDurationKeptInheritsTheRemainingLifetime() {
        api.post("/service/update", Map.of("refreshTokenDurationKept", true, "refreshTokenDuration", 1000));
        Flows.Client client = flows.confidentialClient();
        HttpReply first = flows.codeFlow(client);
        mock.clock().advance(Duration.ofSeconds(300));

        HttpReply refreshed = refresh(client, first.text("refreshToken"));

        assertThat(refreshed.json().get("refreshTokenExpiresAt").asLong()).isEqualTo(first.json().get("refreshTokenExpiresAt").asLong());
        assertThat(refreshed.json().get("refreshTokenDuration").asLong()).isBetween(699L, 700L);
    }

    @Test
    void expiredRefreshTokenIsInvalidGrant() {
        api.post("/service/update", Map.of("refreshTokenDuration", 60));
        Flows.Client client = flows.confidentialClient();
        String refreshToken = flows.codeFlow(client).text("refreshToken");

        mock.clock().advance(Duration.ofSeconds(61));

        assertThat(refresh(client, refreshToken).content().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void refreshTokenOfAnotherClientIsInvalidGrant() {
        Flows.Client alice = flows.confidentialClient();
        Flows.Client bob = flows.confidentialClient();
        String refreshToken = flows.codeFlow(alice).text("refreshToken");

        assertThat(refresh(bob, refreshToken).content().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(refresh(alice, refreshToken).action()).isEqualTo("OK");
    }

    @Test
    void withoutRefreshTokenGrantOnTheServiceThereIsNoRefreshToken() {
        api.post("/service/update", Map.of("supportedGrantTypes", List.of("AUTHORIZATION_CODE")));
        Flows.Client client = flows.confidentialClient();

        HttpReply token = flows.codeFlow(client);

        assertThat(token.json().has("refreshToken")).isFalse();
        assertThat(token.content().has("refresh_token")).isFalse();
        HttpReply refused = refresh(client, "dummy_token");
        assertThat(refused.action()).isEqualTo("BAD_REQUEST");
        assertThat(refused.content().get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void accessTokenExpiresOnTheMockClock() {
        api.post("/service/update", Map.of("accessTokenDuration", 60));
        Flows.Client client = flows.confidentialClient();
        String accessToken = flows.codeFlow(client).text("accessToken");

        mock.clock().advance(Duration.ofSeconds(61));

        HttpReply reply = flows.introspect(accessToken);
        assertThat(reply.action()).isEqualTo("UNAUTHORIZED");
        assertThat(reply.json().get("existent").asBoolean()).isTrue();
        assertThat(reply.json().get("usable").asBoolean()).isFalse();
    }

    @Test
    void clientCredentialsGivesAnAccessTokenWithoutSubjectOrRefreshToken() {
        Flows.Client client = flows.confidentialClient();

        HttpReply reply = flows.token(client, Map.of("grant_type", "client_credentials", "scope", "profile"));

        assertThat(reply.action()).isEqualTo("OK");
        assertThat(reply.json().has("subject")).isFalse();
        assertThat(reply.json().has("refreshToken")).isFalse();
        assertThat(reply.text("grantType")).isEqualTo("CLIENT_CREDENTIALS");
        assertThat(flows.introspect(reply.text("accessToken")).action()).isEqualTo("OK");
    }

    @Test
    void clientCredentialsRefusesPublicClientsAndUnknownScopes() {
        Flows.Client publicClient = flows.createClient("PUBLIC", Map.of());
        Flows.Client client = flows.confidentialClient();

        assertThat(flows.token(publicClient, Map.of("grant_type", "client_credentials")).content().get("error").asText())
                .isEqualTo("unauthorized_client");
        assertThat(flows.token(client, Map.of("grant_type", "client_credentials", "scope", "nope")).content().get("error").asText())
                .isEqualTo("invalid_scope");
    }

    @Test
    void passwordGrantAsksTheServiceThenIssues() {
        Flows.Client client = flows.confidentialClient();

        HttpReply password = flows.token(client, Map.of("grant_type", "password", "username", "alice", "password", "s3cret", "scope", "profile"));

        assertThat(password.action()).isEqualTo("PASSWORD");
        assertThat(password.text("username")).isEqualTo("alice");
        assertThat(password.text("password")).isEqualTo("s3cret");
        HttpReply issued = api.post("/auth/token/issue", Map.of("ticket", password.text("ticket"), "subject", "alice"));
        assertThat(issued.action()).isEqualTo("OK");
        assertThat(issued.content().get("access_token").asText()).isEqualTo(issued.text("accessToken"));
        assertThat(flows.introspect(issued.text("accessToken")).text("subject")).isEqualTo("alice");
        HttpReply again = api.post("/auth/token/issue", Map.of("ticket", password.text("ticket"), "subject", "alice"));
        assertThat(again.action()).isEqualTo("INTERNAL_SERVER_ERROR");
    }

    @Test
    void passwordGrantNeedsUsernameAndPassword() {
        Flows.Client client = flows.confidentialClient();

        assertThat(flows.token(client, Map.of("grant_type", "password", "username", "alice")).content().get("error").asText())
                .isEqualTo("invalid_request");
    }

    @Test
    void tokenFailReportsBadCredentials() {
        Flows.Client client = flows.confidentialClient();
        String ticket = flows.token(client, Map.of("grant_type", "password", "username", "a", "password", "b")).text("ticket");

        HttpReply failed = api.post("/auth/token/fail", Map.of("ticket", ticket, "reason", "INVALID_RESOURCE_OWNER_CREDENTIALS"));

        assertThat(failed.action()).isEqualTo("BAD_REQUEST");
        assertThat(failed.resultCode()).isEqualTo("A067301");
        assertThat(failed.content().get("error").asText()).isEqualTo("invalid_request");
        assertThat(api.post("/auth/token/fail", Map.of("ticket", ticket, "reason", "UNKNOWN")).action()).isEqualTo("INTERNAL_SERVER_ERROR");
    }

    @Test
    void tokenFailWithTargetOrUnknownReason() {
        Flows.Client client = flows.confidentialClient();
        String t1 = flows.token(client, Map.of("grant_type", "password", "username", "a", "password", "b")).text("ticket");
        String t2 = flows.token(client, Map.of("grant_type", "password", "username", "a", "password", "b")).text("ticket");

        assertThat(api.post("/auth/token/fail", Map.of("ticket", t1, "reason", "INVALID_TARGET")).content().get("error").asText())
                .isEqualTo("invalid_target");
        assertThat(api.post("/auth/token/fail", Map.of("ticket", t2, "reason", "UNKNOWN")).action()).isEqualTo("INTERNAL_SERVER_ERROR");
    }
}
