package io.github.authletetestkit.mock.internal.oauth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.testing.ClientAssertionMaker;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientCertificatesTest {

    private static final X509Certificate A = ClientCertificates.parse(ClientAssertionMaker.certificate("client-a"));
    private static final X509Certificate B = ClientCertificates.parse(ClientAssertionMaker.certificate("client-b"));

    private static ClientConfig registered(String member, String value) {
        return new ClientConfig(Json.object().put("clientId", 1).put("tlsClientAuth" + member, value));
    }

    @Test
    void theSubjectDnMatchesWhateverItsSpelling() {
        assertThatCode(() -> ClientCertificates.checkTlsClientAuth(A, registered("SubjectDn", "CN=client.example.com, O=Example, C=JP")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ClientCertificates.checkTlsClientAuth(B, registered("SubjectDn", "CN=client.example.com,O=Example,C=JP")))
                .isInstanceOf(InvalidClientCredentialsException.class).hasMessageContaining("subject DN");
        assertThatThrownBy(() -> ClientCertificates.checkTlsClientAuth(A, registered("SubjectDn", "not a DN ===")))
                .hasMessageContaining("subject DN");
    }

    @Test
    void eachKindOfSubjectAlternativeNameMatches() {
        for (String[] san : new String[][] {{"SanDns", "client.example.com"}, {"SanUri", "https://client.example.com/app"},
                {"SanIp", "10.0.0.1"}, {"SanEmail", "client@example.com"}}) {
            assertThatCode(() -> ClientCertificates.checkTlsClientAuth(A, registered(san[0], san[1]))).doesNotThrowAnyException();
            assertThatThrownBy(() -> ClientCertificates.checkTlsClientAuth(B, registered(san[0], san[1])))
                    .hasMessageContaining("subject alternative name");
        }
        assertThatThrownBy(() -> ClientCertificates.checkTlsClientAuth(A, new ClientConfig(Json.object().put("clientId", 1))))
                .hasMessageContaining("registered neither");
    }

    @Test
    void aSelfSignedCertificateNeedsItsKeyInTheClientsSet() {
        List<JWK> keys = List.of(ClientCertificates.publicJwk(A));
        assertThatCode(() -> ClientCertificates.checkSelfSigned(A, keys)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ClientCertificates.checkSelfSigned(B, keys)).hasMessageContaining("not in the client's JWK Set");
    }

    @Test
    void garbageIsNoCertificate() {
        assertThatThrownBy(() -> ClientCertificates.parse("MIIB-garbage")).isInstanceOf(InvalidClientCredentialsException.class)
                .hasMessageContaining("cannot be parsed");
        String bare = ClientAssertionMaker.certificate("client-a").replaceAll("-----[A-Z ]+-----", "");
        assertThatCode(() -> ClientCertificates.parse(bare)).doesNotThrowAnyException();
    }
}
