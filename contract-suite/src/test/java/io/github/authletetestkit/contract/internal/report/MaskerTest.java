package io.github.authletetestkit.contract.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MaskerTest {

    @Test
    void registeredSecretsAreMaskedEverywhere() {
        Masker masker = new Masker(List.of("service-token-123"));
        masker.register("abc");   // too short to mask safely

        assertThat(masker.mask("Bearer service-token-123 and abc")).isEqualTo("Bearer **** and abc");
    }

    @Test
    void secretMembersNestedJsonAndFormParametersAreMasked() {
        Masker masker = new Masker(List.of());

        String masked = masker.maskBody("{\"clientSecret\":\"s3cr3t\",\"clientName\":\"app\",\"accessToken\":null,"
                + "\"responseContent\":\"{\\\"access_token\\\":\\\"ACCESS-TOKEN-VALUE\\\",\\\"token_type\\\":\\\"Bearer\\\"}\","
                + "\"parameters\":\"grant_type=authorization_code&code=CODE1&redirect_uri=x\","
                + "\"nested\":[{\"refreshToken\":\"REFRESH-VALUE\"}]}");

        assertThat(masked).doesNotContain("s3cr3t", "ACCESS-TOKEN-VALUE", "CODE1", "REFRESH-VALUE")
                .contains("\"clientName\":\"app\"", "\"accessToken\":null", "grant_type=authorization_code", "code=****", "token_type");
    }

    @Test
    void aRedirectUriKeepsItsShapeButLosesTheCode() {
        assertThat(new Masker(List.of()).maskBody("https://client.example.com/cb?code=abc123&state=s"))
                .isEqualTo("https://client.example.com/cb?code=****&state=s");
    }
}
