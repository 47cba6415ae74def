package io.github.authletetestkit.contract.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.flows.internal.ApiRequest;
import io.github.authletetestkit.flows.internal.ApiResponse;
import io.github.authletetestkit.flows.internal.Exchange;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SpecCheckerTest {

    private static final SpecChecker BUNDLED = new SpecChecker(AuthleteSpec.bundled(), AllowList.none());

    private static Exchange exchange(String method, String path, String requestBody, int status, String responseBody) {
        ApiRequest request = new ApiRequest("op", method, path, requestBody == null ? null : "application/json", requestBody, ApiRequest.Auth.SERVICE);
        ApiResponse response = new ApiResponse(status, Map.of("content-type", List.of("application/json")), responseBody);
        return new Exchange(request, response, Duration.ZERO, 0, Duration.ZERO);
    }

    @Test
    void aWrongTypeNamesTheOperationAndThePointer() {
        List<CheckedFinding> findings = BUNDLED.check(exchange("GET", "/api/1/service/get", null, 200, "{\"apiKey\":\"x\"}"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.finding().operationId()).isEqualTo("service_get_api");
            assertThat(f.finding().direction()).isEqualTo(Finding.Direction.RESPONSE);
            assertThat(f.finding().pointer()).isEqualTo("/apiKey");
            assertThat(f.finding().key()).isEqualTo("validation.response.body.schema.type");
            assertThat(f.allowed()).isFalse();
        });
    }

    @Test
    void anUndeclaredResponseMemberIsPointedAtButRequestsMayCarryExtras() {
        List<CheckedFinding> response = BUNDLED.check(exchange("GET", "/api/1/service/get", null, 200,
                "{\"apiKey\":1,\"supportedScopes\":[{\"name\":\"a\",\"bogus\":1}]}"));
        List<CheckedFinding> request = BUNDLED.check(exchange("POST", "/api/1/auth/introspection",
                "{\"token\":\"t\",\"somethingNew\":1}", 200, "{\"action\":\"OK\"}"));

        assertThat(response).extracting(f -> f.finding().pointer()).containsExactly("/supportedScopes/0/bogus");
        assertThat(request).isEmpty();
    }

    @Test
    void aRequestViolationIsARequestFinding() {
        List<CheckedFinding> findings = BUNDLED.check(exchange("POST", "/api/1/auth/token", "{\"parameters\":123}", 200, "{\"action\":\"OK\"}"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.finding().direction()).isEqualTo(Finding.Direction.REQUEST);
            assertThat(f.finding().operationId()).isEqualTo("auth_token_api");
            assertThat(f.finding().pointer()).isEqualTo("/parameters");
        });
    }

    @Test
    void anAllowListEntryCoversOnlyItsSpecOperationKeyAndMessage() {
        String title = String.valueOf(AuthleteSpec.bundled().openApi().getInfo().getTitle());
        AllowList list = new AllowList(List.of(new AllowList.Entry(title, "service_get_api", Finding.Direction.RESPONSE,
                Pattern.compile("/apiKey"), "validation.response.body.schema.type", Pattern.compile("integer"), "a test")));
        SpecChecker checker = new SpecChecker(AuthleteSpec.bundled(), list);

        assertThat(checker.check(exchange("GET", "/api/1/service/get", null, 200, "{\"apiKey\":\"x\"}")))
                .singleElement().satisfies(f -> assertThat(f.allowedBecause()).isEqualTo("a test"));
        assertThat(checker.check(exchange("GET", "/api/1/service/get", null, 200, "{\"accessTokenDuration\":\"x\"}")))
                .singleElement().satisfies(f -> assertThat(f.allowed()).isFalse());
    }

    @Test
    void theShippedEntryOnlyCoversA404OfClientGetInAuthletesSpec() {
        AllowList defaults = AllowList.defaults();
        Finding notFound = new Finding("client_get_api", Finding.Direction.RESPONSE, "", "validation.response.status.unknown",
                "Response status 404 not defined for path '/api/{serviceId}/client/get/{clientId}'.");
        Finding teapot = new Finding("client_get_api", Finding.Direction.RESPONSE, "", "validation.response.status.unknown",
                "Response status 418 not defined for path '/api/{serviceId}/client/get/{clientId}'.");

        assertThat(defaults.match("Authlete API", notFound)).isPresent();
        assertThat(defaults.match("Authlete API", teapot)).isEmpty();
        assertThat(defaults.match("Authlete API v3 (Authlete Testkit description)", notFound)).isEmpty();
        assertThat(defaults.match("Authlete API", new Finding("client_update_api", notFound.direction(), "", notFound.key(),
                notFound.message()))).isEmpty();
    }
}
