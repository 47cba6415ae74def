package io.github.authletetestkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.StrictMockTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Members the spec does not declare, however deeply nested, are dropped: state export and saves keep working. */
class UnknownMembersTest extends StrictMockTest {

    private static final int DEPTH = 900;

    private Driver api;

    @BeforeAll
    void driver() {
        api = Driver.of(mock.baseUrl(), mock.serviceId(), mock.serviceToken());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bogusMember", "extension", "attributes", "customMetadata", "softwareStatement", "authorizationDetailsTypes"})
    void aDeeplyNestedMemberIsNotStoredAndTheStateStillExports(String member) {
        String nested = "{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH);
        String body = "{\"clientName\":\"deep\",\"" + member + "\":" + nested + "}";

        HttpReply created = api.send("POST", "/api/" + api.serviceId() + "/client/create", "application/json", body);

        assertThat(created.status()).as(created.toString()).isIn(201, 400);
        HttpReply state = api.send("GET", "/__admin/authlete/state", null, (String) null);
        assertThat(state.status()).as(state.toString()).isEqualTo(200);
        if (created.status() == 201) {
            assertThat(created.body()).doesNotContain("{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":");
        }
    }
}
