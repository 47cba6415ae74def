package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.internal.oauth.TokenHashes;
import io.github.authletetestkit.mock.testing.HttpReply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Token management: create, update, delete, revoke and list. */
class TokenOperationsTest extends MockServerTestBase {

    @Test
    void createdTokensAreIndistinguishableFromFlowTokens() {
        Flows.Client client = flows.confidentialClient();

        HttpReply created = api.post("/auth/token/create", Map.of("grantType", "AUTHORIZATION_CODE", "clientId", client.id(),
                "subject", "alice", "scopes", List.of("profile"), "accessTokenDuration", 300,
                "properties", List.of(Map.of("key", "k", "value", "v"))));

        assertThat(created.action()).isEqualTo("OK");
        assertThat(created.resultCode()).isEqualTo("A109001");
        assertThat(created.json().get("expiresIn").asLong()).isEqualTo(300);
        assertThat(created.text("refreshToken")).isNotBlank();
        JsonNode introspected = flows.introspect(created.text("accessToken")).json();
        assertThat(introspected.get("action").asText()).isEqualTo("OK");
        assertThat(introspected.get("subject").asText()).isEqualTo("alice");
        assertThat(introspected.get("properties").get(0).get("key").asText()).isEqualTo("k");
        assertThat(flows.token(client, Map.of("grant_type", "refresh_token", "refresh_token", created.text("refreshToken"))).action())
                .isEqualTo("OK");
    }

    @Test
    void createRules() {
        Flows.Client client = flows.confidentialClient();

        HttpReply clientCredentials = api.post("/auth/token/create", Map.of("grantType", "CLIENT_CREDENTIALS", "clientId", client.id()));
        HttpReply noSubject = api.post("/auth/token/create", Map.of("grantType", "PASSWORD", "clientId", client.id()));
        HttpReply unknownClient = api.post("/auth/token/create", Map.of("grantType", "PASSWORD", "clientId", 4242424242424L, "subject", "a"));
        api.post("/client/lock_flag/update/" + client.id(), Map.of("clientLocked", true));
        HttpReply locked = api.post("/auth/token/create", Map.of("grantType", "PASSWORD", "clientId", client.id(), "subject", "a"));

        assertThat(clientCredentials.action()).isEqualTo("OK");
        assertThat(clientCredentials.json().has("refreshToken")).isFalse();
        assertThat(clientCredentials.json().has("subject")).isFalse();
        assertThat(noSubject.action()).isEqualTo("BAD_REQUEST");
        assertThat(unknownClient.action()).isEqualTo("BAD_REQUEST");
        assertThat(locked.action()).isEqualTo("FORBIDDEN");
    }

    @Test
    void updateChangesScopesAndExpiry() {
        Flows.Client client = flows.confidentialClient();
        String accessToken = flows.codeFlow(client, "scope", "profile email").text("accessToken");
        long newExpiry = mock.clock().epochMillis() + 5_000;

        HttpReply updated = api.post("/auth/token/update", Map.of("accessToken", accessToken, "scopes", List.of("email"),
                "accessTokenExpiresAt", newExpiry));

        assertThat(updated.action()).isEqualTo("OK");
        assertThat(updated.json().get("accessTokenExpiresAt").asLong()).isEqualTo(newExpiry);
        JsonNode introspected = flows.introspect(accessToken).json();
        assertThat(introspected.get("scopes").toString()).isEqualTo("[\"email\"]");
        assertThat(introspected.get("expiresAt").asLong()).isEqualTo(newExpiry);
        assertThat(api.post("/auth/token/update", Map.of("accessToken", "nope")).action()).isEqualTo("NOT_FOUND");
    }

    @Test
    void deleteByValueOrHash() {
        Flows.Client client = flows.confidentialClient();
        String first = flows.codeFlow(client).text("accessToken");
        String second = flows.codeFlow(client).text("accessToken");

        assertThat(api.delete("/auth/token/delete/" + first).status()).isEqualTo(204);
        assertThat(api.delete("/auth/token/delete/" + TokenHashes.sha256Base64Url(second)).status()).isEqualTo(204);

        assertThat(flows.introspect(first).action()).isEqualTo("UNAUTHORIZED");
        assertThat(flows.introspect(second).action()).isEqualTo("UNAUTHORIZED");
        assertThat(api.delete("/auth/token/delete/" + first).status()).isEqualTo(404);
    }

    @Test
    void revokeByClientAndSubjectCountsWhatItRevoked() {
        Flows.Client client = flows.confidentialClient();
        String kept = api.post("/auth/token/create", Map.of("grantType", "PASSWORD", "clientId", client.id(), "subject", "bob")).text("accessToken");
        flows.codeFlow(client);
        flows.codeFlow(client);

        HttpReply revoked = api.post("/auth/token/revoke", Map.of("clientIdentifier", Long.toString(client.id()), "subject", Flows.SUBJECT));

        assertThat(revoked.json().get("count").asInt()).isEqualTo(2);
        assertThat(revoked.text("resultMessage")).isEqualTo("[A312001] Revoked 2 access token(s).");
        assertThat(flows.introspect(kept).action()).isEqualTo("OK");
        assertThat(api.post("/auth/token/revoke", Map.of("accessTokenIdentifier", kept)).json().get("count").asInt()).isEqualTo(1);
        assertThat(api.post("/auth/token/revoke", Map.of("clientIdentifier", "4242424242424")).status()).isEqualTo(404);
        assertThat(api.post("/auth/token/revoke", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void listShowsHashesNeverValuesAndFilters() {
        Flows.Client client = flows.confidentialClient();
        Flows.Client other = flows.confidentialClient();
        String accessToken = flows.codeFlow(client).text("accessToken");
        flows.codeFlow(client);
        flows.codeFlow(other);

        JsonNode all = api.get("/auth/token/get/list").json();
        JsonNode mine = api.get("/auth/token/get/list?clientIdentifier=" + client.id() + "&start=0&end=1").json();

        assertThat(all.get("totalCount").asInt()).isEqualTo(3);
        assertThat(mine.get("totalCount").asInt()).isEqualTo(2);
        assertThat(mine.get("accessTokens")).hasSize(1);
        assertThat(mine.get("client").get("clientId").asLong()).isEqualTo(client.id());
        assertThat(all.toString()).doesNotContain(accessToken).contains(TokenHashes.sha256Base64Url(accessToken));
        assertThat(api.get("/auth/token/get/list?clientIdentifier=4242424242424").status()).isEqualTo(404);
    }
}
