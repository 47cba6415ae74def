package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.testing.HttpReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What resource servers ask: introspection (both kinds), revocation, and the UserInfo pair. */
class IntrospectionRevocationUserInfoTest extends MockServerTestBase {

    @Test
    void introspectionOkDescribesTheToken() {
        Flows.Client client = flows.confidentialClient();
        HttpReply token = flows.codeFlow(client, "scope", "openid profile", "nonce", "n");

        HttpReply reply = flows.introspect(token.text("accessToken"));

        assertThat(reply.action()).isEqualTo("OK");
        assertThat(reply.resultCode()).isEqualTo("A056001");
        assertThat(reply.text("responseContent")).isEqualTo("Bearer error=\"invalid_request\"");
        JsonNode body = reply.json();
        assertThat(body.get("clientId").asLong()).isEqualTo(client.id());
        assertThat(body.get("subject").asText()).isEqualTo(Flows.SUBJECT);
        assertThat(body.get("scopes").toString()).contains("openid", "profile");
        assertThat(body.get("existent").asBoolean()).isTrue();
        assertThat(body.get("usable").asBoolean()).isTrue();
        assertThat(body.get("sufficient").asBoolean()).isTrue();
        assertThat(body.get("refreshable").asBoolean()).isTrue();
        assertThat(body.get("expiresAt").asLong()).isEqualTo(token.json().get("accessTokenExpiresAt").asLong());
    }

    @Test
    void introspectionErrorsCarryWwwAuthenticateValues() {
        Flows.Client client = flows.confidentialClient();
        String accessToken = flows.codeFlow(client, "scope", "profile").text("accessToken");

        HttpReply missing = api.post("/auth/introspection", Map.of("token", ""));
        HttpReply omitted = api.post("/auth/introspection", Map.of());
        HttpReply unknown = flows.introspect("nope");
        HttpReply scopes = api.post("/auth/introspection", Map.of("token", accessToken, "scopes", List.of("email")));
        HttpReply subject = api.post("/auth/introspection", Map.of("token", accessToken, "subject", "someone-else"));
        HttpReply fine = api.post("/auth/introspection", Map.of("token", accessToken, "scopes", List.of("profile"), "subject", Flows.SUBJECT));

        assertThat(missing.action()).isEqualTo("BAD_REQUEST");
        assertThat(missing.text("responseContent")).startsWith("Bearer error=\"invalid_request\"");
        assertThat(omitted.status()).as("the spec requires 'token'").isEqualTo(400);
        assertThat(unknown.action()).isEqualTo("UNAUTHORIZED");
        assertThat(unknown.text("responseContent")).startsWith("Bearer error=\"invalid_token\"");
        assertThat(unknown.json().get("existent").asBoolean()).isFalse();
        assertThat(scopes.action()).isEqualTo("FORBIDDEN");
        assertThat(scopes.text("responseContent")).contains("error=\"insufficient_scope\"");
        assertThat(subject.action()).isEqualTo("FORBIDDEN");
        assertThat(fine.action()).isEqualTo("OK");
    }

    @Test
    void introspectionOfALockedClientsTokenIsForbidden() {
        Flows.Client client = flows.confidentialClient();
        String accessToken = flows.codeFlow(client).text("accessToken");

        api.post("/client/lock_flag/update/" + client.id(), Map.of("clientLocked", true));

        assertThat(flows.introspect(accessToken).action()).isEqualTo("FORBIDDEN");
    }

    @Test
    void standardIntrospectionFollowsRfc7662() {
        Flows.Client client = flows.confidentialClient();
        String ticket = flows.ticket(Flows.codeRequest(client, "scope", "profile"));
        String code = flows.issue(ticket, Map.of("properties", List.of(Map.of("key", "team", "value", "blue"),
                Map.of("key", "secret", "value", "x", "hidden", true)))).text("authorizationCode");
        HttpReply token = flows.exchange(client, code);

        JsonNode active = api.post("/auth/introspection/standard", Map.of("parameters", "token=" + token.text("accessToken"))).content();
        JsonNode withHidden = api.post("/auth/introspection/standard", Map.of("parameters", "token=" + token.text("accessToken"),
                "withHiddenProperties", true)).content();
        JsonNode refresh = api.post("/auth/introspection/standard", Map.of("parameters", "token=" + token.text("refreshToken"))).content();
        JsonNode inactive = api.post("/auth/introspection/standard", Map.of("parameters", "token=nope")).content();
        HttpReply missing = api.post("/auth/introspection/standard", Map.of("parameters", "token_type_hint=access_token"));

        assertThat(active.get("active").asBoolean()).isTrue();
        assertThat(active.get("scope").asText()).isEqualTo("profile");
        assertThat(active.get("sub").asText()).isEqualTo(Flows.SUBJECT);
        assertThat(active.get("client_id").asText()).isEqualTo(Long.toString(client.id()));
        assertThat(active.get("team").asText()).isEqualTo("blue");
        assertThat(active.has("secret")).isFalse();
        assertThat(withHidden.get("secret").asText()).isEqualTo("x");
        assertThat(refresh.get("active").asBoolean()).isTrue();
        assertThat(inactive.toString()).isEqualTo("{\"active\":false}");
        assertThat(missing.action()).isEqualTo("BAD_REQUEST");
    }

    @ParameterizedTest(name = "revoking the {0} with hint {1}")
    @CsvSource({"accessToken,''", "accessToken,refresh_token", "refreshToken,''", "refreshToken,access_token"})
    void revokingEitherTokenTakesTheWholePair(String which, String hint) {
        // Authlete's token revocation policy: the hint only orders the look-up; the access/refresh pair goes together.
        Flows.Client client = flows.confidentialClient();
        HttpReply token = flows.codeFlow(client);
        String accessToken = token.text("accessToken");
        String refreshToken = token.text("refreshToken");

        HttpReply revoked = api.post("/auth/revocation", Map.of("parameters", "token=" + token.text(which)
                + (hint.isEmpty() ? "" : "&token_type_hint=" + hint), "clientId", Long.toString(client.id()), "clientSecret", client.secret()));

        assertThat(revoked.action()).isEqualTo("OK");
        assertThat(revoked.resultCode()).isEqualTo("A113001");
        assertThat(flows.introspect(accessToken).action()).isEqualTo("UNAUTHORIZED");
        assertThat(api.post("/auth/introspection/standard", Map.of("parameters", "token=" + refreshToken)).content().toString())
                .isEqualTo("{\"active\":false}");
        assertThat(flows.token(client, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken))
                .content().get("error").asText()).isEqualTo("invalid_grant");
        JsonNode listed = api.get("/auth/token/get/list?clientIdentifier=" + client.id() + "&subject=" + Flows.SUBJECT).json();
        assertThat(listed.path("totalCount").asInt()).isZero();
    }

    @Test
    void revocationRules() {
        Flows.Client client = flows.confidentialClient();
        Flows.Client other = flows.confidentialClient();
        String accessToken = flows.codeFlow(client).text("accessToken");

        assertThat(revoke(client, "unknown-token").action()).isEqualTo("OK");
        assertThat(revoke(client.withSecret("wrong"), accessToken).action()).isEqualTo("INVALID_CLIENT");
        assertThat(revoke(other, accessToken).action()).isEqualTo("BAD_REQUEST");
        assertThat(api.post("/auth/revocation", Map.of("parameters", "", "clientId", Long.toString(client.id()))).action())
                .isEqualTo("BAD_REQUEST");
        assertThat(flows.introspect(accessToken).action()).isEqualTo("OK");
    }

    @Test
    void userInfoListsTheClaimsToSupplyAndIssueReturnsThem() {
        Flows.Client client = flows.confidentialClient();
        String accessToken = flows.codeFlow(client, "scope", "openid email", "nonce", "n").text("accessToken");

        HttpReply userInfo = api.post("/auth/userinfo", Map.of("token", accessToken));
        assertThat(userInfo.action()).isEqualTo("OK");
        assertThat(userInfo.resultCode()).isEqualTo("A091001");
        assertThat(userInfo.text("subject")).isEqualTo(Flows.SUBJECT);
        assertThat(userInfo.json().get("claims").toString()).contains("email", "email_verified");

        HttpReply issued = api.post("/auth/userinfo/issue", Map.of("token", accessToken,
                "claims", "{\"email\":\"t@example.com\",\"name\":\"Not Consented\"}"));
        assertThat(issued.action()).isEqualTo("JSON");
        JsonNode content = issued.content();
        assertThat(content.get("sub").asText()).isEqualTo(Flows.SUBJECT);
        assertThat(content.get("email").asText()).isEqualTo("t@example.com");
        assertThat(content.has("name")).isFalse();
    }

    @Test
    void userInfoRefusals() {
        Flows.Client client = flows.confidentialClient();
        String noOpenid = flows.codeFlow(client, "scope", "profile").text("accessToken");

        assertThat(api.post("/auth/userinfo", Map.of("token", "")).action()).isEqualTo("BAD_REQUEST");
        assertThat(api.post("/auth/userinfo", Map.of("token", "nope")).action()).isEqualTo("UNAUTHORIZED");
        HttpReply forbidden = api.post("/auth/userinfo", Map.of("token", noOpenid));
        assertThat(forbidden.action()).isEqualTo("FORBIDDEN");
        assertThat(forbidden.text("responseContent")).contains("insufficient_scope");
        assertThat(api.post("/auth/userinfo/issue", Map.of("token", "nope")).action()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void userInfoIssueSignsWhenTheClientAsksForJwt() {
        Flows.Client client = flows.createClient("CONFIDENTIAL", Map.of("userInfoSignAlg", "RS256"));
        String accessToken = flows.codeFlow(client, "scope", "openid", "nonce", "n").text("accessToken");

        HttpReply issued = api.post("/auth/userinfo/issue", Map.of("token", accessToken));

        assertThat(issued.action()).isEqualTo("JWT");
        assertThat(issued.text("responseContent").split("\\.")).hasSize(3);
    }

    private HttpReply revoke(Flows.Client client, String token) {
        return api.post("/auth/revocation", Map.of("parameters", "token=" + token,
                "clientId", Long.toString(client.id()), "clientSecret", client.secret()));
    }
}
