package io.github.authletetestkit.mock.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JwksTest {

    /** Generated once: RSA key generation is what makes this class slow. */
    private static JWKSet generated;

    @BeforeAll
    static void generate() {
        generated = Jwks.generateSigningKeys();
    }

    @Test
    void generatesAnRs256AndAnEs256SigningKey() {
        assertThat(generated.getKeys()).hasSize(2);
        RSAKey rsa = (RSAKey) generated.getKeys().get(0);
        ECKey ec = (ECKey) generated.getKeys().get(1);

        assertThat(rsa.size()).isEqualTo(2048);
        assertThat(rsa.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(rsa.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(rsa.isPrivate()).isTrue();
        assertThat(ec.getCurve()).isEqualTo(Curve.P_256);
        assertThat(ec.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(ec.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(ec.isPrivate()).isTrue();
    }

    @Test
    void keyIdsAreRandomSixteenCharacterStrings() {
        String rsaKid = generated.getKeys().get(0).getKeyID();
        String ecKid = generated.getKeys().get(1).getKeyID();

        assertThat(rsaKid).matches("[A-Za-z0-9_-]{16}");
        assertThat(ecKid).matches("[A-Za-z0-9_-]{16}").isNotEqualTo(rsaKid);
    }

    @Test
    void eachCallGivesFreshKeys() {
        JWKSet other = Jwks.generateSigningKeys();

        assertThat(other.getKeys().get(0).getKeyID()).isNotEqualTo(generated.getKeys().get(0).getKeyID());
        assertThat(((RSAKey) other.getKeys().get(0)).getModulus()).isNotEqualTo(((RSAKey) generated.getKeys().get(0)).getModulus());
        assertThat(((ECKey) other.getKeys().get(1)).getD()).isNotEqualTo(((ECKey) generated.getKeys().get(1)).getD());
    }

    @Test
    void sharedDefaultKeysAreGeneratedOnceAndReused() {
        JWKSet first = Jwks.sharedDefaultKeys();

        assertThat(Jwks.sharedDefaultKeys()).isSameAs(first);
        assertThat(first.getKeys()).extracting(JWK::getAlgorithm).containsExactly(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
        assertThat(first.getKeys()).allMatch(JWK::isPrivate);
    }

    @Test
    void publicJsonHasNoPrivateMembers() {
        String json = Jwks.publicJson(generated);
        JWKSet parsed = Jwks.parse(json);

        assertThat(json).doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"");
        assertThat(parsed.getKeys()).hasSize(2).noneMatch(JWK::isPrivate);
        assertThat(parsed.getKeys()).extracting(JWK::getKeyID)
                .containsExactly(generated.getKeys().get(0).getKeyID(), generated.getKeys().get(1).getKeyID());
    }

    @Test
    void fullJsonRoundTripsWithPrivateMembers() {
        String json = Jwks.fullJson(generated);

        assertThat(json).contains("\"d\"");
        assertThat(Jwks.parse(json).getKeys()).isEqualTo(generated.getKeys());
    }

    @Test
    void parsesAnEmptySet() {
        assertThat(Jwks.parse("{\"keys\":[]}").getKeys()).isEmpty();
    }

    @Test
    void skipsKeysOfUnknownTypeLikeNimbusDoes() {
        // RFC 7517 5: "Implementations SHOULD ignore JWKs within a JWK Set that use "kty" values that are not understood".
        assertThat(Jwks.parse("{\"keys\":[{\"kty\":\"nope\"}]}").getKeys()).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void rejectsMissingText(String json) {
        assertThatIllegalArgumentException().isThrownBy(() -> Jwks.parse(json)).withMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{\"keys\":\"x\"}", "{\"keys\":[{\"kty\":\"EC\"}]}"})
    void rejectsInvalidSetsWithAClearMessage(String json) {
        assertThatIllegalArgumentException().isThrownBy(() -> Jwks.parse(json))
                .withMessageStartingWith("The JWK Set is not valid: ")
                .withCauseInstanceOf(ParseException.class);
    }
}
