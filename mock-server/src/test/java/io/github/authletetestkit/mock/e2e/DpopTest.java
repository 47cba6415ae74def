package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.testing.MockHttp;
import io.github.authletetestkit.mock.testing.HttpReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DPoP (RFC 9449): proofs at the token endpoint bind tokens to a key; introspection and userinfo then demand a proof of it. */
class DpopTest extends MockServerTestBase {

    private static final String TOKEN_ENDPOINT = "https://as.example.com/token";
    private static final String RESOURCE = "https://rs.example.com/api/resource";
    private ECKey key;

    @BeforeEach
    void newKey() throws Exception {
        key = new ECKeyGenerator(Curve.P_256).generate();
    }

    private String proof(ECKey signer, String htm, String htu, String accessToken, String jti) {
        return DpopProofMaker.proof(signer, htm, htu, accessToken, jti, mock.clock().instant());
    }

    private HttpReply tokenWithProof(Flows.Client client, String dpop) {
        String code = flows.code(Flows.codeRequest(client, "scope", "openid", "nonce", "n"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parameters", MockHttp.form(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", Flows.REDIRECT_URI)));
        body.put("clientId", Long.toString(client.id()));
        body.put("clientSecret", client.secret());
        if (dpop != null) {
            body.put("dpop", dpop);
            body.put("htm", "POST");
            body.put("htu", TOKEN_ENDPOINT);
        }
        return api.post("/auth/token", body);
    }

    @Test
    void proofBindsTheTokenAndIntrospectionDemandsAProofOfTheSameKey() throws Exception {
        Flows.Client client = flows.confidentialClient();
        HttpReply token = tokenWithProof(client, proof(key, "POST", TOKEN_ENDPOINT, null, UUID.randomUUID().toString()));
        assertThat(token.action()).as(token.toString()).isEqualTo("OK");
        assertThat(token.content().get("token_type").asText()).isEqualTo("DPoP");
        String accessToken = token.text("accessToken");

        HttpReply withoutProof = flows.introspect(accessToken);
        assertThat(withoutProof.action()).isEqualTo("UNAUTHORIZED");
        assertThat(withoutProof.text("responseContent")).startsWith("DPoP ");

        String good = proof(key, "GET", RESOURCE, accessToken, UUID.randomUUID().toString());
        HttpReply ok = api.post("/auth/introspection", Map.of("token", accessToken, "dpop", good, "htm", "GET", "htu", RESOURCE));
        assertThat(ok.action()).isEqualTo("OK");

        HttpReply replayed = api.post("/auth/introspection", Map.of("token", accessToken, "dpop", good, "htm", "GET", "htu", RESOURCE));
        assertThat(replayed.action()).isEqualTo("UNAUTHORIZED");

        ECKey other = new ECKeyGenerator(Curve.P_256).generate();
        String otherKey = proof(other, "GET", RESOURCE, accessToken, UUID.randomUUID().toString());
        assertThat(api.post("/auth/introspection", Map.of("token", accessToken, "dpop", otherKey, "htm", "GET", "htu", RESOURCE)).action())
                .isEqualTo("UNAUTHORIZED");

        String noAth = proof(key, "GET", RESOURCE, null, UUID.randomUUID().toString());
        assertThat(api.post("/auth/introspection", Map.of("token", accessToken, "dpop", noAth, "htm", "GET", "htu", RESOURCE)).action())
                .isEqualTo("UNAUTHORIZED");

        String standard = api.post("/auth/introspection/standard", Map.of("parameters", "token=" + accessToken)).text("responseContent");
        assertThat(standard).contains("\"cnf\":{\"jkt\":\"" + key.computeThumbprint() + "\"}");
    }

    @Test
    void userInfoNeedsTheProofToo() throws Exception {
        Flows.Client client = flows.confidentialClient();
        String accessToken = tokenWithProof(client, proof(key, "POST", TOKEN_ENDPOINT, null, UUID.randomUUID().toString())).text("accessToken");

        assertThat(api.post("/auth/userinfo", Map.of("token", accessToken)).action()).isEqualTo("UNAUTHORIZED");
        String proof = proof(key, "GET", "https://as.example.com/userinfo", accessToken, UUID.randomUUID().toString());
        assertThat(api.post("/auth/userinfo", Map.of("token", accessToken, "dpop", proof, "htm", "GET", "htu", "https://as.example.com/userinfo"))
                .action()).isEqualTo("OK");
    }

    @Test
    void badProofsAtTheTokenEndpointAreInvalidDpopProof() throws Exception {
        Flows.Client client = flows.confidentialClient();

        HttpReply wrongMethod = tokenWithProof(client, proof(key, "GET", TOKEN_ENDPOINT, null, UUID.randomUUID().toString()));
        HttpReply wrongUri = tokenWithProof(client, proof(key, "POST", "https://elsewhere.example.com/token", null, UUID.randomUUID().toString()));
        String once = proof(key, "POST", TOKEN_ENDPOINT, null, "same-jti");
        HttpReply first = tokenWithProof(client, once);
        HttpReply replay = tokenWithProof(client, once);
        mock.clock().advance(java.time.Duration.ofMinutes(5));
        HttpReply madeAtTheMockTime = tokenWithProof(client, proof(key, "POST", TOKEN_ENDPOINT, null, UUID.randomUUID().toString()));

        for (HttpReply refused : List.of(wrongMethod, wrongUri, replay)) {
            assertThat(refused.action()).isEqualTo("BAD_REQUEST");
            assertThat(refused.content().get("error").asText()).isEqualTo("invalid_dpop_proof");
        }
        assertThat(first.action()).isEqualTo("OK");
        assertThat(madeAtTheMockTime.action()).as("a proof made at the mock's current time is fresh").isEqualTo("OK");
    }

    @Test
    void proofFromTheRealPastIsRefusedOnceTheClockMoved() throws Exception {
        Flows.Client client = flows.confidentialClient();
        String madeNow = proof(key, "POST", TOKEN_ENDPOINT, null, UUID.randomUUID().toString());

        mock.clock().advance(java.time.Duration.ofMinutes(5));

        assertThat(tokenWithProof(client, madeNow).content().get("error").asText()).isEqualTo("invalid_dpop_proof");
    }

    @Test
    void dpopRequiredClientMustSendAProof() {
        Flows.Client client = flows.createClient("CONFIDENTIAL", Map.of("dpopRequired", true));

        HttpReply reply = tokenWithProof(client, null);

        assertThat(reply.action()).isEqualTo("BAD_REQUEST");
        assertThat(reply.content().get("error").asText()).isEqualTo("invalid_dpop_proof");
    }
}
