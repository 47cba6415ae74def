package io.github.authletetestkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.StrictMockTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad transport input is a JSON 4xx, never a 500 or an HTML page. */
class TransportInputTest extends StrictMockTest {

    private Driver api;
    private String servicePath;

    @BeforeAll
    void driver() {
        api = Driver.of(mock.baseUrl(), mock.serviceId(), mock.serviceToken());
        servicePath = "/api/" + mock.serviceId();
    }

    @Test
    void multipartWithoutABoundaryIsAJson400EvenUnauthenticated() {
        for (Driver caller : new Driver[] {api, api.withToken(null)}) {
            jsonClientError(caller.send("POST", servicePath + "/auth/introspection", "multipart/form-data", "token=x"));
        }
    }

    @Test
    void aBogusCharsetIsAJson4xx() {
        jsonClientError(api.send("POST", servicePath + "/auth/introspection", "application/json; charset=bogus-xyz", "{\"token\":\"x\"}"));
        jsonClientError(api.send("POST", servicePath + "/auth/introspection", "application/x-www-form-urlencoded; charset=bogus-xyz", "token=x"));
    }

    @Test
    void aFormParameterThatIsNotUtf8IsAJson4xx() {
        jsonClientError(api.send("POST", servicePath + "/auth/authorization", "application/x-www-form-urlencoded", "parameters=%ff%fe"));
    }

    @Test
    void aServiceIdWithASignOrLeadingZeroReachesNoService() {
        for (String id : new String[] {"+" + mock.serviceId(), "0" + mock.serviceId()}) {
            HttpReply reply = api.send("GET", "/api/" + id + "/service/get", null, (String) null);
            assertThat(reply.status()).as(reply.toString()).isIn(400, 404);
            assertThat(reply.contentType()).startsWith("application/json");
        }
    }

    private static void jsonClientError(HttpReply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/json");
        assertThat(reply.resultCode()).as(reply.toString()).isNotBlank();
    }
}
