package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.testing.HttpReply;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.model.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may call which API: service tokens, organisation tokens, and the errors for everyone else. */
class CallerAuthenticationTest extends MockServerTestBase {

    @Test
    void missingAuthorizationHeaderIs401WithA001202() {
        HttpReply reply = api.withToken(null).get("/service/get");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.resultCode()).isEqualTo("A001202");
        assertThat(reply.text("resultMessage")).isEqualTo("[A001202] /service/get, Authorization header is missing.");
    }

    @Test
    void unknownTokenIs401() {
        HttpReply reply = api.withToken("no-such-token").post("/auth/introspection", Map.of("token", "x"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.resultCode()).isEqualTo("A001203");
        assertThat(reply.text("resultMessage")).startsWith("[A001203] /auth/introspection, ");
    }

    @Test
    void nonBearerSchemeOrEmptyTokenIs401() {
        HttpReply basic = api.withAuthorizationHeader("Basic " + mock.serviceToken()).get("/service/get");
        HttpReply empty = api.withAuthorizationHeader("Bearer ").get("/service/get");

        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.resultCode()).isEqualTo("A001203");
        assertThat(empty.status()).isEqualTo(401);
    }

    @Test
    void dpopSchemeIsTreatedLikeBearer() {
        assertThat(api.withAuthorizationHeader("DPoP " + mock.serviceToken()).get("/service/get").status()).isEqualTo(200);
    }

    @Test
    void unknownServiceIs404() {
        HttpReply reply = api.forService(1234567890123L).get("/service/get");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text("resultMessage")).startsWith("[" + reply.resultCode() + "] /service/get, ");
    }

    @Test
    void nonNumericServiceIdIs404() {
        HttpReply reply = api.send("GET", "/api/not-a-number/service/get", null, null);

        assertThat(reply.status()).isEqualTo(404);
    }

    @Test
    void serviceTokenOnAnotherServiceIs403AndOrgTokenWorksOnBoth() {
        ApiClient org = api.withToken(mock.orgToken());
        HttpReply created = org.send("POST", "/api/service/create", "application/json",
                Json.write(Map.of("serviceName", "second")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long other = created.json().get("apiKey").asLong();

        HttpReply refused = api.forService(other).get("/service/get");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.resultCode()).isEqualTo("A001204");

        assertThat(org.forService(other).get("/service/get").status()).isEqualTo(200);
        assertThat(org.get("/service/get").status()).isEqualTo(200);
    }

    @Test
    void tokenOfAnotherServiceDoesNotIntrospectHere() {
        Flows.Client client = flows.confidentialClient();
        String accessToken = flows.codeFlow(client).text("accessToken");
        ApiClient org = api.withToken(mock.orgToken());
        long other = org.send("POST", "/api/service/create", "application/json", "{}").json().get("apiKey").asLong();

        HttpReply elsewhere = org.forService(other).post("/auth/introspection", Map.of("token", accessToken));

        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.action()).isEqualTo("UNAUTHORIZED");
        assertThat(flows.introspect(accessToken).action()).isEqualTo("OK");
    }

    @Test
    void healthcheckAndInfoNeedNoToken() {
        ApiClient anonymous = api.withToken(null);

        HttpReply health = anonymous.send("GET", "/api/lifecycle/healthcheck", null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("OK");
        assertThat(health.contentType()).startsWith("text/plain");

        HttpReply info = anonymous.send("GET", "/api/info", null, null);
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.text("version")).isNotBlank();
    }

    @Test
    void pathsJettyRefusesStillGetAResultBody() {
        HttpReply nul = api.send("GET", "/api/" + mock.serviceId() + "/client/get/%00", null, null);
        HttpReply traversal = api.send("GET", "/api/" + mock.serviceId() + "/client/get/%2e%2e", null, null);

        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.resultCode()).isEqualTo("A001201");
        assertThat(nul.text("resultMessage")).contains("malformed");
        assertThat(traversal.status()).isBetween(400, 499);
        assertThat(traversal.resultCode()).matches("A\\d{6}");
    }

    @Test
    void unknownPathIs404WithResultBody() {
        HttpReply reply = api.send("GET", "/api/" + mock.serviceId() + "/no/such/api", null, null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.resultCode()).matches("A\\d{6}");
    }
}
