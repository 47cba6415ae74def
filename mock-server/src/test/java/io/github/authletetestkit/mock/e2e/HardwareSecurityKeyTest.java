package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.testing.HttpReply;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /hsk/*}: a key made is kept under its handle, found, listed and deleted; unknown handles are not found. */
class HardwareSecurityKeyTest extends MockServerTestBase {

    private JsonNode create(Map<String, Object> request) {
        HttpReply reply = api.post("/hsk/create", request);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void aKeyLivesFromCreateToDelete() {
        JsonNode created = create(Map.of("kty", "EC", "use", "sig", "alg", "ES256", "kid", "k1", "hsmName", "google"));
        String handle = created.at("/hsk/handle").asText();

        assertThat(created.get("action").asText()).isEqualTo("SUCCESS");
        assertThat(created.at("/hsk/kid").asText()).isEqualTo("k1");
        assertThat(created.at("/hsk/publicKey").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
        JsonNode found = api.get("/hsk/get/" + handle).json();
        assertThat(found.get("action").asText()).isEqualTo("SUCCESS");
        assertThat(found.get("hsk")).isEqualTo(created.get("hsk"));
        assertThat(api.get("/hsk/get/list").json().get("hsks").findValuesAsText("handle")).containsExactly(handle);

        assertThat(api.delete("/hsk/delete/" + handle).status()).isEqualTo(204);

        assertThat(api.get("/hsk/get/" + handle).json().get("action").asText()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/hsk/get/list").json().get("hsks")).isEmpty();
        HttpReply again = api.delete("/hsk/delete/" + handle);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.resultCode()).isEqualTo("A302201");
    }

    @Test
    void eachKeyIsItsOwnAndTheListKeepsTheirOrder() {
        String first = create(Map.of("kty", "RSA", "use", "enc", "alg", "RSA-OAEP-256")).at("/hsk/handle").asText();
        String second = create(Map.of("kty", "EC", "use", "sig", "alg", "ES384")).at("/hsk/handle").asText();

        JsonNode list = api.get("/hsk/get/list").json().get("hsks");

        assertThat(list.findValuesAsText("handle")).containsExactly(first, second);
        assertThat(list.findValuesAsText("alg")).containsExactly("RSA-OAEP-256", "ES384");
        assertThat(list.get(0).get("publicKey").asText()).isNotEqualTo(list.get(1).get("publicKey").asText());
    }

    @Test
    void aKeyThatCannotBeMadeIsAnInvalidRequestAndNothingIsKept() {
        JsonNode refused = create(Map.of("kty", "EC", "use", "sig", "alg", "RS256"));

        assertThat(refused.get("action").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(refused.get("resultCode").asText()).isEqualTo("A301201");
        assertThat(refused.has("hsk")).isFalse();
        assertThat(api.get("/hsk/get/list").json().get("hsks")).isEmpty();
    }

    @Test
    void anUnknownHandleIsNotFound() {
        JsonNode reply = api.get("/hsk/get/no-such-handle").json();

        assertThat(reply.get("action").asText()).isEqualTo("NOT_FOUND");
        assertThat(reply.get("resultMessage").asText()).contains("no-such-handle");
    }
}
