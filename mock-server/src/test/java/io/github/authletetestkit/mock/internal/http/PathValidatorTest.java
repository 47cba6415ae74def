package io.github.authletetestkit.mock.internal.http;

import static io.github.authletetestkit.mock.internal.http.ValidationReports.keys;
import static io.github.authletetestkit.mock.internal.http.ValidationReports.messages;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A path's validator is handed the operation of its template and reports what Atlassian's whole validator reports. */
class PathValidatorTest {

    /** Two templates that both fit {@code /v1/things/mine}; a server whose URL has a path with a variable. */
    private static final String DOCUMENT = """
            openapi: 3.0.3
            info: {title: things, version: "1"}
            servers:
              - url: https://{host}/v1
                variables: {host: {default: example.com}}
            paths:
              /things/{id}:
                get:
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: integer}}
                  responses:
                    "200":
                      description: one thing
                      content:
                        application/json:
                          schema: {type: object, required: [name], properties: {name: {type: string}}}
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, required: [name], properties: {name: {type: string}}}
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: integer}}
                  responses:
                    "204": {description: changed}
              /things/mine:
                get:
                  responses:
                    "200": {description: mine}
            """;

    private final OpenAPI document = new OpenAPIV3Parser().readContents(DOCUMENT).getOpenAPI();
    private final LevelResolver levels = LevelResolver.create().build();
    private final OpenApiInteractionValidator whole = OpenApiInteractionValidator.createFor(document).withLevelResolver(levels).build();

    @Test
    void checksTheRequestAgainstTheTemplateItIsHandedNotTheOneTheValidatorWouldChoose() {
        PathValidator byId = new PathValidator(document, "/things/{id}", levels);
        Request mine = SimpleRequest.Builder.get("/v1/things/mine").build();

        assertThat(keys(whole.validateRequest(mine))).isEmpty(); // the whole validator picks /things/mine
        assertThat(keys(byId.validateRequest(mine))).containsExactly("validation.request.parameter.schema.type");
        assertThat(keys(byId.validateRequest(SimpleRequest.Builder.get("/v1/things/12").build()))).isEmpty();
    }

    @Test
    void reportsWhatTheWholeValidatorReports() {
        PathValidator byId = new PathValidator(document, "/things/{id}", levels);
        List<Request> requests = List.of(
                SimpleRequest.Builder.get("/v1/things/12").build(),
                SimpleRequest.Builder.get("/v1/things/twelve").build(),
                SimpleRequest.Builder.post("/v1/things/12").withContentType("application/json").withBody("{\"name\":\"a\"}").build(),
                SimpleRequest.Builder.post("/v1/things/12").withContentType("application/json").withBody("{\"name\":5}").build(),
                SimpleRequest.Builder.post("/v1/things/12").withContentType("application/json").withBody("not json").build(),
                SimpleRequest.Builder.post("/v1/things/12").withContentType("text/plain").withBody("x").build(),
                // not this template's: the path does not fit it, or the method is not declared
                SimpleRequest.Builder.get("/v1/things/12/parts").build(),
                SimpleRequest.Builder.get("/things/12").build(),
                SimpleRequest.Builder.delete("/v1/things/12").build());
        for (Request request : requests) {
            assertThat(messages(byId.validateRequest(request))).as(request.getMethod() + " " + request.getPath())
                    .isEqualTo(messages(whole.validateRequest(request)));
        }
        for (String body : List.of("{\"name\":\"a\"}", "{\"name\":5}", "{}", "[]")) {
            for (int status : List.of(200, 404)) {
                SimpleResponse response = SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build();
                for (String path : List.of("/v1/things/12", "/v1/things/12/parts")) {
                    assertThat(messages(byId.validateResponse(path, Request.Method.GET, response))).as(status + " " + body + " " + path)
                            .isEqualTo(messages(whole.validateResponse(path, Request.Method.GET, response)));
                }
            }
        }
        assertThat(keys(byId.validateRequest(SimpleRequest.Builder.get("/v1/things/12/parts").build()))).containsExactly("validation.request.path.missing");
        assertThat(keys(byId.validateRequest(SimpleRequest.Builder.delete("/v1/things/12").build()))).containsExactly("validation.request.operation.notAllowed");
    }

    @Test
    void eachRequestPathIsFittedToTheTemplateOnceAndAtMostABoundedNumberAreKept() {
        PathValidator byId = new PathValidator(document, "/things/{id}", levels);
        for (int i = 0; i < 3; i++) {
            assertThat(keys(byId.validateRequest(SimpleRequest.Builder.get("/v1/things/12").build()))).isEmpty();
            assertThat(keys(byId.validateRequest(SimpleRequest.Builder.get("/v1/things/twelve").build())))
                    .containsExactly("validation.request.parameter.schema.type");
            assertThat(keys(byId.validateRequest(SimpleRequest.Builder.get("/v1/things/12/parts").build())))
                    .containsExactly("validation.request.path.missing");
        }
        assertThat(byId.pathsKnown()).isEqualTo(3);

        for (int i = 0; i < PathValidator.PATHS_KEPT * 2; i++) {
            byId.validateRequest(SimpleRequest.Builder.get("/v1/things/" + i).build());
        }
        assertThat(byId.pathsKnown()).isLessThanOrEqualTo(PathValidator.PATHS_KEPT);
        assertThat(keys(byId.validateRequest(SimpleRequest.Builder.get("/v1/things/12/parts").build())))
                .containsExactly("validation.request.path.missing");
    }

    @Test
    void readsTheBasePathAsTheValidatorDoes() {
        assertThat(PathValidator.basePath(null)).isEqualTo("/");
        assertThat(PathValidator.basePath(document.getServers())).isEqualTo("/v1");
        assertThat(PathValidator.basePath(AuthleteSpec.bundled().flattened().whole().getServers())).isEmpty();
    }
}
