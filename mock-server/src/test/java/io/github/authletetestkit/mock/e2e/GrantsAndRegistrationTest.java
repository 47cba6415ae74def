package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.testing.HttpReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.model.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Client authorizations, granted scopes, requestable scopes and dynamic client registration. */
class GrantsAndRegistrationTest extends MockServerTestBase {

    @Test
    void authorizedClientsAreTheOnesHoldingTokensForTheSubject() {
        Flows.Client used = flows.confidentialClient();
        flows.confidentialClient();
        flows.codeFlow(used);

        JsonNode viaPath = api.get("/client/authorization/get/list/" + Flows.SUBJECT).json();
        JsonNode viaQuery = api.get("/client/authorization/get/list?subject=" + Flows.SUBJECT).json();
        JsonNode viaBody = api.post("/client/authorization/get/list", Map.of("subject", Flows.SUBJECT)).json();
        JsonNode nobody = api.get("/client/authorization/get/list/nobody").json();

        for (JsonNode list : List.of(viaPath, viaQuery, viaBody)) {
            assertThat(list.get("totalCount").asInt()).isEqualTo(1);
            assertThat(list.get("clients").get(0).get("clientId").asLong()).isEqualTo(used.id());
        }
        assertThat(nobody.get("totalCount").asInt()).isZero();
    }

    @Test
    void updateAndDeleteAuthorizationActOnTheSubjectsTokens() {
        Flows.Client client = flows.confidentialClient();
        String accessToken = flows.codeFlow(client, "scope", "profile email").text("accessToken");

        HttpReply updated = api.post("/client/authorization/update/" + client.id(), Map.of("subject", Flows.SUBJECT, "scopes", List.of("email")));
        assertThat(updated.text("resultMessage")).startsWith("[A138001] Updated 1 access token(s)");
        assertThat(flows.introspect(accessToken).json().get("scopes").toString()).isEqualTo("[\"email\"]");

        HttpReply deleted = api.delete("/client/authorization/delete/" + client.id() + "/" + Flows.SUBJECT);
        assertThat(deleted.text("resultMessage")).startsWith("[A137001] Deleted 1 access token(s)");
        assertThat(flows.introspect(accessToken).action()).isEqualTo("UNAUTHORIZED");
        assertThat(api.post("/client/authorization/delete/" + client.id(), Map.of("subject", Flows.SUBJECT)).text("resultMessage"))
                .startsWith("[A137001] Deleted 0 access token(s)");
        assertThat(api.delete("/client/authorization/delete/4242424242/" + Flows.SUBJECT).status()).isEqualTo(404);
    }

    @Test
    void grantedScopesRememberLatestAndMergedUntilDeleted() {
        Flows.Client client = flows.confidentialClient();
        flows.codeFlow(client, "scope", "profile");
        flows.codeFlow(client, "scope", "email");

        JsonNode granted = api.get("/client/granted_scopes/get/" + client.id() + "/" + Flows.SUBJECT).json();
        assertThat(granted.get("latestGrantedScopes").toString()).isEqualTo("[\"email\"]");
        assertThat(granted.get("mergedGrantedScopes").toString()).isEqualTo("[\"profile\",\"email\"]");
        assertThat(granted.get("serviceApiKey").asLong()).isEqualTo(mock.serviceId());

        api.delete("/client/granted_scopes/delete/" + client.id() + "/" + Flows.SUBJECT);
        JsonNode after = api.post("/client/granted_scopes/get/" + client.id(), Map.of("subject", Flows.SUBJECT)).json();
        assertThat(after.has("latestGrantedScopes")).isFalse();
    }

    @Test
    void requestableScopesNarrowWhatTheClientGets() {
        Flows.Client client = flows.confidentialClient();

        HttpReply set = api.post("/client/extension/requestable_scopes/update/" + client.id(), Map.of("requestableScopes", List.of("profile")));
        assertThat(set.json().get("requestableScopes").toString()).isEqualTo("[\"profile\"]");
        assertThat(api.get("/client/extension/requestable_scopes/get/" + client.id()).json().get("requestableScopes").toString())
                .isEqualTo("[\"profile\"]");
        HttpReply narrowed = flows.authorize(Flows.codeRequest(client, "scope", "profile email"));
        assertThat(narrowed.json().get("scopes").findValuesAsText("name")).containsExactly("profile");

        assertThat(api.delete("/client/extension/requestable_scopes/delete/" + client.id()).status()).isEqualTo(204);
        assertThat(api.get("/client/extension/requestable_scopes/get/" + client.id()).json().get("requestableScopes")).isEmpty();
        assertThat(flows.authorize(Flows.codeRequest(client, "scope", "profile email")).json().get("scopes")).hasSize(2);
    }

    @Test
    void dynamicRegistrationLifecycle() {
        String metadata = Json.write(Map.of("client_name", "dyn", "redirect_uris", List.of(Flows.REDIRECT_URI),
                "grant_types", List.of("authorization_code", "refresh_token"), "response_types", List.of("code")));

        HttpReply registered = api.post("/client/registration", Map.of("json", metadata));

        assertThat(registered.action()).isEqualTo("CREATED");
        JsonNode content = registered.content();
        String clientId = content.get("client_id").asText();
        String token = content.get("registration_access_token").asText();
        assertThat(content.get("client_secret").asText()).hasSize(86);
        assertThat(content.get("registration_client_uri").asText()).endsWith("/" + clientId);
        assertThat(registered.json().get("client").get("dynamicallyRegistered").asBoolean()).isTrue();
        Flows.Client client = new Flows.Client(Long.parseLong(clientId), content.get("client_secret").asText());
        assertThat(flows.codeFlow(client).action()).isEqualTo("OK");

        assertThat(api.post("/client/registration/get", Map.of("clientId", clientId, "token", token)).action()).isEqualTo("OK");
        assertThat(api.post("/client/registration/get", Map.of("clientId", clientId, "token", "wrong")).action()).isEqualTo("UNAUTHORIZED");
        HttpReply updated = api.post("/client/registration/update", Map.of("clientId", clientId, "token", token,
                "json", Json.write(Map.of("client_name", "renamed", "redirect_uris", List.of(Flows.REDIRECT_URI)))));
        assertThat(updated.action()).isEqualTo("UPDATED");
        assertThat(updated.content().get("client_name").asText()).isEqualTo("renamed");
        assertThat(api.post("/client/registration/delete", Map.of("clientId", clientId, "token", token)).action()).isEqualTo("DELETED");
        assertThat(api.get("/client/get/" + clientId).status()).isEqualTo(404);
    }

    @Test
    void registrationRefusesBadMetadata() {
        assertThat(api.post("/client/registration", Map.of("json", "{not json")).content().get("error").asText())
                .isEqualTo("invalid_client_metadata");
        assertThat(api.post("/client/registration", Map.of("json", "{\"client_name\":\"x\"}")).content().get("error").asText())
                .isEqualTo("invalid_redirect_uri");
        assertThat(api.post("/client/registration", Map.of("json", "{\"redirect_uris\":[\"relative\"]}")).action()).isEqualTo("BAD_REQUEST");
    }
}
