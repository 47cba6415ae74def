package io.github.authletetestkit.mock.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.internal.model.ServiceDefaults;
import io.github.authletetestkit.mock.internal.oauth.DeferredSigningKeys;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A service's default keys are named at once and generated on first use, once; copies, reads and exports all see them. */
class DeferredKeysTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aServiceNamesItsKeysBeforeTheyAreGeneratedAndFirstUseGeneratesThemOnce() {
        DeferredSigningKeys keys = new DeferredSigningKeys();
        ServiceConfig service = new ServiceConfig(ServiceDefaults.service(7, "deferred", "https://as.example.com", keys, NOW));
        ObjectNode copy = service.toJson();

        assertThat(copy.path("idTokenSignatureKeyId").asText()).isEqualTo(keys.firstKeyId());
        assertThat(copy.path("userInfoSignatureKeyId").asText()).isEqualTo(keys.firstKeyId());
        assertThat(copy.get("jwks").isTextual()).isTrue();
        assertThat(keys.generated()).isFalse();

        String jwks = service.jwks();

        assertThat(keys.generated()).isTrue();
        assertThat(Jwks.parse(jwks).getKeys()).extracting(JWK::getKeyID).first().isEqualTo(keys.firstKeyId());
        assertThat(Jwks.parse(jwks).getKeys()).allMatch(JWK::isPrivate).hasSize(2);
        assertThat(service.jwks()).isEqualTo(jwks);
        assertThat(copy.get("jwks").asText()).isEqualTo(jwks);
        JsonNode written = Json.parse(Json.write(copy));
        assertThat(written.path("jwks").asText()).isEqualTo(jwks);
        assertThat(copy.get("jwks")).isEqualTo(written.get("jwks"));
    }

    @Test
    void aNewMockDefersItsKeysAndItsStateExportHoldsTheKeysItSignsWith() {
        try (AuthleteMockServer mock = AuthleteMockServer.builder().build()) {
            JsonNode first = mock.state();
            JsonNode service = first.path("services").get(0).path("config");
            String jwks = service.path("jwks").asText();

            assertThat(Jwks.parse(jwks).getKeys()).extracting(JWK::getKeyID).first()
                    .isEqualTo(service.path("idTokenSignatureKeyId").asText());
            assertThat(jwks).isEqualTo(Jwks.fullJson(Jwks.sharedDefaultKeys()));
            assertThat(mock.state().path("services").get(0).path("config").path("jwks").asText()).isEqualTo(jwks);
        }
    }
}
