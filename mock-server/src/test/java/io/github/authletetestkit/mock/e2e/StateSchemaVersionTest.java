package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.internal.state.SeedException;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.testing.StateFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * State documents carry {@code schemaVersion}; documents of every earlier version are migrated when read (version 1:
 * {@code schema-v1-state.json}, as the mock wrote it before versions, with every kind of entry; version 2:
 * {@code schema-v2-state.json}, as the mock exported {@code state-every-entry.json} in version 2), and the same
 * document (that one, and {@code state-every-entry.json} with every member of every kind) imports into and exports from
 * either store, whichever goes first.
 */
class StateSchemaVersionTest {

    private static ObjectNode v1() {
        return StateFixtures.load(StateFixtures.V1);
    }

    private static JsonNode service(JsonNode state) {
        return state.get("services").get(0);
    }

    @Test
    void aVersionOneStateIsMigratedAndWrittenAsTheCurrentVersion() {
        ObjectNode v1 = v1();
        assertThat(v1.has("schemaVersion")).isFalse();

        try (AuthleteMockServer mock = AuthleteMockServer.builder().seed(v1).build().start()) {
            JsonNode state = mock.state();

            assertThat(state.get("schemaVersion").asInt()).isEqualTo(3);
            assertThat(service(state).at("/tickets/0/responseMode").asText()).as("QUERY in version 1").isEqualTo("query");
            assertThat(service(state).at("/authorizationCodes/0/request/responseMode").asText()).isEqualTo("query");
            List<String> accessTokens = new ArrayList<>();
            service(state).get("tokens").forEach(t -> accessTokens.add(t.get("accessToken").asText()));
            assertThat(accessTokens).as("the pair whose access token version 1 marked revoked is gone whole")
                    .hasSize(2).doesNotContain("at-revoked-in-v1");
            assertThat(service(state).toString()).doesNotContain("accessTokenRevoked", "rt-outlived-its-access-token");
            for (String kind : List.of("tickets", "authorizationCodes", "tokenTickets", "deviceAuthorizations", "backchannelRequests",
                    "pushedRequests", "grantedScopes", "grants", "clients")) {
                assertThat(service(state).get(kind)).as(kind).hasSize(service(v1).get(kind).size());
            }
            ApiClient api = new ApiClient(mock.baseUrl(), mock.serviceId(), service(v1).get("serviceTokens").get(0).asText());
            assertThat(new Flows(api).introspect(accessTokens.get(0)).action()).isEqualTo("OK");
        }
    }

    @Test
    void aDocumentOfANewerOrNoVersionIsRefusedNamingTheMember() {
        ObjectNode newer = v1().put("schemaVersion", 4);
        assertThatThrownBy(() -> AuthleteMockServer.builder().seed(newer).build()).isInstanceOf(SeedException.class)
                .hasMessageContaining("schemaVersion").hasMessageContaining("newer Authlete Testkit");
        ObjectNode text = v1().put("schemaVersion", "two");
        assertThatThrownBy(() -> AuthleteMockServer.builder().seed(text).build()).isInstanceOf(SeedException.class)
                .hasMessageContaining("schemaVersion");
    }

    @Test
    void theRevokedMarkerOfVersionOneIsNoMemberOfVersionTwo() {
        ObjectNode v2 = v1().put("schemaVersion", 2);

        assertThatThrownBy(() -> AuthleteMockServer.builder().seed(v2).build()).isInstanceOf(SeedException.class)
                .hasMessageContaining("accessTokenRevoked");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"version 1, ", "version 2, 2"})
    void aDocumentOfAnEarlierVersionLoadsIntoTheSameStateAsTheCurrentOne(String what, Integer version) {
        ObjectNode current = StateFixtures.load(StateFixtures.EVERY_ENTRY);
        // version 1 is version 2 without schemaVersion (tokens without the marker that version 2 dropped)
        ObjectNode earlier = StateFixtures.load(StateFixtures.V2);
        if (version == null) {
            earlier.remove("schemaVersion");
        }
        // the earlier document is an export: its config and clients carry every member, creation times included
        for (String member : List.of("config", "clients")) {
            ((ObjectNode) service(current)).set(member, service(earlier).get(member).deepCopy());
        }
        ObjectNode expected = StateFixtures.exportedBy(null, current);

        ObjectNode migrated = StateFixtures.exportedBy(null, earlier);

        assertThat(migrated).isEqualTo(expected);
        assertThat(migrated.get("schemaVersion").asInt()).isEqualTo(3);
    }

    @Test
    void aSeedWithoutAVersionMayUseTheCurrentSpellings() {
        ObjectNode handWritten = StateFixtures.load(StateFixtures.EVERY_ENTRY);
        handWritten.remove("schemaVersion");

        ObjectNode state = StateFixtures.exportedBy(null, handWritten);

        StateFixtures.ENTRY_KINDS.stream().filter(kind -> !kind.equals("clients")).forEach(kind ->
                assertThat(service(state).get(kind)).as(kind).isEqualTo(service(handWritten).get(kind)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown response mode  | /services/0/tickets/0                              | responseMode         | "SMOKE"    | services[0].tickets[0].responseMode
            an unknown nested one     | /services/0/authorizationCodes/0/request           | responseMode         | "ZIP"      | services[0].authorizationCodes[0].request.responseMode
            an unknown grant action   | /services/0/deviceAuthorizations/0/grantManagement | action               | "DELETE"   | services[0].deviceAuthorizations[0].grantManagement.action
            an unknown decision       | /services/0/deviceAuthorizations/1/decision        | result               | "MAYBE"    | services[0].deviceAuthorizations[1].decision.result
            details that are no JSON  | /services/0/tickets/0                              | authorizationDetails | "[{"       | services[0].tickets[0].authorizationDetails
            details that are no array | /services/0/tokenTickets/0/grant                   | authorizationDetails | "{}"       | services[0].tokenTickets[0].grant.authorizationDetails
            both names of auth time   | /services/0/backchannelRequests/0/decision/grant   | authTime             | 1796000000 | services[0].backchannelRequests[0].decision.grant.authTime
            """)
    void aVersionTwoDocumentWithAValueVersionTwoDidNotKnowIsRefusedNamingTheMember(String what, String at, String member, String value,
            String field) {
        ObjectNode v2 = StateFixtures.load(StateFixtures.V2);
        ((ObjectNode) v2.at(at)).set(member, Json.parse(value));

        assertThatThrownBy(() -> AuthleteMockServer.builder().seed(v2).build()).as(what)
                .isInstanceOfSatisfying(SeedException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void everyEntryGoesOutMemberForMemberAsItCameIn() {
        ObjectNode document = StateFixtures.load(StateFixtures.EVERY_ENTRY);

        ObjectNode state = StateFixtures.exportedBy(null, document);

        // clients (and config) get the members of a new one laid under the document's, the entries nothing
        StateFixtures.ENTRY_KINDS.stream().filter(kind -> !kind.equals("clients")).forEach(kind ->
                assertThat(service(state).get(kind)).as(kind).isEqualTo(service(document).get(kind)));
        assertThat(state.get("clock")).isEqualTo(document.get("clock"));
        assertThat(state.get("schemaVersion")).isEqualTo(document.get("schemaVersion"));
    }

    @ParameterizedTest(name = "{0}, first into {1}")
    @CsvSource({
            StateFixtures.V1 + ", memory", StateFixtures.V1 + ", redis",
            StateFixtures.V2 + ", memory", StateFixtures.V2 + ", redis",
            StateFixtures.EVERY_ENTRY + ", memory", StateFixtures.EVERY_ENTRY + ", redis"})
    void theSameDocumentImportsIntoAndExportsFromEitherStore(String fixture, String firstStore) {
        String redis = StateFixtures.redis("documents");
        boolean memoryFirst = firstStore.equals("memory");

        ObjectNode first = StateFixtures.exportedBy(memoryFirst ? null : redis, StateFixtures.load(fixture));
        ObjectNode second = StateFixtures.exportedBy(memoryFirst ? redis : null, first);
        ObjectNode third = StateFixtures.exportedBy(memoryFirst ? null : redis, second);

        for (String kind : StateFixtures.ENTRY_KINDS) {
            assertThat(service(first).get(kind)).as(kind).isNotEmpty();
        }
        assertThat(second).as("exported by the other store").isEqualTo(first);
        assertThat(third).as("and back").isEqualTo(first);
    }
}
