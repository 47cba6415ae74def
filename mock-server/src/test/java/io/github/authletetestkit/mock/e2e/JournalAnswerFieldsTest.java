package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.RecordedCall;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.api.ResultCodes;
import io.github.authletetestkit.mock.model.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal records the action and result code of the answer the caller got, whoever wrote it. */
class JournalAnswerFieldsTest {

    @Test
    void aHandlersAnswerIsRecordedWithItsOwnFields() throws Exception {
        try (AuthleteMockServer mock = AuthleteMockServer.builder().build().start()) {
            HttpResponse<String> reply = introspect(mock);

            JsonNode answer = Json.parse(reply.body());
            RecordedCall call = last(mock);
            assertThat(answer.path("resultCode").asText()).isNotEmpty();
            assertThat(call.resultCode()).isEqualTo(answer.path("resultCode").asText());
            assertThat(call.action()).isEqualTo(answer.path("action").asText());
        }
    }

    @Test
    void aStrictMockRecordsThe500ThatReplacedAViolatingAnswerNotTheHandlersAnswer(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("demanding.yaml");
        Files.writeString(spec, DEMANDING_SPEC);
        try (AuthleteMockServer mock = AuthleteMockServer.builder().spec(spec.toString()).strict(true).build().start()) {
            HttpResponse<String> reply = introspect(mock);

            assertThat(reply.statusCode()).isEqualTo(500);
            RecordedCall call = last(mock);
            assertThat(call.status()).isEqualTo(500);
            assertThat(call.resultCode()).isEqualTo(ResultCodes.SPEC_VIOLATION);
            assertThat(call.action()).isNull();
        }
    }

    private static HttpResponse<String> introspect(AuthleteMockServer mock) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/api/" + mock.serviceId() + "/auth/introspection"))
                .header("Authorization", "Bearer " + mock.serviceToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"no-such-token\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static RecordedCall last(AuthleteMockServer mock) {
        List<RecordedCall> calls = MockInternals.of(mock).journal().callsOf("auth_introspection_api");
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    /** Introspection whose success answer must carry a member the mock never sends. */
    private static final String DEMANDING_SPEC = """
            openapi: 3.1.0
            info: {title: demanding, version: '1'}
            components:
              securitySchemes:
                bearer: {type: http, scheme: bearer}
            security: [{bearer: []}]
            paths:
              /api/{serviceId}/auth/introspection:
                post:
                  operationId: auth_introspection_api
                  parameters: [{name: serviceId, in: path, required: true, schema: {type: string}}]
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {token: {type: string}}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: object, required: [neverSent], properties: {neverSent: {type: string}}}
            """;
}
