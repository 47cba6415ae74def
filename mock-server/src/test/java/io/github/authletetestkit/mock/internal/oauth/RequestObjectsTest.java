package io.github.authletetestkit.mock.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.testing.ClientAssertionMaker;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestObjectsTest {

    private static final Instant NOW = Instant.ofEpochSecond(2_000_000_000L);
    private static final RequestObjects.Rules RULES = new RequestObjects.Rules("https://as.example.com", false, false, 0);
    private static final ClientConfig CLIENT = new ClientConfig(Json.object().put("clientId", 42));

    private static Map<String, String> open(String payloadJson, ClientConfig client) {
        return RequestObjects.open(new PlainObject(new Payload(payloadJson)).serialize(), client, new JWKSet(), RULES, NOW);
    }

    @Test
    void claimsBecomeParametersAndJsonValuesStayJson() {
        Map<String, String> params = open("{\"scope\":\"openid\",\"max_age\":300,\"claims\":{\"id_token\":{}},\"exp\":"
                + (NOW.getEpochSecond() + 60) + ",\"aud\":\"x\"}", CLIENT);
        assertThat(params).containsEntry("scope", "openid").containsEntry("max_age", "300")
                .containsEntry("claims", "{\"id_token\":{}}").doesNotContainKeys("exp", "aud");
    }

    @Test
    void malformedClaimsAndUnreachableKeysAreRefused() throws Exception {
        assertThatThrownBy(() -> open("[1,2]", CLIENT)).isInstanceOf(InvalidRequestObjectException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> open("{\"exp\":\"tomorrow\"}", CLIENT)).hasMessageContaining("'exp'");
        assertThatThrownBy(() -> open("{\"iss\":\"43\"}", CLIENT)).hasMessageContaining("'iss'");
        ClientConfig unreachable = new ClientConfig(Json.object().put("clientId", 42).put("jwksUri", "http://127.0.0.1:1/jwks"));
        String signed = ClientAssertionMaker.sign(new ECKeyGenerator(Curve.P_256).generate(), JWSAlgorithm.ES256, "42",
                "https://as.example.com", NOW, c -> c);
        assertThatThrownBy(() -> RequestObjects.open(signed, unreachable, new JWKSet(), RULES, NOW)).hasMessageContaining("cannot be read");
    }
}
