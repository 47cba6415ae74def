package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.testing.HttpReply;
import org.junit.jupiter.api.Test;

/** {@code /api/misc/echo} and {@code /api/info}: answers made from the request and from the mock itself. */
class UtilityEndpointsTest extends MockServerTestBase {

    @Test
    void echoSendsTheQueryParametersBack() {
        HttpReply reply = api.send("GET", "/api/misc/echo?hello=world&n=42&empty=&pct=a%20b", null, null);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.synthesised()).isFalse();
        assertThat(reply.json().toString()).isEqualTo("{\"hello\":\"world\",\"n\":\"42\",\"empty\":\"\",\"pct\":\"a b\"}");
    }

    @Test
    void echoWithoutParametersIsAnEmptyObject() {
        HttpReply reply = api.send("GET", "/api/misc/echo", null, null);

        assertThat(reply.json().toString()).isEqualTo("{}");
    }

    @Test
    void infoNamesTheMockAndTheApiVersionItImplements() {
        HttpReply reply = api.send("GET", "/api/info", null, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("version").asText()).isEqualTo("3.0.16");
        assertThat(reply.json().at("/configuration/specVersion").asText()).isEqualTo("3.0.16");
        assertThat(reply.json().at("/configuration/mockVersion").asText()).isNotBlank();
    }
}
