package io.github.authletetestkit.spec;

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

    /** The operations this description promises; a later issue adds the rest of Authlete's. */
    static final Set<String> DESCRIBED_OPERATION_IDS = Set.of(
            "service_get_api", "service_get_list_api", "service_update_api", "service_create_api",
            "service_delete_api",
            "client_create_api", "client_get_api", "client_get_list_api", "client_update_api", "client_delete_api",
            "client_flag_update_api", "client_secret_refresh_api", "client_secret_update_api",
            "auth_authorization_api", "auth_authorization_issue_api", "auth_authorization_fail_api",
            "auth_token_api", "auth_token_issue_api", "auth_token_fail_api",
            "auth_introspection_api", "auth_introspection_standard_api", "auth_revocation_api",
            "auth_userinfo_api", "auth_userinfo_issue_api",
            "service_jwks_get_api", "service_configuration_api",
            "lifecycle_healthcheck_api", "info_api");

    static final Set<String> UNAUTHENTICATED = Set.of("lifecycle_healthcheck_api", "info_api");

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
            // 204 is never the only success except for deletes
            if (!op.method().equals("DELETE")) {
                assertThat(successes).as("%s has a success with a body", op).anyMatch(s -> !s.equals("204"));
            }
        }
    }

    @Test
    void creationAnswers201And200AndDeletionAnswers204() {
        for (String id : List.of("service_create_api", "client_create_api")) {
            assertThat(operation(id).getResponses()).as(id).containsKeys("201", "200");
        }
        for (String id : List.of("service_delete_api", "client_delete_api")) {
            assertThat(operation(id).getResponses().keySet().stream().filter(s -> s.startsWith("2")))
                    .as(id).containsExactly("204");
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
    void requestBodiesOfferFormEncodingBesideJsonExceptClientCreate() {
        for (SpecOperation op : spec.operations()) {
            Operation operation = walker.operation(op.method(), op.pathTemplate());
            RequestBody body = walker.requestBody(operation.getRequestBody());
            if (body == null) {
                assertThat(op.requestContentTypes()).isEmpty();
                continue;
            }
            if (op.operationId().equals("client_create_api")) {
                assertThat(op.requestContentTypes()).containsExactly("application/json");
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
