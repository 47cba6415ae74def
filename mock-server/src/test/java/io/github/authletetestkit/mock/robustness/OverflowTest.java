package io.github.authletetestkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.StrictMockTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Numbers that would overflow a later computation are refused where they come in, or handled; never a later 500. */
class OverflowTest extends StrictMockTest {

    private static final long HUGE = Long.MAX_VALUE;

    private Driver api;

    @BeforeAll
    void driver() {
        api = Driver.of(mock.baseUrl(), mock.serviceId(), mock.serviceToken());
    }

    @Test
    void aServiceDurationThatWouldOverflowIsRefusedAndTokensStillIssue() {
        for (String member : List.of("accessTokenDuration", "refreshTokenDuration", "idTokenDuration", "pushedAuthReqDuration")) {
            HttpReply reply = api.post("/service/update", Map.of(member, HUGE));

            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.resultCode()).isEqualTo("A001201");
            assertThat(reply.text("resultMessage")).contains(member);
        }
        Driver.Client client = api.createClient("after overflow");
        HttpReply token = api.redeem(client, api.code(client, "alice"));
        Driver.expectAction(token, "OK", "auth/token");
    }

    @Test
    void hugeDurationsAndExpiriesElsewhereNeverCauseA500() {
        Driver.Client client = api.createClient("huge token values");
        HttpReply created = api.post("/auth/token/create", Map.of("grantType", "AUTHORIZATION_CODE", "clientId", client.id(),
                "subject", "alice", "accessTokenDuration", HUGE, "refreshTokenDuration", HUGE));
        assertThat(created.status()).as(created.toString()).isLessThan(500);

        String accessToken = api.redeem(client, api.code(client, "alice")).text("accessToken");
        HttpReply updated = api.post("/auth/token/update", Map.of("accessToken", accessToken, "accessTokenExpiresAt", HUGE,
                "refreshTokenExpiresAt", HUGE));
        assertThat(updated.status()).as(updated.toString()).isLessThan(500);
        HttpReply introspected = api.introspect(accessToken);
        assertThat(introspected.status()).as(introspected.toString()).isLessThan(500);
        HttpReply listed = api.send("GET", "/api/" + api.serviceId() + "/auth/token/get/list", null, (String) null);
        assertThat(listed.status()).as(listed.toString()).isLessThan(500);
    }
}
