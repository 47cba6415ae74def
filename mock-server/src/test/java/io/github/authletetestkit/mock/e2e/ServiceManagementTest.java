package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.testing.HttpReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.model.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Service get, list, update (a partial merge), create and delete. */
class ServiceManagementTest extends MockServerTestBase {

    @Test
    void defaultServiceEnablesEveryImplementedFlow() {
        JsonNode service = api.get("/service/get").json();

        assertThat(service.get("apiKey").asLong()).isEqualTo(mock.serviceId());
        assertThat(texts(service.get("supportedGrantTypes")))
                .contains("AUTHORIZATION_CODE", "REFRESH_TOKEN", "CLIENT_CREDENTIALS", "PASSWORD", "DEVICE_CODE", "CIBA");
        assertThat(texts(service.get("supportedResponseTypes"))).contains("CODE", "TOKEN", "ID_TOKEN", "CODE_ID_TOKEN");
        assertThat(service.get("supportedScopes").findValuesAsText("name"))
                .containsExactly("openid", "profile", "email", "address", "phone", "offline_access");
        assertThat(texts(service.get("supportedBackchannelTokenDeliveryModes"))).containsExactly("POLL", "PING", "PUSH");
        assertThat(service.get("deviceVerificationUri").asText()).startsWith("https://");
        assertThat(service.get("jwks").asText()).contains("\"keys\"");
        assertThat(service.get("idTokenSignatureKeyId").asText()).isNotBlank();
    }

    @Test
    void updateMergesAbsentMembersKeepTheirValueAndArraysReplace() {
        HttpReply updated = api.post("/service/update", Map.of(
                "accessTokenDuration", 600,
                "supportedScopes", List.of(Map.of("name", "openid", "defaultEntry", false))));

        assertThat(updated.status()).isEqualTo(200);
        JsonNode service = api.get("/service/get").json();
        assertThat(service.get("accessTokenDuration").asLong()).isEqualTo(600);
        assertThat(service.get("supportedScopes").findValuesAsText("name")).containsExactly("openid");
        assertThat(texts(service.get("supportedGrantTypes"))).contains("AUTHORIZATION_CODE", "REFRESH_TOKEN");
        assertThat(service.get("modifiedAt").asLong()).isGreaterThanOrEqualTo(service.get("createdAt").asLong());
    }

    @Test
    void updateIgnoresReadOnlyMembers() {
        api.post("/service/update", Map.of("apiKey", 42, "number", 7));

        JsonNode service = api.get("/service/get").json();
        assertThat(service.get("apiKey").asLong()).isEqualTo(mock.serviceId());
    }

    @Test
    void updateWithFormBodyWorksToo() {
        HttpReply updated = api.postForm("/service/update", Map.of("pkceRequired", "true"));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(api.get("/service/get").json().get("pkceRequired").asBoolean()).isTrue();
    }

    @Test
    void updateRejectsAnInvalidJwkSet() {
        HttpReply reply = api.post("/service/update", Map.of("jwks", "{not a jwk set"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("resultMessage")).contains("jwks");
        assertThat(api.get("/service/get").json().get("jwks").asText()).contains("\"keys\"");
    }

    @Test
    void listShowsTheServicesTheTokenMaySee() {
        ApiClient org = api.withToken(mock.orgToken());
        org.send("POST", "/api/service/create", "application/json", Json.write(Map.of("serviceName", "two")));

        JsonNode asService = api.send("GET", "/api/service/get/list", null, null).json();
        JsonNode asOrg = org.send("GET", "/api/service/get/list", null, null).json();

        assertThat(asService.get("totalCount").asInt()).isEqualTo(1);
        assertThat(asOrg.get("totalCount").asInt()).isEqualTo(2);
        assertThat(asOrg.get("services")).hasSize(2);
        assertThat(asOrg.get("start").asInt()).isZero();
        assertThat(asOrg.get("end").asInt()).isEqualTo(5);
    }

    @Test
    void listPagesWithStartAndEnd() {
        ApiClient org = api.withToken(mock.orgToken());
        for (int i = 0; i < 3; i++) {
            org.send("POST", "/api/service/create", "application/json", "{}");
        }

        JsonNode page = org.send("GET", "/api/service/get/list?start=1&end=3", null, null).json();

        assertThat(page.get("totalCount").asInt()).isEqualTo(4);
        assertThat(page.get("services")).hasSize(2);
        assertThat(org.send("GET", "/api/service/get/list?start=3&end=1", null, null).status()).isEqualTo(400);
    }

    @Test
    void createNeedsAnOrganizationToken() {
        HttpReply refused = api.send("POST", "/api/service/create", "application/json", "{}");

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void createdServiceWorksForAFlowAndDeleteRemovesIt() {
        ApiClient org = api.withToken(mock.orgToken());
        HttpReply created = org.send("POST", "/api/service/create", "application/json",
                Json.write(Map.of("serviceName", "mine", "issuer", "https://mine.example.com")));
        long id = created.json().get("apiKey").asLong();
        assertThat(created.text("issuer")).isEqualTo("https://mine.example.com");
        assertThat(String.valueOf(id)).hasSizeBetween(13, 16);

        ApiClient other = org.forService(id);
        Flows.Client client = new Flows(other).confidentialClient();
        assertThat(new Flows(other).codeFlow(client).action()).isEqualTo("OK");

        assertThat(other.delete("/service/delete").status()).isEqualTo(204);
        assertThat(other.get("/service/get").status()).isEqualTo(404);
    }

    private static List<String> texts(JsonNode array) {
        return Json.MAPPER.convertValue(array, Json.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
