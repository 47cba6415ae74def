package io.github.authletetestkit.mock.internal.hsk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HardwareKeyMakerTest {

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"EC,sig,ES256,P-256", "EC,sig,ES384,P-384", "EC,sig,ES512,P-521", "EC,enc,ECDH-ES,P-256",
            "RSA,sig,PS256,", "RSA,enc,RSA-OAEP-256,"})
    void makesTheKeyAskedFor(String kty, String use, String alg, String curve) throws Exception {
        HardwareKey key = HardwareKeyMaker.make(new HardwareKeyMaker.Request(kty, use, alg, "k1", "google"));

        assertThat(key.key().getKeyType().getValue()).isEqualTo(kty);
        assertThat(key.key().getKeyUse()).isEqualTo(use.equals("sig") ? KeyUse.SIGNATURE : KeyUse.ENCRYPTION);
        assertThat(key.key().getAlgorithm().getName()).isEqualTo(alg);
        assertThat(key.key().isPrivate()).as("the HSM keeps the private half").isTrue();
        if (curve != null) {
            assertThat(((ECKey) key.key()).getCurve().getName()).isEqualTo(curve);
        } else {
            assertThat(((RSAKey) key.key()).size()).isEqualTo(2048);
        }
        byte[] der = Base64.getMimeDecoder().decode(key.publicKeyPem().replaceAll("-----[A-Z ]+-----", ""));
        assertThat(KeyFactory.getInstance(kty).generatePublic(new X509EncodedKeySpec(der)))
                .as("the PEM is the key's public half")
                .isEqualTo(kty.equals("EC") ? ((ECKey) key.key()).toPublicKey() : ((RSAKey) key.key()).toPublicKey());
        assertThat(key.handle()).hasSize(43);
        assertThat(key.toJson().has("d")).isFalse();
    }

    @Test
    void theHandleAndAMissingKidAreRandomAndTheHsmDefaults() {
        HardwareKey one = HardwareKeyMaker.make(new HardwareKeyMaker.Request("EC", "sig", "ES256", null, null));
        HardwareKey two = HardwareKeyMaker.make(new HardwareKeyMaker.Request("EC", "sig", "ES256", null, null));

        assertThat(one.handle()).isNotEqualTo(two.handle());
        assertThat(one.kid()).isNotBlank().isNotEqualTo(two.kid());
        assertThat(one.hsmName()).isEqualTo("google");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no kty              |      | sig | ES256         | The request does not contain 'kty'.
            no use              | EC   |     | ES256         | The request does not contain 'use'.
            no alg              | EC   | sig |               | The request does not contain 'alg'.
            oct key             | oct  | sig | HS256         | The key type 'oct' is not supported: use EC or RSA.
            unknown use         | EC   | wrap| ES256         | The key use 'wrap' is not supported: use sig or enc.
            EC key with RSA alg | EC   | sig | RS256         | The algorithm 'RS256' does not fit a EC key for sig: expected one of [ES256, ES384, ES512].
            sig alg for enc     | RSA  | enc | RS256         | The algorithm 'RS256' does not fit a RSA key for enc: expected one of [RSA-OAEP, RSA-OAEP-256].
            """)
    void refusesWhatAnHsmCannotMake(String what, String kty, String use, String alg, String message) {
        assertThatThrownBy(() -> HardwareKeyMaker.make(new HardwareKeyMaker.Request(kty, use, alg, null, null)))
                .as(what).isInstanceOf(HardwareKeyMaker.RefusedException.class).hasMessage(message);
    }
}
