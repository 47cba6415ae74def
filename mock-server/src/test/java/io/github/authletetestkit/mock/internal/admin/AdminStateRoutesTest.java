package io.github.authletetestkit.mock.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.MockHttp;
import org.junit.jupiter.api.Test;

/**
 * {@code GET state} and {@code POST seed}: the state document out and a seed in over HTTP, each exchange checked
 * against admin-api.yaml. A class of its own because loading a seed replaces everything its mock holds.
 */
class AdminStateRoutesTest extends AdminMockTest {

    static final String SEED = """
            {"services": [{"serviceId": 1000001, "serviceTokens": ["token-a"],
               "clients": [{"clientId": 11, "clientSecret": "secret-a", "clientType": "CONFIDENTIAL"}],
               "tokens": [{"accessToken": "at-a", "clientId": 11, "subject": "alice", "scopes": ["openid"]}]}],
             "organizationTokens": ["org-2"]}""";

    private HttpReply introspect(String serviceToken, long serviceId, String accessToken) {
        return MockHttp.send(mock.baseUrl(), "Bearer " + serviceToken, "POST", "/api/" + serviceId + "/auth/introspection",
                "application/json", "{\"token\": \"" + accessToken + "\"}");
    }

    @Test
    void stateShowsWhatTheMockHoldsAndASeedReplacesItUntilTheNextSeed() {
        HttpReply before = admin.get("state");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().get("services")).singleElement()
                .satisfies(s -> assertThat(s.get("serviceId").asLong()).isEqualTo(mock.serviceId()));

        HttpReply loaded = admin.post("seed", SEED);

        assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
        assertThat(loaded.json().get("services")).singleElement()
                .satisfies(s -> assertThat(s.get("serviceId").asLong()).isEqualTo(1000001));
        assertThat(loaded.json().get("organizationTokens").toString()).contains("org-2");
        assertThat(introspect("token-a", 1000001, "at-a").json().get("action").asText()).isEqualTo("OK");
        assertThat(introspect(mock.serviceToken(), mock.serviceId(), "at-a").status())
                .as("the default service and its token went with the old state").isEqualTo(401);

        HttpReply again = admin.get("state");
        assertThat(again.json()).as("GET state shows the seed").isEqualTo(loaded.json());
        assertThat(admin.post("reset", null).status()).isEqualTo(204);
        assertThat(admin.get("state").json().get("services").get(0).get("serviceId").asLong())
                .as("reset goes back to the loaded seed").isEqualTo(1000001);

        mock.loadSeed(Json.parse("{}"));
        assertThat(admin.get("state").json().get("services").get(0).get("serviceId").asLong())
                .as("a seed without services brings the default service back").isEqualTo(mock.serviceId());
    }

    @Test
    void aBadSeedIsA400NamingTheMemberAndChangesNothing() {
        String stateBefore = admin.get("state").body();

        HttpReply unknownClient = admin.send("POST", "seed", "Bearer " + TOKEN, """
                {"services": [{"serviceId": 5, "clients": [{"clientId": 3}],
                  "tokens": [{"accessToken": "a", "clientId": 4}]}]}""");
        HttpReply unknownTopLevel = admin.send("POST", "seed", "Bearer " + TOKEN, "{\"servics\": []}");
        HttpReply notJson = admin.send("POST", "seed", "Bearer " + TOKEN, "{\"services\": [");
        HttpReply noToken = admin.send("POST", "seed", null, SEED);

        assertThat(unknownClient.status()).isEqualTo(400);
        assertThat(unknownClient.text("field")).isEqualTo("services[0].tokens[0].clientId");
        assertThat(unknownClient.text("error")).contains("no client of this service has the ID 4");
        assertThat(unknownTopLevel.status()).isEqualTo(400);
        assertThat(unknownTopLevel.text("field")).isEqualTo("servics");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.text("field")).isNull();
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(admin.get("state").body()).as("nothing changed").isEqualTo(stateBefore);
    }
}
