package io.github.authletetestkit.flows.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepTest {

    private static Reply reply(int status, String body) {
        ApiRequest request = new ApiRequest("op", "POST", "/api/1/x", null, null, ApiRequest.Auth.SERVICE);
        return new Reply(new Exchange(request, new ApiResponse(status, Map.of(), body), Duration.ZERO, 0, Duration.ZERO));
    }

    @Test
    void statusActionErrorAndFieldsAreChecked() {
        Step step = Step.post("token", "auth_token_api", "/auth/token").expect(200, "BAD_REQUEST").error("invalid_grant").fields("resultCode");

        assertThat(step.expectation()).isEqualTo("HTTP 200, action BAD_REQUEST, error invalid_grant");
        assertThat(step.mismatch(reply(200, "{\"action\":\"BAD_REQUEST\",\"resultCode\":\"A\",\"responseContent\":\"{\\\"error\\\":\\\"invalid_grant\\\"}\"}")))
                .isNull();
        assertThat(step.mismatch(reply(400, "{\"resultMessage\":\"[A001201] bad\"}"))).isEqualTo("expected HTTP 200 but got 400 ([A001201] bad)");
        assertThat(step.mismatch(reply(200, "{\"action\":\"OK\"}"))).isEqualTo("expected action BAD_REQUEST but got OK");
        assertThat(step.mismatch(reply(200, "{\"action\":\"BAD_REQUEST\",\"responseContent\":\"{\\\"error\\\":\\\"invalid_request\\\"}\"}")))
                .isEqualTo("expected error invalid_grant in responseContent but got invalid_request");
        assertThat(step.mismatch(reply(200, "{\"action\":\"BAD_REQUEST\",\"responseContent\":\"{\\\"error\\\":\\\"invalid_grant\\\"}\"}")))
                .isEqualTo("the answer lacks 'resultCode'");
    }

    @Test
    void alternativeStatusesAndTheDefaults() {
        assertThat(Step.post("c", "client_create_api", "/client/create").expect(201, 200).mismatch(reply(200, "{}"))).isNull();
        assertThat(Step.delete("d", "client_delete_api", "/client/delete/1").expectation()).isEqualTo("HTTP 204");
        assertThat(Step.get("g", "service_get_api", "/service/get").expectation()).isEqualTo("HTTP 200");
    }

    @Test
    void aMissingOperationIs501Or405OrA404ThatIsNotAboutAResource() {
        Step step = Step.post("device", "device_authorization_api", "/device/authorization").expect(200, "OK");

        assertThat(FlowContext.unavailable(step, reply(501, "{\"resultCode\":\"A001102\"}"))).isTrue();
        assertThat(FlowContext.unavailable(step, reply(405, ""))).isTrue();
        assertThat(FlowContext.unavailable(step, reply(404, "<html>not found</html>"))).isTrue();
        assertThat(FlowContext.unavailable(step, reply(404, "{\"resultCode\":\"A001209\",\"resultMessage\":\"no API\"}"))).isTrue();
        assertThat(FlowContext.unavailable(step, reply(404, "{\"resultCode\":\"A001206\",\"resultMessage\":\"client\"}"))).isFalse();
        assertThat(FlowContext.unavailable(step, reply(500, "{}"))).isFalse();
        Step expects404 = Step.get("gone", "client_get_api", "/client/get/1").expect(404);
        assertThat(FlowContext.unavailable(expects404, reply(404, "{}"))).isFalse();
    }

    @Test
    void anAnswerTheMockSynthesisedFromTheSpecIsNoBehaviour() {
        assertThat(FlowContext.synthesised(reply(200, "{\"resultCode\":\"A000001\",\"resultMessage\":\"[A000001] A response "
                + "synthesised by the Authlete Testkit mock from the API specification.\",\"action\":\"OK\"}"))).isTrue();
        assertThat(FlowContext.synthesised(reply(200, "{\"resultCode\":\"A160001\",\"action\":\"OK\"}"))).isFalse();
    }

    @Test
    void theCatalogueStartsWithServiceReadAndKnowsItsIds() {
        assertThat(FlowCatalog.all().get(0).id()).isEqualTo("service-read");
        assertThat(FlowCatalog.all()).extracting(Flow::id).doesNotHaveDuplicates().contains("client-lifecycle", "authorization-code",
                "client-credentials", "password", "device-flow", "ciba-poll", "par", "token-operations", "negative-wrong-secret",
                "negative-reused-code", "negative-wrong-verifier", "negative-missing-token", "negative-unknown-client");
        assertThat(FlowCatalog.select(List.of("par"))).extracting(Flow::id).containsExactly("service-read", "par");
        assertThatThrownBy(() -> FlowCatalog.select(List.of("nope"))).hasMessageContaining("unknown flow 'nope'").hasMessageContaining("par");
        assertThat(FlowCatalog.all()).filteredOn(f -> !f.createsResources()).extracting(Flow::id)
                .containsExactly("service-read", "negative-missing-token", "negative-unknown-client");
    }

    @Test
    void pkceAndRedirectHelpers() {
        // RFC 7636 appendix B
        assertThat(Fixtures.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(Fixtures.codeVerifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Fixtures.redirectParameter("https://c.example/cb?code=a%2Bb&state=s", "code")).isEqualTo("a+b");
        assertThat(Fixtures.redirectParameter("https://c.example/cb#code=x", "code")).isEqualTo("x");
        assertThat(Fixtures.form(new java.util.LinkedHashMap<>(Map.of("a", "b c")))).isEqualTo("a=b+c");
    }
}
