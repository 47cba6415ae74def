package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.internal.synth.ResponseSynthesizer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A spec with operations the mock has no handler for: they answer from the spec, valid and marked as synthesised. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SynthesisedAnswersTest {

    private AuthleteMockServer mock;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("newer.yaml");
        Files.writeString(spec, NEWER_SPEC);
        mock = AuthleteMockServer.builder().spec(spec.toString()).strict(true).build().start();
    }

    @AfterAll
    void stop() {
        mock.stop();
    }

    @Test
    void exampleIsAnsweredWhenTheSpecGivesOne() throws Exception {
        HttpResponse<String> response = get("/api/" + mock.serviceId() + "/future/with-example");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(ResponseSynthesizer.HEADER)).contains("true");
        assertThat(response.body()).isEqualTo("{\"resultCode\":\"A900001\",\"resultMessage\":\"[A900001] example\",\"answer\":42}");
        assertThat(mock.specViolations()).isEmpty();
    }

    @Test
    void schemaIsSampledWhenThereIsNoExample() throws Exception {
        HttpResponse<String> response = get("/api/" + mock.serviceId() + "/future/from-schema");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"action\":\"OK\"", "\"count\":1", "\"tags\":[\"x\"]", "\"resultCode\":\"A000001\"")
                .doesNotContain("optional");
        assertThat(mock.specViolations()).isEmpty();
    }

    @Test
    void noContentOperationsAnswer204AndTheStatefulOnesStayStateful() throws Exception {
        assertThat(get("/api/" + mock.serviceId() + "/future/nothing").statusCode()).isEqualTo(204);

        HttpResponse<String> service = get("/api/" + mock.serviceId() + "/service/get");
        assertThat(service.headers().firstValue(ResponseSynthesizer.HEADER)).isEmpty();
        assertThat(service.body()).contains("\"apiKey\":" + mock.serviceId());
    }

    @Test
    void synthesisedOperationsStillNeedAValidToken() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(mock.baseUrl() + "/api/" + mock.serviceId() + "/future/from-schema")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                .header("Authorization", "Bearer " + mock.serviceToken()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String NEWER_SPEC = """
            openapi: 3.1.0
            info: {title: newer, version: '9'}
            components:
              securitySchemes:
                bearer: {type: http, scheme: bearer}
              schemas:
                Result:
                  type: object
                  properties:
                    resultCode: {type: string}
                    resultMessage: {type: string}
            security: [{bearer: []}]
            paths:
              /api/{serviceId}/service/get:
                get:
                  operationId: service_get_api
                  parameters: [{name: serviceId, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {type: object, additionalProperties: true}}}}
              /api/{serviceId}/future/with-example:
                get:
                  operationId: future_example_api
                  parameters: [{name: serviceId, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            allOf:
                              - $ref: '#/components/schemas/Result'
                              - type: object
                                properties: {answer: {type: integer}}
                          example: {resultCode: A900001, resultMessage: '[A900001] example', answer: 42}
              /api/{serviceId}/future/from-schema:
                get:
                  operationId: future_schema_api
                  parameters: [{name: serviceId, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            allOf:
                              - $ref: '#/components/schemas/Result'
                              - type: object
                                required: [count, tags]
                                properties:
                                  action: {type: string, enum: [INTERNAL_SERVER_ERROR, OK]}
                                  count: {type: integer, minimum: 1}
                                  tags: {type: array, minItems: 1, items: {type: string}}
                                  optional: {type: string}
              /api/{serviceId}/future/nothing:
                get:
                  operationId: future_nothing_api
                  parameters: [{name: serviceId, in: path, required: true, schema: {type: string}}]
                  responses:
                    '204': {description: done}
            """;
}
