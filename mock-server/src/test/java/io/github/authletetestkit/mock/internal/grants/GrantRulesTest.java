package io.github.authletetestkit.mock.internal.grants;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.internal.grants.GrantRules.AuthorizationCheck;
import io.github.authletetestkit.mock.internal.grants.GrantRules.AuthorizationRefusal;
import io.github.authletetestkit.mock.internal.grants.GrantRules.Management;
import io.github.authletetestkit.mock.internal.grants.GrantRules.ManagementRefusal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrantRulesTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATER = CREATED.plusSeconds(60);
    private static final ManagedGrant GRANT = new ManagedGrant("g1", 7, "alice", List.of("openid", "read"),
            "{\"given_name\":\"Alice\"}", CREATED, CREATED);
    private static final Function<String, Optional<ManagedGrant>> GRANTS = id -> Optional.ofNullable(Map.of("g1", GRANT).get(id));

    @Nested
    class AtAuthorization {

        private AuthorizationCheck check(String action, String grantId, boolean required, long clientId) {
            return GrantRules.checkAuthorization(action, grantId, required, clientId, GRANTS);
        }

        @Test
        void noActionAsksNothingUnlessTheServiceRequiresOne() {
            assertThat(check(null, null, false, 7)).isEqualTo(new AuthorizationCheck(null, null, null));
            assertThat(check("", null, false, 7).request()).isNull();
            assertThat(check(null, null, true, 7).refusal()).isEqualTo(AuthorizationRefusal.ACTION_REQUIRED);
        }

        @Test
        void createTakesNoGrantId() {
            assertThat(check("create", null, true, 7).request()).isEqualTo(new GrantRequest(GrantAction.CREATE, null));
            assertThat(check("create", "g1", false, 7).refusal()).isEqualTo(AuthorizationRefusal.GRANT_ID_WITH_CREATE);
        }

        @ParameterizedTest
        @CsvSource({"merge, MERGE", "replace, REPLACE"})
        void mergeAndReplaceNeedOneOfTheClientsGrants(String wire, GrantAction action) {
            assertThat(check(wire, "g1", false, 7).request()).isEqualTo(new GrantRequest(action, "g1"));
            assertThat(check(wire, null, false, 7).refusal()).isEqualTo(AuthorizationRefusal.GRANT_ID_MISSING);
            assertThat(check(wire, "", false, 7).refusal()).isEqualTo(AuthorizationRefusal.GRANT_ID_MISSING);
            assertThat(check(wire, "unknown", false, 7).refusal()).isEqualTo(AuthorizationRefusal.UNKNOWN_GRANT_ID);
            assertThat(check(wire, "g1", false, 8).refusal()).as("another client's grant").isEqualTo(AuthorizationRefusal.UNKNOWN_GRANT_ID);
        }

        @ParameterizedTest
        @CsvSource({"update", "CREATE", "query", "revoke"})
        void otherActionsAreUnknown(String wire) {
            AuthorizationCheck refused = check(wire, null, false, 7);
            assertThat(refused.refusal()).isEqualTo(AuthorizationRefusal.UNKNOWN_ACTION);
            assertThat(refused.description()).contains(wire);
        }

        @Test
        void aGrantIdWithoutActionIsRefusedEvenWhenNoActionIsRequired() {
            assertThat(check(null, "g1", false, 7).refusal()).isEqualTo(AuthorizationRefusal.GRANT_ID_WITHOUT_ACTION);
        }

        @Test
        void onlyAnUnknownGrantIsInvalidGrantId() {
            for (AuthorizationRefusal refusal : AuthorizationRefusal.values()) {
                assertThat(refusal.error()).isEqualTo(refusal == AuthorizationRefusal.UNKNOWN_GRANT_ID ? "invalid_grant_id" : "invalid_request");
            }
        }
    }

    @Nested
    class AtTheCodeExchange {

        @Test
        void createMakesANewGrant() {
            Optional<ManagedGrant> made = GrantRules.apply(new GrantRequest(GrantAction.CREATE, null), null, "new", 7, "alice",
                    List.of("openid"), "{\"email\":\"a@example.com\"}", LATER);

            assertThat(made).contains(new ManagedGrant("new", 7, "alice", List.of("openid"), "{\"email\":\"a@example.com\"}", LATER, LATER));
        }

        @Test
        void createNeverOverwritesAGrant() {
            assertThat(GrantRules.apply(new GrantRequest(GrantAction.CREATE, null), GRANT, "g1", 7, "alice", List.of(), null, LATER))
                    .isEmpty();
        }

        @Test
        void mergeAddsScopesAndClaims() {
            ManagedGrant merged = GrantRules.apply(new GrantRequest(GrantAction.MERGE, "g1"), GRANT, "ignored", 7, "alice",
                    List.of("read", "write"), "{\"email\":\"a@example.com\",\"given_name\":\"Al\"}", LATER).orElseThrow();

            assertThat(merged.grantId()).isEqualTo("g1");
            assertThat(merged.scopes()).containsExactly("openid", "read", "write");
            assertThat(merged.claims()).isEqualTo("{\"given_name\":\"Al\",\"email\":\"a@example.com\"}");
            assertThat(merged.createdAt()).isEqualTo(CREATED);
            assertThat(merged.updatedAt()).isEqualTo(LATER);
        }

        @Test
        void mergeWithoutNewClaimsKeepsTheOldOnes() {
            ManagedGrant merged = GrantRules.apply(new GrantRequest(GrantAction.MERGE, "g1"), GRANT, null, 7, "alice",
                    List.of(), "not json", LATER).orElseThrow();

            assertThat(merged.claims()).isEqualTo(GRANT.claims());
            assertThat(merged.scopes()).isEqualTo(GRANT.scopes());
        }

        @Test
        void replaceSwapsScopesAndClaims() {
            ManagedGrant replaced = GrantRules.apply(new GrantRequest(GrantAction.REPLACE, "g1"), GRANT, null, 7, "alice",
                    List.of("write"), null, LATER).orElseThrow();

            assertThat(replaced).isEqualTo(new ManagedGrant("g1", 7, "alice", List.of("write"), null, CREATED, LATER));
        }

        @ParameterizedTest
        @CsvSource({"MERGE", "REPLACE"})
        void mergeAndReplaceNeedTheGrantOfTheSameClientAndEndUser(GrantAction action) {
            GrantRequest request = new GrantRequest(action, "g1");

            assertThat(GrantRules.apply(request, null, null, 7, "alice", List.of("read"), null, LATER)).as("revoked meanwhile").isEmpty();
            assertThat(GrantRules.apply(request, GRANT, null, 8, "alice", List.of("read"), null, LATER)).as("another client").isEmpty();
            assertThat(GrantRules.apply(request, GRANT, null, 7, "bob", List.of("read"), null, LATER)).as("another end-user").isEmpty();
        }

        @Test
        void aGrantIsKeptOnlyForItsClientAndEndUserWhileItExists() {
            assertThat(GrantRules.keep(GRANT, 7, "alice")).contains(GRANT);
            assertThat(GrantRules.keep(null, 7, "alice")).as("revoked meanwhile").isEmpty();
            assertThat(GrantRules.keep(GRANT, 8, "alice")).as("another client").isEmpty();
            assertThat(GrantRules.keep(GRANT, 7, "bob")).as("another end-user").isEmpty();
        }
    }

    @Nested
    class AtTheGrantManagementEndpoint {

        @Test
        void theGrantsClientMayQueryAndRevokeIt() {
            for (Management management : Management.values()) {
                assertThat(GrantRules.refusal(management, 7, List.of(), List.of("openid"), Optional.of(GRANT))).isEmpty();
            }
        }

        @Test
        void anotherClientIsRefusedAndAnUnknownGrantIsNotFound() {
            assertThat(GrantRules.refusal(Management.QUERY, 8, List.of(), List.of(), Optional.of(GRANT))).contains(ManagementRefusal.OTHER_CLIENT);
            assertThat(GrantRules.refusal(Management.REVOKE, 7, List.of(), List.of(), Optional.empty())).contains(ManagementRefusal.NOT_FOUND);
        }

        @Test
        void theManagementScopesAreNeededOnlyWhereTheServiceDefinesThem() {
            List<String> service = List.of("grant_management_query", "grant_management_revoke");

            assertThat(GrantRules.refusal(Management.QUERY, 7, List.of("grant_management_revoke"), service, Optional.of(GRANT)))
                    .contains(ManagementRefusal.INSUFFICIENT_SCOPE);
            assertThat(GrantRules.refusal(Management.REVOKE, 7, List.of("grant_management_query"), service, Optional.of(GRANT)))
                    .contains(ManagementRefusal.INSUFFICIENT_SCOPE);
            assertThat(GrantRules.refusal(Management.QUERY, 7, List.of("grant_management_query"), service, Optional.of(GRANT))).isEmpty();
            assertThat(GrantRules.refusal(Management.REVOKE, 7, List.of("grant_management_revoke"), service, Optional.of(GRANT))).isEmpty();
            assertThat(GrantRules.refusal(Management.QUERY, 7, List.of(), List.of("grant_management_revoke"), Optional.of(GRANT)))
                    .as("only revoking is guarded").isEmpty();
        }

        @Test
        void theScopeIsCheckedBeforeTheGrantIsLookedUp() {
            assertThat(GrantRules.refusal(Management.QUERY, 8, List.of(), List.of("grant_management_query"), Optional.empty()))
                    .contains(ManagementRefusal.INSUFFICIENT_SCOPE);
        }

        @Test
        void managementIsNamedAsAuthleteNamesIt() {
            assertThat(Management.fromName("QUERY")).contains(Management.QUERY);
            assertThat(Management.fromName("REVOKE")).contains(Management.REVOKE);
            assertThat(Management.fromName("CREATE")).isEmpty();
            assertThat(Management.fromName(null)).isEmpty();
        }

        @Test
        void aQueryShowsTheScopesAndTheNamesOfTheClaims() {
            assertThat(GrantRules.queryView(GRANT).toString())
                    .isEqualTo("{\"scopes\":[{\"scope\":\"openid read\"}],\"claims\":[\"given_name\"]}");
            assertThat(GrantRules.queryView(new ManagedGrant("g2", 7, null, List.of(), null, CREATED, CREATED)).toString())
                    .isEqualTo("{\"scopes\":[],\"claims\":[]}");
        }
    }
}
