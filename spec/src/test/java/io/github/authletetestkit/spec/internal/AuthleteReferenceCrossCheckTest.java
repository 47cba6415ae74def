package io.github.authletetestkit.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.swagger.v3.oas.models.media.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves that what our description declares agrees with Authlete's published spec. Skipped when the
 * reference material is not beside the checkout (system property {@value ReferenceFiles#PROPERTY}).
 */
class AuthleteReferenceCrossCheckTest {

    /** Properties (or whole components) that deliberately differ from Authlete's spec; each is explained in the YAML. */
    private static final Set<String> EXPECTED_DEVIATIONS = Set.of(
            "TokenRequest.properties",
            "AuthorizationTicketUpdateRequest.info",
            "TokenInfo.authorizationDetails",
            "EchoResponse");

    /** Required names in Authlete's request schemas that name no member; each is explained in the YAML. */
    private static final List<String> EXPECTED_DANGLING_REQUIRED = List.of(
            "POST /api/{serviceId}/gm request application/json GrantManagementRequest: [token]");

    private static AuthleteSpec reference;

    @BeforeAll
    static void loadReference() {
        reference = ReferenceFiles.authleteOpenApi().map(file -> AuthleteSpec.load(file.toString())).orElse(null);
    }

    /** Each test, not the class, is skipped without the reference: the report then shows every check as skipped, with why. */
    @BeforeEach
    void needsTheReference() {
        Assumptions.assumeTrue(reference != null, ReferenceFiles::missingReason);
    }

    @Test
    void authletesOwnSpecLoads() {
        assertThat(reference.openApiVersion()).startsWith("3.0");
        assertThat(reference.version()).isEqualTo(AuthleteSpec.bundled().version());
        assertThat(reference.operations()).hasSize(88);
        assertThat(reference.openApi().getPaths()).hasSize(84);
        assertThat(reference.match("GET", "/api/service/get/list"))
                .hasValueSatisfying(m -> assertThat(m.operationId()).isEqualTo("service_get_list_api"));
    }

    @Test
    void everythingWeDescribeExistsInAuthletesSpecWithCompatibleTypes() {
        AuthleteSpec ours = AuthleteSpec.bundled();
        ReferenceCrossCheck check = new ReferenceCrossCheck(ours.openApi(), reference.openApi())
                .compare(ours.operations());
        if (!check.mismatches().isEmpty()) {
            fail(check.mismatches().size() + " difference(s) from Authlete's published spec:\n  "
                    + String.join("\n  ", check.mismatches()));
        }
        assertThat(check.comparedPositions()).as("schema positions compared").isGreaterThan(700);
        // The skipped positions are exactly the documented deviations, reached from some operation.
        Set<String> reached = new TreeSet<>();
        for (String deviation : check.deviations()) {
            for (String expected : EXPECTED_DEVIATIONS) {
                // a property is reported as "...Component.property (why)", a whole component as "... Component (why)"
                String key = expected.contains(".") ? expected.substring(expected.indexOf('.')) : " " + expected;
                if (deviation.contains(key + " (")) {
                    reached.add(expected);
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrderElementsOf(EXPECTED_DEVIATIONS);
        assertThat(check.danglingRequired()).containsExactlyInAnyOrderElementsOf(EXPECTED_DANGLING_REQUIRED);
    }

    @Test
    void everyOperationOfAuthletesSpecIsDescribedWithItsSuccessStatuses() {
        AuthleteSpec ours = AuthleteSpec.bundled();
        ReferenceCrossCheck check = new ReferenceCrossCheck(ours.openApi(), reference.openApi()).compareCoverage();
        if (!check.notDescribed().isEmpty()) {
            fail(check.notDescribed().size() + " operation(s) or status(es) of Authlete's spec missing from ours:\n  "
                    + String.join("\n  ", check.notDescribed()));
        }
        // and nothing beyond them: together with the forward check, the two documents have the same operations
        assertThat(ours.operations().stream().filter(o -> !sdkOnly(ours, o)).toList()).hasSameSizeAs(reference.operations());
        for (SpecOperation operation : reference.operations()) {
            assertThat(ours.match(operation.method(), operation.pathTemplate()))
                    .as("%s", operation)
                    .hasValueSatisfying(m -> assertThat(m.operation().pathTemplate()).isEqualTo(operation.pathTemplate()));
        }
    }

    /** An operation only Authlete's Java SDK uses, marked as a deliberate deviation. */
    private static boolean sdkOnly(AuthleteSpec spec, SpecOperation operation) {
        var op = spec.openApi().getPaths().get(operation.pathTemplate()).readOperationsMap()
                .get(io.swagger.v3.oas.models.PathItem.HttpMethod.valueOf(operation.method()));
        return op.getExtensions() != null && op.getExtensions().containsKey(SchemaWalker.DEVIATION_EXTENSION)
                && op.getExtensions().get(SchemaWalker.DEVIATION_EXTENSION).toString().contains("Java SDK");
    }

    @Test
    void ourSchemasAreCompleteWhereverTheyMeetAuthletes() {
        AuthleteSpec ours = AuthleteSpec.bundled();
        ReferenceCrossCheck check = new ReferenceCrossCheck(ours.openApi(), reference.openApi())
                .compare(ours.operations());
        if (!check.missing().isEmpty()) {
            fail(check.missing().size() + " propert(ies) of Authlete's spec missing from ours:\n  "
                    + String.join("\n  ", check.missing()));
        }
    }

    @Test
    void onlyTheDocumentedPropertiesCarryTheDeviationMarker() {
        SchemaWalker walker = new SchemaWalker(AuthleteSpec.bundled().openApi());
        Set<String> marked = new TreeSet<>();
        for (Map.Entry<String, Schema> component : walker.api().getComponents().getSchemas().entrySet()) {
            walker.walk(component.getValue(), component.getKey(), (location, schema) -> {
                if (SchemaWalker.isDeviation(schema)) {
                    marked.add(location);
                }
                return SchemaWalker.refName(schema) == null; // stay inside this component
            });
        }
        assertThat(marked).containsExactlyInAnyOrderElementsOf(EXPECTED_DEVIATIONS);
    }

    @Test
    void theCheckerFindsPlantedDifferences() {
        // Guard against a checker that passes everything: compare Authlete's own schemas crosswise.
        ReferenceCrossCheck check = new ReferenceCrossCheck(reference.openApi(), reference.openApi());
        Schema<?> service = new Schema<>().$ref("#/components/schemas/service");
        Schema<?> client = new Schema<>().$ref("#/components/schemas/client");
        check.compareSchema("service-vs-client", service, client, false);
        assertThat(check.mismatches()).anySatisfy(m -> assertThat(m).contains("service-vs-client.serviceName"));

        ReferenceCrossCheck same = new ReferenceCrossCheck(reference.openApi(), reference.openApi());
        same.compareSchema("service", service, new Schema<>().$ref("#/components/schemas/service"), true);
        assertThat(same.mismatches()).isEmpty();
    }

    @Test
    void differencesPlantedInOurDocumentAreAllReported() {
        String content = AuthleteSpec.bundled().content();
        String planted = replaceOnce(content, "clientSecret: {type: string, readOnly: true", "clientSecret: {type: integer, readOnly: true");
        planted = replaceOnce(planted, "refreshable: {type: boolean", "refreshed: {type: boolean");
        planted = replaceOnce(planted, ", NATIVE_SSO, ID_TOKEN_REISSUABLE]", ", NATIVE_SSO]");
        planted = replaceOnce(planted, "accessTokenExpiresAt: {type: integer, format: int64", "accessTokenExpiresAt: {type: integer, format: int32");
        planted = replaceOnce(planted, "required: [ticket, subject]", "required: [ticket]");
        planted = replaceOnce(planted, "operationId: auth_revocation_api", "operationId: revoke");
        planted = replaceOnce(planted, "  /api/{serviceId}/vci/jwks:", "  /api/{serviceId}/vci/jwkz:");
        AuthleteSpec ours = AuthleteSpec.parse("planted", planted);
        ReferenceCrossCheck check = new ReferenceCrossCheck(ours.openApi(), reference.openApi()).compare(ours.operations());
        String report = String.join("\n", check.mismatches());
        assertThat(report).contains(
                ".clientSecret: type [integer] but Authlete has [string]",
                ".refreshed: not in Authlete's schema",
                ".action: enum [",
                ".accessTokenExpiresAt: format int32 but Authlete has int64",
                "required [ticket] but Authlete has [subject, ticket]",
                "operationId revoke but Authlete's is auth_revocation_api",
                "POST /api/{serviceId}/vci/jwkz: no such operation in Authlete's spec");
        // the client secret is wrong in the request and in the response
        assertThat(check.mismatches()).hasSize(8);
        assertThat(check.missing()).containsExactly("POST /api/{serviceId}/auth/introspection 200 IntrospectionResponse.refreshable");
        assertThat(check.compareCoverage().notDescribed())
                .containsExactly("POST /api/{serviceId}/vci/jwks (vci_jwks_api): not in our document");
    }

    @Test
    void theCoverageCheckFindsAMissingSuccessStatus() {
        String planted = replaceOnce(AuthleteSpec.bundled().content(),
                "        '204':\n          description: Deleted; no body.\n        '400': {$ref: '#/components/responses/BadRequest'}\n"
                        + "        '401': {$ref: '#/components/responses/Unauthorized'}\n"
                        + "        '403': {$ref: '#/components/responses/Forbidden'}\n"
                        + "        '404': {$ref: '#/components/responses/NotFound'}\n"
                        + "        '500': {$ref: '#/components/responses/InternalServerError'}\n\n  /api/{serviceId}/service/jwks/get:",
                "        '400': {$ref: '#/components/responses/BadRequest'}\n"
                        + "        '401': {$ref: '#/components/responses/Unauthorized'}\n"
                        + "        '403': {$ref: '#/components/responses/Forbidden'}\n"
                        + "        '404': {$ref: '#/components/responses/NotFound'}\n"
                        + "        '500': {$ref: '#/components/responses/InternalServerError'}\n\n  /api/{serviceId}/service/jwks/get:");
        AuthleteSpec ours = AuthleteSpec.parse("planted", planted);
        assertThat(new ReferenceCrossCheck(ours.openApi(), reference.openApi()).compareCoverage().notDescribed())
                .containsExactly("DELETE /api/{serviceId}/service/delete: status 204 not declared by us");
    }

    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        assertThat(at).as("planting %s", target).isNotNegative();
        return text.substring(0, at) + replacement + text.substring(at + target.length());
    }

    @Test
    void typeCompatibilityRules() {
        assertThat(ReferenceCrossCheck.compatible(Set.of("integer"), Set.of("number"))).isTrue();
        assertThat(ReferenceCrossCheck.compatible(Set.of("number"), Set.of("integer"))).isFalse();
        assertThat(ReferenceCrossCheck.compatible(Set.of("string"), Set.of())).isTrue();
        assertThat(ReferenceCrossCheck.compatible(Set.of("string"), Set.of("boolean"))).isFalse();
    }
}
