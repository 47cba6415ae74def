package io.github.authletetestkit.mock.internal.http;

import static io.github.authletetestkit.mock.internal.http.ValidationReports.keys;
import static io.github.authletetestkit.mock.internal.http.ValidationReports.messages;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A request whose envelope was found clean gets only its body checked, and the report is still the whole
 * validator's; every input of the other checks is part of the envelope, so a request that differs in any of them is
 * checked whole.
 */
class RequestEnvelopesTest {

    /** One operation that reads every kind of input the validator checks besides the body. */
    private static final String DOCUMENT = """
            openapi: 3.0.3
            info: {title: things, version: "1"}
            components:
              securitySchemes:
                bearer: {type: http, scheme: bearer}
                key: {type: apiKey, in: header, name: X-Api-Key}
            paths:
              /things/{id}:
                post:
                  security: [{bearer: []}, {key: []}]
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: integer}}
                    - {name: X-Trace, in: header, required: true, schema: {type: string, maxLength: 4}}
                    - {name: session, in: cookie, schema: {type: string, maxLength: 4}}
                    - {name: limit, in: query, schema: {type: integer}}
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {type: object, required: [name], properties: {name: {type: string}}}
                  responses:
                    "200":
                      description: changed
                      content:
                        application/json:
                          schema: {type: object}
            """;

    private final OpenAPI document = new OpenAPIV3Parser().readContents(DOCUMENT).getOpenAPI();
    private final LevelResolver levels = LevelResolver.create().build();
    private final OpenApiInteractionValidator whole = OpenApiInteractionValidator.createFor(document).withLevelResolver(levels).build();

    /** The inputs of a request every check but the body's finds clean. */
    private static final Map<String, String> CLEAN = Map.of("path", "/things/12", "Authorization", "Bearer abc",
            "Content-Type", "application/json", "Accept", "application/json", "X-Trace", "t1", "Cookie", "session=s1", "limit", "5");

    /** A request every check but the body's finds clean. */
    private static SimpleRequest.Builder clean() {
        return with(Map.of());
    }

    /** The clean request with some inputs changed (a null value leaves the input out). */
    private static SimpleRequest.Builder with(Map<String, String> changes) {
        Map<String, String> inputs = new HashMap<>(CLEAN);
        inputs.putAll(changes);
        SimpleRequest.Builder request = SimpleRequest.Builder.post(inputs.remove("path"));
        inputs.forEach((name, value) -> {
            if (name.equals("limit")) {
                request.withQueryParam(name, value);
            } else if (!value.isEmpty()) {
                request.withHeader(name, value);
            }
        });
        return request;
    }

    @Test
    void aCleanEnvelopeIsKeptAndItsRequestsGetTheWholeValidatorsReportOnTheirBodies() {
        PathValidator validator = new PathValidator(document, "/things/{id}", levels);
        List<String> bodies = List.of("{\"name\":\"a\"}", "{\"name\":5}", "{}", "not json", "[1]", "");
        for (int round = 0; round < 2; round++) {
            for (String body : bodies) {
                Request request = clean().withBody(body).build();
                assertThat(messages(validator.validateRequest(request))).as(round + ": " + body).isEqualTo(messages(whole.validateRequest(request)));
            }
        }
        assertThat(validator.envelopes().known()).isEqualTo(1);
        assertThat(keys(validator.validateRequest(clean().withBody("{\"name\":5}").build()))).containsExactly("validation.request.body.schema.type");
    }

    @Test
    void aRequestThatDiffersFromACleanEnvelopeInAnyInputIsCheckedWhole() {
        PathValidator validator = new PathValidator(document, "/things/{id}", levels);
        validator.validateRequest(clean().withBody("{\"name\":\"a\"}").build());
        assertThat(validator.envelopes().known()).isEqualTo(1);

        List<Map<String, String>> changes = List.of(
                Map.of("path", "/things/twelve"),
                Map.of("Content-Type", "text/plain"),
                Map.of("Accept", "text/html"),
                Map.of("Authorization", "Basic abc"),
                Map.of("Authorization", ""),
                Map.of("X-Trace", "too long"),
                Map.of("Cookie", "session=too long"),
                Map.of("limit", "many"));
        for (Map<String, String> change : changes) {
            Request request = with(change).withBody("{\"name\":\"a\"}").build();
            List<String> expected = messages(whole.validateRequest(request));
            assertThat(expected).as(change + " draws a finding").isNotEmpty();
            assertThat(messages(validator.validateRequest(request))).as(change.toString()).isEqualTo(expected);
        }
        Request apiKeyOnly = with(Map.of("Authorization", "", "X-Api-Key", "k")).withBody("{\"name\":\"a\"}").build();
        assertThat(messages(validator.validateRequest(apiKeyOnly))).isEqualTo(messages(whole.validateRequest(apiKeyOnly))).isEmpty();
        assertThat(validator.envelopes().known()).as("only the clean envelopes").isEqualTo(2);
    }

    @Test
    void anEnvelopeWithAFindingIsNotKeptAndEachOfItsRequestsIsCheckedWhole() {
        PathValidator validator = new PathValidator(document, "/things/{id}", levels);
        for (int i = 0; i < 3; i++) {
            assertThat(keys(validator.validateRequest(with(Map.of("Content-Type", "text/plain")).withBody("x").build())))
                    .containsExactly("validation.request.contentType.notAllowed");
        }
        assertThat(validator.envelopes().known()).isZero();
    }

    @Test
    void readsTheHeadersTheChecksRead() {
        RequestEnvelopes envelopes = new RequestEnvelopes(document, document.getPaths().get("/things/{id}"));
        assertThat(envelopes.headersRead()).containsExactly("accept", "authorization", "content-type", "cookie", "x-api-key", "x-trace");
    }

    @Test
    void keysSeparateValuesThatConcatenateAlike() {
        RequestEnvelopes envelopes = new RequestEnvelopes(document, document.getPaths().get("/things/{id}"));
        String split = envelopes.key(with(Map.of("limit", "1")).withQueryParam("limit", "2").build());
        String joined = envelopes.key(with(Map.of("limit", "12")).build());
        assertThat(split).isNotEqualTo(joined);
        assertThat(envelopes.key(clean().build())).isEqualTo(envelopes.key(clean().withBody("{}").build()));
    }

    @Test
    void keepsAtMostABoundedNumber() {
        PathValidator validator = new PathValidator(document, "/things/{id}", levels);
        for (int i = 0; i < RequestEnvelopes.KEPT + 10; i++) {
            validator.validateRequest(with(Map.of("X-Trace", Integer.toString(i))).withBody("{\"name\":\"a\"}").build());
        }
        assertThat(validator.envelopes().known()).isBetween(1, RequestEnvelopes.KEPT);
        assertThat(keys(validator.validateRequest(with(Map.of("X-Trace", "toolong")).withBody("{\"name\":\"a\"}").build())))
                .containsExactly("validation.request.parameter.schema.maxLength");
    }
}
