package io.github.authletetestkit.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Structural rules for our bundled description of the Authlete API. */
class BundledSpecTest {

    /**
     * Every operation of Authlete's published API (88, the health check included), by Authlete's operationIds;
     * the health check has none there, {@code lifecycle_healthcheck_api} is ours.
     */
    static final Set<String> DESCRIBED_OPERATION_IDS = Set.of(
            // services
            "service_get_api", "service_get_list_api", "service_update_api", "service_create_api",
            "service_delete_api", "service_jwks_get_api", "service_configuration_api",
            // the forms only Authlete's Java SDK uses (not in Authlete's spec; marked x-testkit-deviation)
            "service_configuration_api_post", "client_granted_scopes_delete_api_post", "hsk_delete_api_get",
            // clients
            "client_create_api", "client_get_api", "client_get_list_api", "client_update_api", "client_delete_api",
            "client_flag_update_api", "client_secret_refresh_api", "client_secret_update_api",
            "client_authorization_get_list_api", "client_authorization_get_list_api_post",
            "client_authorization_get_list_by_subject_api", "client_authorization_update_api",
            "client_authorization_delete_api", "client_authorization_delete_api_post",
            "client_authorization_delete_by_subject_api",
            "client_granted_scopes_get_api", "client_granted_scopes_get_api_post",
            "client_granted_scopes_get_by_subject_api", "client_granted_scopes_delete_api",
            "client_granted_scopes_delete_by_subject_api",
            "client_extension_requestables_scopes_get_api", "client_extension_requestables_scopes_update_api_post",
            "client_extension_requestables_scopes_update_api", "client_extension_requestables_scopes_delete_api",
            "client_registration_api", "client_registration_get_api", "client_registration_update_api",
            "client_registration_delete_api",
            // authorization, PAR, tickets
            "auth_authorization_api", "auth_authorization_issue_api", "auth_authorization_fail_api",
            "pushed_auth_req_api", "getAuthorizationTicketInfo", "updateAuthorizationTicket",
            // token endpoint and its companions
            "auth_token_api", "auth_token_issue_api", "auth_token_fail_api", "idtoken_reissue_api",
            "native_sso_api", "native_sso_logout_api", "grant_m_api",
            // introspection, revocation, userinfo
            "auth_introspection_api", "auth_introspection_standard_api", "auth_revocation_api",
            "auth_userinfo_api", "auth_userinfo_issue_api",
            // CIBA and device flow
            "backchannel_authentication_api", "backchannel_authentication_issue_api",
            "backchannel_authentication_fail_api", "backchannel_authentication_complete_api",
            "device_authorization_api", "device_verification_api", "device_complete_api",
            // token operations
            "auth_token_get_list_api", "auth_token_create_api", "auth_token_create_batch_api",
            "auth_token_create_batch_status_api", "auth_token_update_api", "auth_token_delete_api",
            "auth_token_revoke_api",
            // JOSE, federation, verifiable credentials, HSM keys
            "jose_verify_api", "federation_configuration_api", "federation_registration_api",
            "vci_metadata_api", "vci_jwtissuer_api", "vci_jwks_api", "vci_offer_create_api", "vci_offer_info_api",
            "vci_single_parse_api", "vci_single_issue_api", "vci_batch_parse_api", "vci_batch_issue_api",
            "vci_deferred_parse_api", "vci_deferred_issue_api",
            "hsk_create_api", "hsk_delete_api", "hsk_get_api", "hsk_get_list_api",
            // utility
            "lifecycle_healthcheck_api", "info_api", "misc_echo_api");

    static final Set<String> UNAUTHENTICATED = Set.of("lifecycle_healthcheck_api", "info_api", "misc_echo_api");

    /** Operations whose request body Authlete accepts as JSON only. */
    static final Set<String> JSON_ONLY = Set.of(
            // the two forms only the Java SDK uses: it sends JSON
            "service_configuration_api_post", "client_granted_scopes_delete_api_post",
            "client_create_api", "idtoken_reissue_api", "grant_m_api", "native_sso_api", "native_sso_logout_api",
            "client_registration_api", "client_registration_get_api", "client_registration_update_api",
            "client_registration_delete_api", "auth_token_create_batch_api",
            "client_extension_requestables_scopes_update_api_post", "client_extension_requestables_scopes_update_api",
            "vci_single_issue_api", "vci_batch_issue_api", "vci_deferred_issue_api", "federation_configuration_api");

    /** Deletions that answer 204 without a body (the others answer 200 with a result). */
    static final Set<String> DELETES_WITHOUT_BODY = Set.of(
            "service_delete_api", "client_delete_api", "auth_token_delete_api",
            "client_extension_requestables_scopes_delete_api", "hsk_delete_api", "hsk_delete_api_get");

    static final List<String> ERROR_STATUSES = List.of("400", "401", "403", "404", "500");

    private final AuthleteSpec spec = AuthleteSpec.bundled();
    private final OpenAPI api = spec.openApi();
    private final SchemaWalker walker = new SchemaWalker(api);

    @Test
    void parsesWithSwaggerParserWithoutAnyMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult direct = new OpenAPIV3Parser().readContents(spec.content(), null, options);
        assertThat(direct.getMessages()).isEmpty();
        assertThat(direct.getOpenAPI()).isNotNull();
        assertThat(spec.messages()).isEmpty();

        ParseOptions fully = new ParseOptions();
        fully.setResolve(true);
        fully.setResolveFully(true);
        assertThat(new OpenAPIV3Parser().readContents(spec.content(), null, fully).getMessages()).isEmpty();
    }

    @Test
    void isAnOpenApi31DocumentWithTheAgreedInfo() {
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(spec.openApiVersion()).isEqualTo("3.1.0");
        assertThat(api.getInfo().getTitle()).isEqualTo("Authlete API v3 (Authlete Testkit description)");
        assertThat(spec.version()).isEqualTo("3.0.16");
        assertThat(api.getInfo().getLicense().getName()).isEqualTo("MIT");
        assertThat(api.getServers()).extracting(Server::getUrl).containsExactly(
                "https://us.authlete.com", "https://jp.authlete.com", "https://eu.authlete.com", "https://br.authlete.com");
    }

    @Test
    void usesOpenApi31IdiomsAndNoExternalReferences() {
        String content = spec.content();
        assertThat(content).doesNotContainPattern("(?m)^\\s*nullable\\s*:");
        Matcher refs = Pattern.compile("\\$ref['\"]?\\s*:\\s*['\"]?([^'\"}\\s,]+)").matcher(content);
        int count = 0;
        while (refs.find()) {
            count++;
            assertThat(refs.group(1)).as("local reference").startsWith("#/components/");
        }
        assertThat(count).isGreaterThan(100);
    }

    @Test
    void describesExactlyTheAgreedOperationsWithUniqueIds() {
        List<String> ids = new ArrayList<>();
        for (SpecOperation operation : spec.operations()) {
            assertThat(operation.operationId()).as("operationId of %s", operation).isNotBlank();
            ids.add(operation.operationId());
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(DESCRIBED_OPERATION_IDS);
    }

    @Test
    void everyOperationHasSummaryTagsAndATypedSuccessResponse() {
        for (SpecOperation op : spec.operations()) {
            Operation operation = walker.operation(op.method(), op.pathTemplate());
            assertThat(operation.getSummary()).as("summary of %s", op).isNotBlank();
            assertThat(operation.getTags()).as("tags of %s", op).isNotEmpty();
            List<String> successes = operation.getResponses().keySet().stream().filter(s -> s.startsWith("2")).toList();
            assertThat(successes).as("success statuses of %s", op).isNotEmpty();
            for (String status : successes) {
                ApiResponse response = walker.response(operation.getResponses().get(status));
                if ("204".equals(status)) {
                    assertThat(response.getContent()).as("%s 204 has no body", op).isNullOrEmpty();
                    continue;
                }
                assertThat(response.getContent()).as("%s %s content", op, status).isNotEmpty();
                response.getContent().forEach((mediaType, media) ->
                        assertThat(media.getSchema()).as("%s %s %s schema", op, status, mediaType).isNotNull());
            }
            // 204 is never the only success except for deletes (the Java SDK deletes an HSM key with GET)
            if (!op.method().equals("DELETE") && !DELETES_WITHOUT_BODY.contains(op.operationId())) {
                assertThat(successes).as("%s has a success with a body", op).anyMatch(s -> !s.equals("204"));
            }
        }
    }

    @Test
    void creationAnswers201And200AndDeletionAnswers204() {
        for (String id : List.of("service_create_api", "client_create_api")) {
            assertThat(operation(id).getResponses()).as(id).containsKeys("201", "200");
        }
        for (String id : DELETES_WITHOUT_BODY) {
            assertThat(operation(id).getResponses().keySet().stream().filter(s -> s.startsWith("2")))
                    .as(id).containsExactly("204");
        }
        for (SpecOperation op : spec.operations()) {
            boolean noBody = operation(op.operationId()).getResponses().keySet().stream()
                    .filter(s -> s.startsWith("2")).allMatch("204"::equals);
            assertThat(noBody).as("%s answers only 204", op).isEqualTo(DELETES_WITHOUT_BODY.contains(op.operationId()));
        }
        assertThat(operation("service_jwks_get_api").getResponses()).containsKeys("200", "204");
        Content health = walker.response(operation("lifecycle_healthcheck_api").getResponses().get("200")).getContent();
        assertThat(health).containsOnlyKeys("text/plain");
    }

    @Test
    void bearerIsRequiredExceptForHealthcheckAndInfo() {
        SecurityScheme bearer = api.getComponents().getSecuritySchemes().get("bearer");
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(bearer.getScheme()).isEqualTo("bearer");
        assertThat(api.getSecurity()).hasSize(1);
        assertThat(api.getSecurity().get(0)).containsOnlyKeys("bearer");

        for (SpecOperation op : spec.operations()) {
            Operation operation = walker.operation(op.method(), op.pathTemplate());
            if (UNAUTHENTICATED.contains(op.operationId())) {
                assertThat(operation.getSecurity()).as("%s declares security: []", op).isNotNull().isEmpty();
                assertThat(op.authenticated()).as("%s", op).isFalse();
            } else {
                assertThat(op.authenticated()).as("%s", op).isTrue();
                // either inherits the global bearer requirement or names it itself
                if (operation.getSecurity() != null) {
                    assertThat(operation.getSecurity()).allSatisfy(r -> assertThat(r).containsKey("bearer"));
                }
            }
        }
    }

    @Test
    void everyOperationDeclaresTheErrorResponsesWithResultError() {
        for (SpecOperation op : spec.operations()) {
            Map<String, ApiResponse> responses = walker.operation(op.method(), op.pathTemplate()).getResponses();
            assertThat(responses).as("%s", op).containsKeys(ERROR_STATUSES.toArray(String[]::new));
            for (String status : ERROR_STATUSES) {
                ApiResponse response = walker.response(responses.get(status));
                assertThat(response).as("%s %s resolves", op, status).isNotNull();
                Schema<?> json = SchemaWalker.schemaOf(response.getContent(), "application/json");
                assertThat(json).as("%s %s JSON body", op, status).isNotNull();
                assertThat(SchemaWalker.refName(json)).as("%s %s", op, status).isEqualTo("ResultError");
            }
        }
    }

    @Test
    void resultErrorHasTheAgreedShape() {
        Schema<?> error = api.getComponents().getSchemas().get("ResultError");
        assertThat(error.getRequired()).containsExactlyInAnyOrder("resultCode", "resultMessage");
        Schema<?> code = (Schema<?>) error.getProperties().get("resultCode");
        assertThat(walker.types(code)).containsExactly("string");
        assertThat(code.getPattern()).isEqualTo("^A\\d{6}$");
        assertThat("A001202").matches(code.getPattern());
        assertThat(walker.types((Schema<?>) error.getProperties().get("resultMessage"))).containsExactly("string");
    }

    @Test
    void requestBodiesOfferFormEncodingBesideJsonExceptWhereAuthleteTakesJsonOnly() {
        for (SpecOperation op : spec.operations()) {
            Operation operation = walker.operation(op.method(), op.pathTemplate());
            RequestBody body = walker.requestBody(operation.getRequestBody());
            if (body == null) {
                assertThat(op.requestContentTypes()).isEmpty();
                continue;
            }
            if (JSON_ONLY.contains(op.operationId())) {
                assertThat(op.requestContentTypes()).as("%s", op).containsExactly("application/json");
            } else {
                assertThat(op.requestContentTypes()).as("%s", op)
                        .containsExactly("application/json", "application/x-www-form-urlencoded");
                assertThat(SchemaWalker.refName(SchemaWalker.schemaOf(body.getContent(), "application/x-www-form-urlencoded")))
                        .isEqualTo(SchemaWalker.refName(SchemaWalker.schemaOf(body.getContent(), "application/json")));
            }
        }
    }

    @Test
    void requestSchemasNeverForbidUnknownMembers() {
        List<String> closed = new ArrayList<>();
        for (SpecOperation op : spec.operations()) {
            RequestBody body = walker.requestBody(walker.operation(op.method(), op.pathTemplate()).getRequestBody());
            if (body == null) {
                continue;
            }
            body.getContent().forEach((mediaType, media) -> walker.walk(media.getSchema(), op.operationId(), (at, schema) -> {
                for (Schema<?> part : walker.parts(schema)) {
                    if (Boolean.FALSE.equals(part.getAdditionalProperties())) {
                        closed.add(at);
                    }
                }
                return true;
            }));
        }
        assertThat(closed).isEmpty();
    }

    @Test
    void everySchemaReferenceResolvesAndEveryPositionIsTyped() {
        List<String> problems = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (Map.Entry<String, Schema> component : api.getComponents().getSchemas().entrySet()) {
            walker.walk(component.getValue(), component.getKey(), (at, schema) -> {
                if (schema.get$ref() != null && walker.resolve(schema) == null) {
                    problems.add(at + " -> " + schema.get$ref());
                    return false;
                }
                if (walker.types(schema).isEmpty() && !at.endsWith("oth[]")) {
                    problems.add(at + ": no type");
                }
                visited.add(at);
                return true;
            });
        }
        assertThat(problems).isEmpty();
        assertThat(visited).hasSizeGreaterThan(500);
    }

    @Test
    void pathParametersAreStringsDeclaredForEveryTemplateVariable() {
        for (SpecOperation op : spec.operations()) {
            Operation operation = walker.operation(op.method(), op.pathTemplate());
            Map<String, Parameter> parameters = walker.parameters(op.pathTemplate(), operation);
            for (String name : op.template().parameterNames()) {
                Parameter parameter = parameters.get("path:" + name);
                assertThat(parameter).as("%s declares {%s}", op, name).isNotNull();
                assertThat(parameter.getRequired()).isTrue();
                assertThat(walker.types(parameter.getSchema())).containsExactly("string");
            }
            assertThat(parameters.keySet().stream().filter(k -> k.startsWith("path:")).count())
                    .as("%s path parameters", op).isEqualTo(op.template().parameterNames().size());
        }
    }

    @Test
    void int64AndNullableFollowAuthleteConventions() {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Schema<?> clientId = (Schema<?>) schemas.get("Client").getProperties().get("clientId");
        assertThat(walker.types(clientId)).containsExactly("integer");
        assertThat(clientId.getFormat()).isEqualTo("int64");
        Schema<?> apiKey = (Schema<?>) schemas.get("Service").getProperties().get("apiKey");
        assertThat(apiKey.getFormat()).isEqualTo("int64");
        Schema<?> jwsAlg = schemas.get("JwsAlg");
        assertThat(walker.types(jwsAlg)).containsExactlyInAnyOrder("string", "null");
        List<Object> values = new ArrayList<>(jwsAlg.getEnum());
        assertThat(values).contains("RS256").containsNull();
    }

    @Test
    void everyActionIsAnEnumBesideTheResultMembers() {
        int withAction = 0;
        for (SpecOperation op : spec.operations()) {
            ApiResponse ok = walker.response(operation(op.operationId()).getResponses().get("200"));
            Schema<?> body = ok == null ? null : SchemaWalker.schemaOf(ok.getContent(), "application/json");
            if (body == null) {
                continue;
            }
            Map<String, Schema<?>> properties = walker.properties(body);
            if (properties.containsKey("action")) {
                withAction++;
                assertThat(properties).as("%s", op).containsKeys("resultCode", "resultMessage");
                assertThat(walker.types(properties.get("action"))).as("%s action", op).containsExactly("string");
                assertThat(walker.enumValues(properties.get("action"))).as("%s action", op).isNotEmpty();
            }
        }
        assertThat(withAction).isEqualTo(47);
    }

    @Test
    void runtimeResponsesCarryResultAndAction() {
        for (String id : List.of("auth_authorization_api", "auth_token_api", "auth_introspection_api",
                "auth_revocation_api", "auth_userinfo_issue_api")) {
            Operation operation = operation(id);
            Schema<?> body = SchemaWalker.schemaOf(walker.response(operation.getResponses().get("200")).getContent(),
                    "application/json");
            Map<String, Schema<?>> properties = walker.properties(body);
            assertThat(properties).as(id).containsKeys("resultCode", "resultMessage", "action", "responseContent");
            assertThat(walker.enumValues(properties.get("action"))).as(id).isNotEmpty();
            assertThat(walker.types(properties.get("responseContent"))).containsExactly("string");
        }
        Schema<?> token = api.getComponents().getSchemas().get("TokenResponse");
        assertThat(walker.enumValues(walker.properties(token).get("action"))).containsExactly(
                "INTERNAL_SERVER_ERROR", "INVALID_CLIENT", "BAD_REQUEST", "PASSWORD", "OK", "TOKEN_EXCHANGE",
                "JWT_BEARER", "NATIVE_SSO", "ID_TOKEN_REISSUABLE");
    }

    private Operation operation(String operationId) {
        SpecOperation op = spec.operation(operationId).orElseThrow();
        return walker.operation(op.method(), op.pathTemplate());
    }
}
