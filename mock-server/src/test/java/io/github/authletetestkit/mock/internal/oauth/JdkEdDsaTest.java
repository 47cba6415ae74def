package io.github.authletetestkit.mock.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdkEdDsaTest {

    private static final byte[] MESSAGE = "header.payload".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"Ed25519, 32", "Ed448, 57"})
    void verifiesGoodSignaturesAndRejectsBadOnes(String curve, int keyLength) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance(curve).generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        OctetKeyPair jwk = new OctetKeyPair.Builder(Curve.parse(curve),
                Base64URL.encode(Arrays.copyOfRange(spki, spki.length - keyLength, spki.length))).build();
        Signature signer = Signature.getInstance(curve);
        signer.initSign(pair.getPrivate());
        signer.update(MESSAGE);
        byte[] signature = signer.sign();

        assertThat(JdkEdDsa.verify(jwk, MESSAGE, signature)).isTrue();
        assertThat(JdkEdDsa.verify(jwk, "other".getBytes(StandardCharsets.US_ASCII), signature)).isFalse();
    }

    @Test
    void supportsOnlyTheSignatureCurves() {
        assertThat(JdkEdDsa.supports(Curve.Ed25519)).isTrue();
        assertThat(JdkEdDsa.supports(Curve.Ed448)).isTrue();
        assertThat(JdkEdDsa.supports(Curve.X25519)).isFalse();
        assertThat(JdkEdDsa.supports(Curve.P_256)).isFalse();
    }

    @Test
    void rejectsAKeyAgreementCurve() {
        OctetKeyPair x25519 = new OctetKeyPair.Builder(Curve.X25519, Base64URL.encode(new byte[32])).build();

        assertThatIllegalArgumentException().isThrownBy(() -> JdkEdDsa.verify(x25519, MESSAGE, new byte[64]))
                .withMessageContaining("X25519");
    }

    @Test
    void malformedKeyIsASecurityException() {
        OctetKeyPair shortKey = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(new byte[31])).build();

        assertThatThrownBy(() -> JdkEdDsa.verify(shortKey, MESSAGE, new byte[64])).isInstanceOf(GeneralSecurityException.class);
    }
}
