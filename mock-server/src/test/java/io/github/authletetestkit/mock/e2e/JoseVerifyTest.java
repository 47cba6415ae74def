package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import io.github.authletetestkit.mock.testing.HttpReply;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /jose/verify} answers from the object it is given: garbage is invalid, a good signature valid. */
class JoseVerifyTest extends MockServerTestBase {

    private HttpReply verify(Map<String, Object> request) {
        return api.post("/jose/verify", request);
    }

    private static String es256(ECKey key, String payload) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), new Payload(payload));
        jws.sign(new ECDSASigner(key));
        return jws.serialize();
    }

    @Test
    void garbageIsInvalid() {
        HttpReply reply = verify(Map.of("jose", "not.a.jwt"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.resultCode()).isEqualTo("A160301");
        assertThat(reply.json().get("valid").asBoolean()).isFalse();
        assertThat(reply.json().get("signatureValid").asBoolean()).isFalse();
        assertThat(reply.json().get("errorDescriptions").get(0).asText()).startsWith("The JOSE object cannot be parsed");
    }

    @Test
    void anIdTokenOfTheServiceIsValidAndItsClaimsAreChecked() {
        Flows.Client client = flows.confidentialClient();
        String idToken = flows.codeFlow(client, "scope", "openid", "nonce", "n-1").text("idToken");

        HttpReply valid = verify(Map.of("jose", idToken, "mandatoryClaims", List.of("iss", "sub", "nonce")));
        HttpReply missing = verify(Map.of("jose", idToken, "mandatoryClaims", List.of("sub", "acr")));
        HttpReply tampered = verify(Map.of("jose", idToken.substring(0, idToken.length() - 4) + "AAAA"));

        assertThat(valid.resultCode()).isEqualTo("A160001");
        assertThat(valid.json().get("valid").asBoolean()).isTrue();
        assertThat(valid.json().get("signatureValid").asBoolean()).isTrue();
        assertThat(missing.json().get("valid").asBoolean()).isFalse();
        assertThat(missing.json().get("signatureValid").asBoolean()).isTrue();
        assertThat(missing.json().get("missingClaims").toString()).isEqualTo("[\"acr\"]");
        assertThat(tampered.json().get("signatureValid").asBoolean()).isFalse();
    }

    @Test
    void expiryFollowsTheMockClockAndTheSkew() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("c1").generate();
        Flows.Client client = flows.createClient("CONFIDENTIAL", Map.of("jwks", new JWKSet(key.toPublicJWK()).toString()));
        long exp = Instant.now().getEpochSecond() + 60;
        String jws = es256(key, "{\"iss\":\"" + client.id() + "\",\"exp\":" + exp + "}");
        Map<String, Object> request = Map.of("jose", jws, "signedByClient", true, "clientIdentifier", Long.toString(client.id()));

        assertThat(verify(request).json().get("valid").asBoolean()).isTrue();
        mock.clock().advance(java.time.Duration.ofMinutes(2));
        HttpReply expired = verify(request);
        HttpReply skewed = verify(Map.of("jose", jws, "signedByClient", true, "clientIdentifier", Long.toString(client.id()), "clockSkew", 600));

        assertThat(expired.json().get("valid").asBoolean()).isFalse();
        assertThat(expired.json().get("invalidClaims").toString()).isEqualTo("[\"exp\"]");
        assertThat(skewed.json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aClientSignatureIsCheckedWithTheClientsSecretOrKeys() throws Exception {
        Flows.Client client = flows.confidentialClient();
        JWSObject hmac = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload("{\"iss\":\"me\"}"));
        hmac.sign(new MACSigner(client.secret().getBytes(StandardCharsets.UTF_8)));
        Flows.Client other = flows.confidentialClient();

        HttpReply byOwner = verify(Map.of("jose", hmac.serialize(), "signedByClient", true, "clientIdentifier", Long.toString(client.id())));
        HttpReply byOther = verify(Map.of("jose", hmac.serialize(), "signedByClient", true, "clientIdentifier", Long.toString(other.id())));
        HttpReply byService = verify(Map.of("jose", hmac.serialize()));

        assertThat(byOwner.json().get("valid").asBoolean()).isTrue();
        assertThat(byOther.json().get("signatureValid").asBoolean()).isFalse();
        assertThat(byService.json().get("signatureValid").asBoolean()).as("the service holds no secret of the client").isFalse();
    }

    @Test
    void aClientsJwksUriIsFetched() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("remote").generate();
        HttpServer jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwksServer.createContext("/jwks", exchange -> {
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        jwksServer.start();
        try {
            Flows.Client client = flows.createClient("CONFIDENTIAL",
                    Map.of("jwksUri", "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks"));

            HttpReply reply = verify(Map.of("jose", es256(key, "{\"a\":1}"), "signedByClient", true,
                    "clientIdentifier", Long.toString(client.id())));

            assertThat(reply.json().get("valid").asBoolean()).as(reply.toString()).isTrue();
        } finally {
            jwksServer.stop(0);
        }
    }

    @Test
    void aClientSignatureNeedsAKnownClient() {
        HttpReply noIdentifier = verify(Map.of("jose", "a.b.c", "signedByClient", true));
        HttpReply unknown = verify(Map.of("jose", "a.b.c", "signedByClient", true, "clientIdentifier", "42"));
        HttpReply noJose = verify(Map.of("jose", ""));

        assertThat(noIdentifier.status()).isEqualTo(400);
        assertThat(noIdentifier.resultCode()).isEqualTo("A160202");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.resultCode()).isEqualTo("A160203");
        assertThat(noJose.status()).isEqualTo(400);
        assertThat(noJose.resultCode()).isEqualTo("A160201");
    }
}
