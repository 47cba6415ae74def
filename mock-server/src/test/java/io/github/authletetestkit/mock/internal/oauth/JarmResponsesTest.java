package io.github.authletetestkit.mock.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JarmResponsesTest {

    private static final String SECRET = "a-client-secret-of-at-least-32-bytes";

    @Test
    void theParametersBecomeClaimsBesideIssAudAndExp() throws Exception {
        JarmResponses.Signer signer = JarmResponses.signer(Jwks.sharedDefaultKeys(), null, "HS256", SECRET);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", "c-1");
        params.put("state", null);
        params.put("iss", "https://ignored.example.com");
        SignedJWT jwt = SignedJWT.parse(signer.sign(params, "https://as.example.com", "42", Instant.ofEpochSecond(1000), 60));
        assertThat(jwt.verify(new MACVerifier(SECRET))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getClaims()).containsEntry("code", "c-1").containsEntry("iss", "https://as.example.com")
                .doesNotContainKey("state");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(Instant.ofEpochSecond(1060));
        assertThat(JarmResponses.signer(Jwks.sharedDefaultKeys(), null, null, null).alg()).isEqualTo(JWSAlgorithm.RS256);
    }

    @Test
    void whatCannotSignSaysWhy() {
        assertThatThrownBy(() -> JarmResponses.signer(Jwks.sharedDefaultKeys(), null, "HS256", null))
                .isInstanceOf(CannotSignException.class).hasMessageContaining("no secret");
        assertThatThrownBy(() -> JarmResponses.signer(Jwks.sharedDefaultKeys(), null, "none", SECRET))
                .isInstanceOf(CannotSignException.class).hasMessageContaining("'none'");
        assertThatThrownBy(() -> JarmResponses.signer(Jwks.sharedDefaultKeys(), "missing", "ES256", SECRET))
                .isInstanceOf(CannotSignException.class).hasMessageContaining("'missing'");
    }
}
