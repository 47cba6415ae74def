package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.testing.MockHttp;
import io.github.authletetestkit.mock.testing.HttpReply;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.internal.MockInternals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests are checked against the spec; so are the mock's own responses, which strict mode turns into failures. */
class SpecValidationTest extends MockServerTestBase {

    @Test
    void requestThatViolatesTheSpecIs400WithTheValidatorsFindings() {
        HttpReply wrongType = api.post("/auth/token", Map.of("parameters", 123));
        HttpReply badEnum = api.post("/client/create", Map.of("clientType", "WEIRD"));

        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.text("resultMessage")).startsWith("[A001201] /auth/token, The request to auth_token_api does not conform to the API: ")
                .contains("validation.request.body.schema.type at /parameters");
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.text("resultMessage")).contains("validation.request.body.schema.enum at /clientType");
    }

    @Test
    void aFindingSaysWhatWasFoundThenWhatWasExpectedAndTheValueSent() {
        HttpReply wrongType = api.post("/auth/token", Map.of("parameters", 123));
        HttpReply badEnum = api.post("/client/create", Map.of("clientType", "WEIRD"));
        HttpReply missing = api.post("/auth/token", Map.of());
        HttpReply badQuery = api.get("/client/get/list?start=abc");

        assertThat(wrongType.text("resultMessage")).endsWith("at /parameters: found integer 123, expected string");
        assertThat(badEnum.text("resultMessage")).contains("at /clientType: found \"WEIRD\", expected one of [")
                .contains("\"CONFIDENTIAL\"");
        assertThat(missing.text("resultMessage")).endsWith("found no member 'parameters', expected the required member 'parameters'");
        assertThat(badQuery.text("resultMessage")).endsWith("at query parameter 'start': found string \"abc\", expected integer");
    }

    @Test
    void nullMembersCountAsAbsentTheWaySdksSendThem() {
        HttpReply created = api.send("POST", api.servicePath("/client/create"), "application/json",
                "{\"clientName\":\"n\",\"logoUri\":null,\"applicationType\":null,\"redirectUris\":null}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().has("logoUri")).isFalse();
    }

    @Test
    void formValuesTakeTheTypesTheSpecGivesThem() {
        HttpReply updated = api.postForm("/service/update", Map.of("pkceRequired", "true", "accessTokenDuration", "600"));
        HttpReply notABoolean = api.postForm("/service/update", Map.of("pkceRequired", "yes"));

        assertThat(updated.json().get("pkceRequired").isBoolean()).isTrue();
        assertThat(updated.json().get("accessTokenDuration").isNumber()).isTrue();
        assertThat(notABoolean.status()).isEqualTo(400);
    }

    @Test
    void malformedJsonIs400() {
        HttpReply reply = api.send("POST", api.servicePath("/auth/token"), "application/json", "{\"parameters\":");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.resultCode()).isEqualTo("A001201");
    }

    @Test
    void formEncodedRequestsAreAccepted() {
        Flows.Client client = flows.confidentialClient();

        HttpReply reply = api.postForm("/auth/authorization", Map.of("parameters", MockHttp.form(Flows.codeRequest(client))));

        assertThat(reply.action()).as(reply.toString()).isEqualTo("INTERACTION");
    }

    @Test
    void strictModeAnswers500ForAResponseThatViolatesTheSpec(@TempDir Path dir) throws Exception {
        Path spec = narrowSpec(dir);
        try (AuthleteMockServer strict = AuthleteMockServer.builder().spec(spec.toString()).strict(true).build().start();
             AuthleteMockServer lenient = AuthleteMockServer.builder().spec(spec.toString()).strict(false).build().start()) {
            HttpReply refused = new ApiClient(strict.baseUrl(), strict.serviceId(), strict.serviceToken()).get("/service/get");
            HttpReply served = new ApiClient(lenient.baseUrl(), lenient.serviceId(), lenient.serviceToken()).get("/service/get");

            assertThat(refused.status()).isEqualTo(500);
            assertThat(refused.resultCode()).isEqualTo("A001207");
            assertThat(refused.text("resultMessage")).contains("violates the API specification").contains("mustAppear");
            assertThat(strict.specViolations()).singleElement().satisfies(v -> assertThat(v.operationId()).isEqualTo("service_get_api"));
            assertThat(served.status()).isEqualTo(200);
            assertThat(lenient.specViolations()).hasSize(1);
        }
    }

    @Test
    void aLenientMockAnswersBeforeItChecksItsOwnResponseAndEveryReaderAfterTheAnswerSeesTheFinding(@TempDir Path dir) throws Exception {
        Path spec = narrowSpec(dir);
        try (AuthleteMockServer strict = AuthleteMockServer.builder().spec(spec.toString()).strict(true).build().start();
             AuthleteMockServer lenient = AuthleteMockServer.builder().spec(spec.toString()).strict(false).build().start()) {
            Map<AuthleteMockServer, String> recordedOn = new java.util.concurrent.ConcurrentHashMap<>();
            for (AuthleteMockServer mock : java.util.List.of(strict, lenient)) {
                MockInternals.of(mock).journal().onCall(call -> recordedOn.put(mock, Thread.currentThread().getName()));
                new ApiClient(mock.baseUrl(), mock.serviceId(), mock.serviceToken()).get("/service/get");
            }

            assertThat(lenient.specViolations()).singleElement().satisfies(v -> assertThat(v.operationId()).isEqualTo("service_get_api"));
            assertThat(MockInternals.of(lenient).journal().callsOf("service_get_api")).singleElement()
                    .satisfies(call -> assertThat(call.wire().violations()).anySatisfy(v -> assertThat(v).contains("mustAppear")));
            // the lenient mock's answer cannot change with the check, so the check and the entry came after it, on a thread
            // of their own; the strict mock's answer depends on it
            assertThat(recordedOn.get(lenient)).isEqualTo("authlete-mock-journal");
            assertThat(recordedOn.get(strict)).startsWith("authlete-mock-request-");
        }
    }

    @Test
    void operationsMissingFromTheLoadedSpecAre404(@TempDir Path dir) throws Exception {
        Path spec = narrowSpec(dir);
        try (AuthleteMockServer narrow = AuthleteMockServer.builder().spec(spec.toString()).build().start()) {
            ApiClient client = new ApiClient(narrow.baseUrl(), narrow.serviceId(), narrow.serviceToken());

            assertThat(client.post("/auth/token", Map.of("parameters", "grant_type=x")).status()).isEqualTo(404);
        }
    }

    /** A spec with one operation whose response demands a member the mock never writes. */
    /** {@link #NARROW_SPEC} written into {@code dir}. */
    private static Path narrowSpec(Path dir) throws java.io.IOException {
        return Files.writeString(dir.resolve("narrow.yaml"), NARROW_SPEC);
    }

    private static final String NARROW_SPEC = """
            openapi: 3.1.0
            info: {title: narrow, version: '1'}
            components:
              securitySchemes:
                bearer: {type: http, scheme: bearer}
            security: [{bearer: []}]
            paths:
              /api/{serviceId}/service/get:
                get:
                  operationId: service_get_api
                  parameters:
                    - {name: serviceId, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: the service
                      content:
                        application/json:
                          schema:
                            type: object
                            required: [mustAppear]
                            properties:
                              mustAppear: {type: string}
            """;
}
