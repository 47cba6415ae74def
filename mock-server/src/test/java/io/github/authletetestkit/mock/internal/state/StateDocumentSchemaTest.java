package io.github.authletetestkit.mock.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.internal.grants.GrantAction;
import io.github.authletetestkit.mock.internal.store.EndUserDecision;
import io.github.authletetestkit.mock.internal.store.ResponseMode;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.testing.StateFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The state document's published JSON Schema ({@code io/github/authletetestkit/mock/state-document.schema.json}) describes
 * what either store exports, member for member, and refuses what {@code loadSeed} refuses.
 */
class StateDocumentSchemaTest {

    private static final String RESOURCE = "/io/github/authletetestkit/mock/state-document.schema.json";
    private static final JsonNode SCHEMA_JSON = resource();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(SCHEMA_JSON);

    /** The document's records and the definition of the schema that describes each. */
    private static final Map<Class<? extends Record>, String> DEFINITIONS = Map.ofEntries(
            Map.entry(StateDocument.ServiceEntry.class, "service"),
            Map.entry(StateDocument.TokenEntry.class, "token"),
            Map.entry(StateDocument.PropertyEntry.class, "property"),
            Map.entry(StateDocument.GrantEntry.class, "grant"),
            Map.entry(StateDocument.GrantManagementEntry.class, "grantManagement"),
            Map.entry(StateDocument.TicketEntry.class, "ticket"),
            Map.entry(StateDocument.AuthorizationCodeEntry.class, "authorizationCode"),
            Map.entry(StateDocument.TokenTicketEntry.class, "tokenTicket"),
            Map.entry(StateDocument.DecisionEntry.class, "decision"),
            Map.entry(StateDocument.DeviceAuthorizationEntry.class, "deviceAuthorization"),
            Map.entry(StateDocument.BackchannelRequestEntry.class, "backchannelRequest"),
            Map.entry(StateDocument.PushedRequestEntry.class, "pushedRequest"),
            Map.entry(StateDocument.GrantedScopesEntry.class, "grantedScopes"),
            Map.entry(StateDocument.ManagedGrantEntry.class, "managedGrant"),
            Map.entry(ClockSetting.class, "clock"));

    private static JsonNode resource() {
        try (InputStream in = Objects.requireNonNull(StateDocumentSchemaTest.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            return Json.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> violations(JsonNode document) {
        return SCHEMA.validate(document).stream().map(Error::toString).toList();
    }

    @Test
    void theInMemoryStoresExportOfEveryKindOfEntryMatchesTheSchema() {
        ObjectNode state = StateFixtures.exportedBy(null, StateFixtures.load(StateFixtures.EVERY_ENTRY));

        assertEveryKindIn(state);
        assertThat(violations(state)).isEmpty();
    }

    @Test
    void theRedisStoresExportOfEveryKindOfEntryMatchesTheSchema() {
        ObjectNode state = StateFixtures.exportedBy(StateFixtures.redis("schema"), StateFixtures.load(StateFixtures.EVERY_ENTRY));

        assertEveryKindIn(state);
        assertThat(violations(state)).isEmpty();
    }

    @Test
    void aVersionOneDocumentMigratedAndExportedMatchesTheSchema() {
        assertThat(violations(StateFixtures.exportedBy(null, StateFixtures.load(StateFixtures.V1)))).isEmpty();
        assertThat(violations(StateFixtures.load(StateFixtures.V1))).as("version 1 itself is not version 2")
                .anySatisfy(v -> assertThat(v).contains("accessTokenRevoked"));
    }

    private static void assertEveryKindIn(ObjectNode state) {
        JsonNode service = state.get("services").get(0);
        for (String kind : StateFixtures.ENTRY_KINDS) {
            assertThat(service.get(kind)).as(kind).isNotEmpty();
        }
        assertThat(service.at("/deviceAuthorizations/0/decision/grant/properties/0/hidden").isBoolean()).isTrue();
        assertThat(service.at("/backchannelRequests/0/grantManagement/action").asText()).isEqualTo("REPLACE");
        assertThat(service.at("/tickets/0/responseMode").asText()).isEqualTo("FORM_POST_JWT");
        assertThat(state.at("/clock/offset").asText()).isEqualTo("PT1H");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a string for a number       | /services/0/tickets/0           | maxAge          | "3600"                | services[0].tickets[0].maxAge
            a number for a string       | /services/0/tokens/0            | subject         | 7                     | services[0].tokens[0].subject
            an object for a list        | /services/0/pushedRequests/0    | expiresAt       | {}                    | services[0].pushedRequests[0].expiresAt
            an unknown response mode    | /services/0/tickets/0           | responseMode    | "SMOKE"               | services[0].tickets[0].responseMode
            an unknown decision         | /services/0/deviceAuthorizations/1/decision | result | "MAYBE"         | services[0].deviceAuthorizations[1].decision.result
            an unknown token member     | /services/0/tokens/0            | accessTokenRevoked | false              | services[0].tokens[0].accessTokenRevoked
            an unknown nested member    | /services/0/authorizationCodes/0/grant | grantz   | "g"                   | services[0].authorizationCodes[0].grant.grantz
            an unknown service member   | /services/0                     | clientz         | []                    | services[0].clientz
            a required member missing   | /services/0/grants/0            | createdAt       | -                     | services[0].grants[0].createdAt
            a flag missing              | /services/0/tickets/0           | redirectUriExplicit | -                 | services[0].tickets[0].redirectUriExplicit
            """)
    void aDocumentThatBreaksTheSchemaIsRefusedByTheSchemaAndByLoadSeed(String what, String at, String member, String value, String field) {
        ObjectNode document = StateFixtures.load(StateFixtures.EVERY_ENTRY);
        ObjectNode parent = (ObjectNode) document.at(at);
        if (value.equals("-")) {
            parent.remove(member);
        } else {
            parent.set(member, Json.parse(value));
        }

        assertThat(violations(document)).as(what).isNotEmpty();
        assertThatThrownBy(() -> AuthleteMockServer.builder().seed(document).build()).as(what)
                .isInstanceOfSatisfying(SeedException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void theSchemaDescribesEveryMemberOfTheDocumentAndNoOther() {
        JsonNode definitions = SCHEMA_JSON.get("$defs");
        DEFINITIONS.forEach((type, name) -> {
            JsonNode properties = definitions.get(name).get("properties");
            List<String> documented = new ArrayList<>();
            properties.fieldNames().forEachRemaining(documented::add);
            assertThat(documented).as(name).containsExactly(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new));
            properties.forEach(p -> assertThat(p.path("description").asText()).as(name + " member").isNotBlank());
        });
        List<String> top = new ArrayList<>();
        SCHEMA_JSON.get("properties").fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactly(Arrays.stream(StateDocument.class.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new));
        assertThat(SCHEMA_JSON.at("/properties/schemaVersion/const").asInt()).isEqualTo(StateMigrations.CURRENT);
    }

    @Test
    void theSchemaListsTheConstantsTheReaderTakes() {
        assertThat(constants("/$defs/ticket/properties/responseMode/enum")).containsExactly(names(ResponseMode.values()));
        assertThat(constants("/$defs/decision/properties/result/enum")).containsExactly(names(EndUserDecision.Result.values()));
        assertThat(constants("/$defs/grantManagement/properties/action/enum")).containsExactly(names(GrantAction.values()));
    }

    private static List<String> constants(String pointer) {
        List<String> out = new ArrayList<>();
        SCHEMA_JSON.at(pointer).forEach(c -> out.add(c.asText()));
        return out;
    }

    private static String[] names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toArray(String[]::new);
    }
}
