package io.github.authletetestkit.mock.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.testing.ClientAssertionMaker;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAssertionsTest {

    private static final String AUD = "https://as.example.com/token";
    private static final Set<String> AUDIENCES = Set.of("https://as.example.com", AUD);
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final ECKey KEY = key("k1");
    private static final ECKey OTHER = key("k1");

    private static ECKey key(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ClientConfig client(String... members) {
        var json = Json.object().put("clientId", 42).put("clientSecret", "s3cret-s3cret-s3cret-s3cret-s3cret")
                .put("jwks", new JWKSet(KEY.toPublicJWK()).toString());
        for (int i = 0; i + 1 < members.length; i += 2) {
            json.put(members[i], members[i + 1]);
        }
        return new ClientConfig(json);
    }

    private static ClientAssertions.Checked verify(String assertion, ClientConfig client) {
        return ClientAssertions.verify(assertion, client, AUDIENCES, NOW, 0);
    }

    private static String signed(java.util.function.UnaryOperator<com.nimbusds.jwt.JWTClaimsSet.Builder> change) {
        return ClientAssertionMaker.sign(KEY, JWSAlgorithm.ES256, "42", AUD, NOW, change);
    }

    @Test
    void aPrivateKeyJwtWithTheClientsKeyPasses() {
        ClientAssertions.Checked checked = verify(signed(c -> c.jwtID("j-1")), client());
        assertThat(checked.method()).isEqualTo("PRIVATE_KEY_JWT");
        assertThat(checked.jti()).isEqualTo("j-1");
        assertThat(checked.expiresAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(ClientAssertions.claimedClient(signed(c -> c))).isEqualTo("42");
    }

    @Test
    void aClientSecretJwtIsCheckedWithTheSecret() {
        String assertion = ClientAssertionMaker.withSecret("s3cret-s3cret-s3cret-s3cret-s3cret", "42", "https://as.example.com", NOW);
        assertThat(verify(assertion, client()).method()).isEqualTo("CLIENT_SECRET_JWT");
        String wrong = ClientAssertionMaker.withSecret("another-secret-another-secret-xx", "42", AUD, NOW);
        assertThatThrownBy(() -> verify(wrong, client())).hasMessageContaining("signature");
    }

    @Test
    void everyBrokenRuleIsRefusedWithItsReason() {
        assertThatThrownBy(() -> verify(ClientAssertionMaker.sign(OTHER, JWSAlgorithm.ES256, "42", AUD, NOW, c -> c), client()))
                .isInstanceOf(InvalidClientCredentialsException.class).hasMessageContaining("signature");
        assertThatThrownBy(() -> verify(signed(c -> c.issuer("43")), client())).hasMessageContaining("'iss'");
        assertThatThrownBy(() -> verify(signed(c -> c.subject("43")), client())).hasMessageContaining("'sub'");
        assertThatThrownBy(() -> verify(signed(c -> c.audience("https://elsewhere.example.com")), client())).hasMessageContaining("'aud'");
        assertThatThrownBy(() -> verify(signed(c -> c.expirationTime(null)), client())).hasMessageContaining("no 'exp'");
        assertThatThrownBy(() -> verify(signed(c -> c.expirationTime(Date.from(NOW))), client())).hasMessageContaining("expired");
        assertThatThrownBy(() -> verify(signed(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(30)))), client()))
                .hasMessageContaining("not valid before");
        assertThatThrownBy(() -> verify(signed(c -> c.jwtID(null)), client())).hasMessageContaining("no 'jti'");
        assertThatThrownBy(() -> verify(signed(c -> c), client("tokenAuthSignAlg", "PS256"))).hasMessageContaining("tokenAuthSignAlg");
        assertThatThrownBy(() -> verify("not-a-jwt", client())).hasMessageContaining("not a signed JWT");
        assertThatThrownBy(() -> verify(signed(c -> c), new ClientConfig(Json.object().put("clientId", 42))))
                .hasMessageContaining("neither 'jwks' nor 'jwksUri'");
        assertThatThrownBy(() -> verify(ClientAssertionMaker.withSecret("s3cret-s3cret-s3cret-s3cret-s3cret", "42", AUD, NOW),
                new ClientConfig(Json.object().put("clientId", 42)))).hasMessageContaining("no secret");
    }

    @Test
    void theSkewForgivesAJustExpiredAssertion() {
        String assertion = signed(c -> c.expirationTime(Date.from(NOW.minusSeconds(5))));
        assertThat(ClientAssertions.verify(assertion, client(), List.of(AUD), NOW, 10).method()).isEqualTo("PRIVATE_KEY_JWT");
    }
}
