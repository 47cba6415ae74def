package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.testing.HttpReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Client create, get, list, update, delete, lock flag and secrets. */
class ClientManagementTest extends MockServerTestBase {

    @Test
    void createGeneratesIdAliasAndAn86CharacterSecret() {
        HttpReply created = api.post("/client/create", Map.of("clientName", "app", "clientType", "CONFIDENTIAL",
                "redirectUris", List.of(Flows.REDIRECT_URI)));

        assertThat(created.status()).isEqualTo(201);
        JsonNode client = created.json();
        assertThat(client.get("clientId").asText()).matches("\\d{13,16}");
        assertThat(client.get("clientSecret").asText()).hasSize(86).matches("[A-Za-z0-9_-]+");
        assertThat(client.get("clientIdAlias").asText()).isEqualTo(client.get("clientId").asText());
        assertThat(client.get("clientName").asText()).isEqualTo("app");
        assertThat(client.get("createdAt").asLong()).isPositive();
    }

    @Test
    void createIgnoresAssignedMembersAndRejectsBadRedirectUris() {
        HttpReply created = api.post("/client/create", Map.of("clientId", 5, "clientSecret", "mine"));
        assertThat(created.json().get("clientId").asLong()).isNotEqualTo(5);
        assertThat(created.text("clientSecret")).isNotEqualTo("mine");

        HttpReply relative = api.post("/client/create", Map.of("redirectUris", List.of("/relative")));
        HttpReply fragment = api.post("/client/create", Map.of("redirectUris", List.of("https://a.example/cb#x")));
        assertThat(relative.status()).isEqualTo(400);
        assertThat(fragment.status()).isEqualTo(400);
        assertThat(relative.text("resultMessage")).startsWith("[A001201] /client/create, ");
    }

    @Test
    void aliasMustBeUniqueAndNotNumeric() {
        api.post("/client/create", Map.of("clientIdAlias", "my-app"));

        assertThat(api.post("/client/create", Map.of("clientIdAlias", "my-app")).status()).isEqualTo(400);
        assertThat(api.post("/client/create", Map.of("clientIdAlias", "12345")).status()).isEqualTo(400);
    }

    @Test
    void getByIdOrAliasAndUnknownIs404() {
        Flows.Client client = flows.createClient("PUBLIC", Map.of("clientIdAlias", "alias-app"));

        assertThat(api.get("/client/get/" + client.id()).json().get("clientId").asLong()).isEqualTo(client.id());
        assertThat(api.get("/client/get/alias-app").json().get("clientId").asLong()).isEqualTo(client.id());
        HttpReply missing = api.get("/client/get/999999999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("resultMessage")).startsWith("[A001206] /client/get/999999999999, ");
    }

    @Test
    void listPagesAndFiltersByDeveloper() {
        for (int i = 0; i < 3; i++) {
            api.post("/client/create", Map.of("developer", "alice"));
        }
        api.post("/client/create", Map.of("developer", "bob"));

        JsonNode all = api.get("/client/get/list?start=0&end=2").json();
        JsonNode alice = api.get("/client/get/list?developer=alice").json();

        assertThat(all.get("totalCount").asInt()).isEqualTo(4);
        assertThat(all.get("clients")).hasSize(2);
        assertThat(alice.get("totalCount").asInt()).isEqualTo(3);
    }

    @Test
    void updateReplacesGivenMembersOnly() {
        Flows.Client client = flows.confidentialClient();

        HttpReply updated = api.post("/client/update/" + client.id(), Map.of("clientName", "renamed", "clientSecret", "ignored"));

        assertThat(updated.status()).isEqualTo(200);
        JsonNode after = api.get("/client/get/" + client.id()).json();
        assertThat(after.get("clientName").asText()).isEqualTo("renamed");
        assertThat(after.get("clientSecret").asText()).isEqualTo(client.secret());
        assertThat(after.get("redirectUris").get(0).asText()).isEqualTo(Flows.REDIRECT_URI);
        assertThat(api.post("/client/update/424242424242", Map.of("clientName", "x")).status()).isEqualTo(404);
    }

    @Test
    void deleteRemovesTheClientAndItsTokens() {
        Flows.Client client = flows.confidentialClient();
        String accessToken = flows.codeFlow(client).text("accessToken");

        assertThat(api.delete("/client/delete/" + client.id()).status()).isEqualTo(204);

        assertThat(api.get("/client/get/" + client.id()).status()).isEqualTo(404);
        assertThat(flows.introspect(accessToken).action()).isEqualTo("UNAUTHORIZED");
        assertThat(api.delete("/client/delete/" + client.id()).status()).isEqualTo(404);
    }

    @Test
    void lockedClientIsRefusedAtTheAuthorizationEndpointWith403() {
        Flows.Client client = flows.confidentialClient();

        HttpReply locked = api.post("/client/lock_flag/update/" + client.id(), Map.of("clientLocked", true));
        assertThat(locked.status()).isEqualTo(200);
        assertThat(locked.resultCode()).matches("A\\d{6}");

        HttpReply refused = flows.authorize(Flows.codeRequest(client));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.resultCode()).isEqualTo("A001215");
        assertThat(refused.text("resultMessage")).isEqualTo(
                "[A001215] /auth/authorization, The client (ID = " + client.id() + ") is locked.");

        api.post("/client/lock_flag/update/" + client.id(), Map.of("clientLocked", false));
        assertThat(flows.authorize(Flows.codeRequest(client)).action()).isEqualTo("INTERACTION");
    }

    @Test
    void lockFlagNeedsTheFlag() {
        Flows.Client client = flows.confidentialClient();

        assertThat(api.post("/client/lock_flag/update/" + client.id(), Map.of()).status()).isEqualTo(400);
    }

    @Test
    void secretRefreshMakesTheOldSecretStopWorking() {
        Flows.Client client = flows.confidentialClient();

        HttpReply refreshed = api.get("/client/secret/refresh/" + client.id());

        assertThat(refreshed.resultCode()).isEqualTo("A148001");
        assertThat(refreshed.text("oldClientSecret")).isEqualTo(client.secret());
        String newSecret = refreshed.text("newClientSecret");
        assertThat(newSecret).hasSize(86).isNotEqualTo(client.secret());
        HttpReply withOld = flows.token(client, Map.of("grant_type", "client_credentials"));
        assertThat(withOld.action()).isEqualTo("INVALID_CLIENT");
        assertThat(flows.token(client.withSecret(newSecret), Map.of("grant_type", "client_credentials")).action()).isEqualTo("OK");
    }

    @Test
    void secretUpdateChecksTheCharacters() {
        Flows.Client client = flows.confidentialClient();

        HttpReply updated = api.post("/client/secret/update/" + client.id(), Map.of("clientSecret", "my-own_secret"));
        assertThat(updated.resultCode()).isEqualTo("A149001");
        assertThat(updated.text("newClientSecret")).isEqualTo("my-own_secret");

        assertThat(api.post("/client/secret/update/" + client.id(), Map.of("clientSecret", "bad secret!")).status()).isEqualTo(400);
        assertThat(api.post("/client/secret/update/" + client.id(), Map.of("clientSecret", "x".repeat(87))).status()).isEqualTo(400);
        assertThat(api.post("/client/secret/update/999999999", Map.of("clientSecret", "abc")).status()).isEqualTo(404);
    }
}
