package io.github.authletetestkit.mock.robustness;

import io.github.authletetestkit.mock.testing.HttpReply;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bugs of the handlers the fuzz found, each reproduced on its own: unknown members of a service were stored and
 * echoed (so every later service/get violated the spec), and an issuer that is not a URL produced endpoints that are
 * not URIs. Both fixed; these keep them fixed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzRegressionTest {

    private AuthleteMockServer mock;
    private Driver org;

    @BeforeAll
    void start() {
        mock = AuthleteMockServer.builder().strict(true).build().start();
        org = Driver.of(mock.baseUrl(), mock.serviceId(), mock.orgToken());
    }

    @AfterAll
    void stop() {
        mock.stop();
    }

    @Test
    void unknownMembersOfAServiceAreIgnored() {
        HttpReply created = org.send("POST", "/api/service/create", "application/json", "{\"serviceName\":\"x\",\"x-junk\":1}");
        HttpReply updated = org.send("POST", "/api/" + mock.serviceId() + "/service/update", "application/json", "{\"x-junk\":1}");
        HttpReply read = org.send("GET", "/api/" + mock.serviceId() + "/service/get", null, (String) null);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("x-junk");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(mock.specViolations()).isEmpty();
    }

    @Test
    void aServiceWithAnIssuerThatIsNotAUrlIsRefusedWith400() {
        HttpReply created = org.send("POST", "/api/service/create", "application/json", "{\"issuer\":\"abc\"}");

        assertThat(created.status()).as(created.toString()).isIn(201, 400);
        assertThat(mock.specViolations()).isEmpty();
    }
}
