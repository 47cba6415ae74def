package io.github.authletetestkit.flows.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fapi2-mtls flow's JARM check: the service's published key must verify the response, and the code must be inside. */
class JarmResponseTest {

    private final FlowContext ctx = new FlowContext(new FlowEnvironment(new ScriptedCaller(), d -> { }, new CleanupRegistry(), "run1"),
            new Fapi2Flow(true), FlowListener.NONE);

    private static ECKey key(String kid) throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    }

    private static String location(ECKey signer, String extra) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signer.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer("https://as.example.com").audience("7").claim("code", "c-1").build());
        jwt.sign(new ECDSASigner(signer));
        return Fixtures.REDIRECT_URI + "?response=" + URLEncoder.encode(jwt.serialize(), StandardCharsets.UTF_8) + extra;
    }

    private static String published(ECKey... keys) {
        return new JWKSet(List.of(keys)).toPublicJWKSet().toString();
    }

    @Test
    void aResponseSignedWithThePublishedKeyGivesItsClaims() throws Exception {
        ECKey service = key("k1");
        JWTClaimsSet claims = JarmResponse.verifiedClaims(ctx, location(service, ""), published(key("k0"), service));
        assertThat(claims.getStringClaim("code")).isEqualTo("c-1");
        assertThat(claims.getAudience()).containsExactly("7");
    }

    @Test
    void anotherKeyUnderThePublishedKidIsRefused() throws Exception {
        assertThatThrownBy(() -> JarmResponse.verifiedClaims(ctx, location(key("k1"), ""), published(key("k1"))))
                .isInstanceOf(FlowFailure.class).hasMessageContaining("does not verify");
    }

    @Test
    void anUnpublishedKidIsRefused() throws Exception {
        assertThatThrownBy(() -> JarmResponse.verifiedClaims(ctx, location(key("k9"), ""), published(key("k1"))))
                .isInstanceOf(FlowFailure.class).hasMessageContaining("no public key 'k9'");
    }

    @Test
    void aPlainRedirectOrACodeInTheClearIsRefused() throws Exception {
        ECKey service = key("k1");
        assertThatThrownBy(() -> JarmResponse.verifiedClaims(ctx, Fixtures.REDIRECT_URI + "?code=c-1&state=s", published(service)))
                .isInstanceOf(FlowFailure.class).hasMessageContaining("no JARM 'response'");
        assertThatThrownBy(() -> JarmResponse.verifiedClaims(ctx, location(service, "&code=c-1"), published(service)))
                .isInstanceOf(FlowFailure.class).hasMessageContaining("in the clear");
        assertThatThrownBy(() -> JarmResponse.verifiedClaims(ctx, Fixtures.REDIRECT_URI + "?response=not-a-jwt", published(service)))
                .isInstanceOf(FlowFailure.class).hasMessageContaining("cannot be read");
    }
}
