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
import java.util.function.Function;
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
    void aVersionTwoDocumentMigratedAndExportedMatchesTheSchema() {
        assertThat(violations(StateFixtures.exportedBy(null, StateFixtures.load(StateFixtures.V2)))).isEmpty();
        assertThat(violations(StateFixtures.load(StateFixtures.V2))).as("version 2 itself is not version 3")
                .anySatisfy(v -> assertThat(v).contains("responseMode"))
                .anySatisfy(v -> assertThat(v).contains("authTimeSeconds"))
                .anySatisfy(v -> assertThat(v).contains("authorizationDetails"));
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
        assertThat(service.at("/backchannelRequests/0/grantManagement/action").asText()).isEqualTo("replace");
        assertThat(service.at("/tickets/0/responseMode").asText()).isEqualTo("form_post.jwt");
        assertThat(service.at("/authorizationCodes/0/grant/authTime").asLong()).isEqualTo(1796000000L);
        for (String pointer : List.of("/tokens/0", "/tickets/0", "/authorizationCodes/0/grant")) {
            assertThat(service.at(pointer + "/authorizationDetails").isArray()).as(pointer).isTrue();
        }
        assertThat(state.at("/clock/offset").asText()).isEqualTo("PT1H");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a string for a number       | /services/0/tickets/0           | maxAge          | "3600"                | services[0].tickets[0].maxAge
            a number for a string       | /services/0/tokens/0            | subject         | 7                     | services[0].tokens[0].subject
            an object for a list        | /services/0/pushedRequests/0    | expiresAt       | {}                    | services[0].pushedRequests[0].expiresAt
            an unknown response mode    | /services/0/tickets/0           | responseMode    | "SMOKE"               | services[0].tickets[0].responseMode
            a Java response mode        | /services/0/tickets/0           | responseMode    | "FORM_POST_JWT"       | services[0].tickets[0].responseMode
            a Java grant action         | /services/0/tickets/0/grantManagement | action    | "MERGE"               | services[0].tickets[0].grantManagement.action
            the old name of authTime    | /services/0/tokenTickets/0/grant | authTimeSeconds | 1796000000           | services[0].tokenTickets[0].grant.authTimeSeconds
            details as JSON text        | /services/0/tickets/0           | authorizationDetails | "[]"             | services[0].tickets[0].authorizationDetails
            details not typed objects   | /services/0/authorizationCodes/0/grant | authorizationDetails | [{}]      | services[0].authorizationCodes[0].grant.authorizationDetails
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
        assertThat(constants("/$defs/ticket/properties/responseMode/enum"))
                .containsExactly(spellings(ResponseMode.values(), ResponseMode::wireName)).contains("form_post.jwt");
        assertThat(constants("/$defs/decision/properties/result/enum")).containsExactly(spellings(EndUserDecision.Result.values(), Enum::name));
        assertThat(constants("/$defs/grantManagement/properties/action/enum"))
                .containsExactly(spellings(GrantAction.values(), GrantAction::wireName)).contains("merge");
    }

    private static List<String> constants(String pointer) {
        List<String> out = new ArrayList<>();
        SCHEMA_JSON.at(pointer).forEach(c -> out.add(c.asText()));
        return out;
    }

    private static <E extends Enum<E>> String[] spellings(E[] constants, Function<E, String> spelling) {
        return Arrays.stream(constants).map(spelling).toArray(String[]::new);
    }
}
