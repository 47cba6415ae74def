package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.authletetestkit.mock.internal.oauth.TokenHashes;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.MockHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ID tokens, the JWK Set and the discovery document. */
class OpenIdConnectTest extends MockServerTestBase {

    @Test
    void codeFlowWithOpenidGivesASignedIdToken() throws Exception {
        Flows.Client client = flows.confidentialClient();
        String ticket = flows.ticket(Flows.codeRequest(client, "scope", "openid", "nonce", "abc123"));
        long authTime = mock.clock().epochSeconds() - 10;
        String code = flows.issue(ticket, Map.of("authTime", authTime, "acr", "urn:mace:incommon:iap:silver",
                "claims", "{\"email\":\"t@example.com\"}")).text("authorizationCode");

        HttpReply token = flows.exchange(client, code);

        String idToken = token.text("idToken");
        assertThat(token.content().get("id_token").asText()).isEqualTo(idToken);
        JWTClaimsSet claims = verified(idToken);
        assertThat(claims.getIssuer()).isEqualTo(mock.settings().issuer());
        assertThat(claims.getSubject()).isEqualTo(Flows.SUBJECT);
        assertThat(claims.getAudience()).containsExactly(Long.toString(client.id()));
        assertThat(claims.getStringClaim("nonce")).isEqualTo("abc123");
        assertThat(claims.getLongClaim("auth_time")).isEqualTo(authTime);
        assertThat(claims.getStringClaim("acr")).isEqualTo("urn:mace:incommon:iap:silver");
        assertThat(claims.getStringClaim("email")).isEqualTo("t@example.com");
        assertThat(claims.getStringClaim("at_hash")).isEqualTo(TokenHashes.halfHash(token.text("accessToken"), JWSAlgorithm.RS256));
        assertThat((claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000).isEqualTo(86_400);
    }

    @Test
    void noOpenidScopeMeansNoIdToken() {
        Flows.Client client = flows.confidentialClient();

        HttpReply token = flows.codeFlow(client, "scope", "profile");

        assertThat(token.json().has("idToken")).isFalse();
        assertThat(token.content().has("id_token")).isFalse();
    }

    @Test
    void subOverrideAndArrayAudience() throws Exception {
        Flows.Client client = flows.confidentialClient();
        String ticket = flows.ticket(Flows.codeRequest(client, "scope", "openid", "nonce", "n"));
        String code = flows.issue(ticket, Map.of("sub", "pairwise-123", "idTokenAudType", "array")).text("authorizationCode");

        JWTClaimsSet claims = verified(flows.exchange(client, code).text("idToken"));

        assertThat(claims.getSubject()).isEqualTo("pairwise-123");
        assertThat(claims.getClaim("aud")).isInstanceOf(List.class);
    }

    @Test
    void hybridFlowReturnsCodeAndIdTokenInTheFragmentWithCHash() throws Exception {
        Flows.Client client = flows.confidentialClient();
        String ticket = flows.ticket(Flows.codeRequest(client, "response_type", "code id_token", "scope", "openid", "nonce", "n"));

        HttpReply issued = flows.issue(ticket, Map.of());

        String location = issued.text("responseContent");
        assertThat(location).startsWith(Flows.REDIRECT_URI + "#");
        String code = Flows.redirectParam(location, "code");
        JWTClaimsSet claims = verified(Flows.redirectParam(location, "id_token"));
        assertThat(claims.getStringClaim("c_hash")).isEqualTo(TokenHashes.halfHash(code, JWSAlgorithm.RS256));
        assertThat(flows.exchange(client, code).action()).isEqualTo("OK");
    }

    @Test
    void implicitFlowReturnsAnAccessTokenInTheFragment() {
        Flows.Client client = flows.confidentialClient();
        String ticket = flows.ticket(Flows.codeRequest(client, "response_type", "token", "scope", "profile"));

        HttpReply issued = flows.issue(ticket, Map.of());

        String location = issued.text("responseContent");
        String accessToken = Flows.redirectParam(location, "access_token");
        assertThat(accessToken).isEqualTo(issued.text("accessToken"));
        assertThat(Flows.redirectParam(location, "token_type")).isEqualTo("Bearer");
        assertThat(flows.introspect(accessToken).action()).isEqualTo("OK");
    }

    @Test
    void idTokenResponseTypeNeedsNonceAndOpenid() {
        Flows.Client client = flows.confidentialClient();

        HttpReply noNonce = flows.authorize(Flows.codeRequest(client, "response_type", "id_token", "scope", "openid"));
        HttpReply noOpenid = flows.authorize(Flows.codeRequest(client, "response_type", "id_token", "nonce", "n"));

        assertThat(Flows.redirectParam(noNonce.text("responseContent"), "error")).isEqualTo("invalid_request");
        assertThat(Flows.redirectParam(noOpenid.text("responseContent"), "error")).isEqualTo("invalid_request");
    }

    @Test
    void jwksHidesPrivateKeysUnlessAsked() {
        JsonNode publicSet = api.get("/service/jwks/get").json();
        JsonNode fullSet = api.get("/service/jwks/get?includePrivateKeys=true").json();

        assertThat(publicSet.get("keys").get(0).has("d")).isFalse();
        assertThat(fullSet.get("keys").get(0).has("d")).isTrue();
        assertThat(api.get("/service/jwks/get?pretty=true").body()).contains("\n");
    }

    @Test
    void jwksIs204WhenTheServiceHasNone() {
        api.post("/service/update", Map.of("jwks", ""));

        HttpReply reply = api.get("/service/jwks/get");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void withoutKeysTheTokenEndpointReportsAnInternalServerError() {
        api.post("/service/update", Map.of("jwks", ""));
        Flows.Client client = flows.confidentialClient();
        String code = flows.code(Flows.codeRequest(client, "scope", "openid", "nonce", "n"));

        HttpReply token = flows.exchange(client, code);

        assertThat(token.action()).isEqualTo("INTERNAL_SERVER_ERROR");
    }

    @Test
    void configurationIsTheDiscoveryDocumentOfTheService() {
        api.post("/service/update", Map.of("parRequired", true));

        JsonNode doc = api.get("/service/configuration").json();

        assertThat(doc.get("issuer").asText()).isEqualTo(mock.settings().issuer());
        assertThat(doc.get("token_endpoint").asText()).isEqualTo(mock.settings().issuer() + "/token");
        assertThat(doc.get("scopes_supported").toString()).contains("openid", "offline_access");
        assertThat(doc.get("response_types_supported").toString()).contains("\"code id_token\"", "\"code\"");
        assertThat(doc.get("grant_types_supported").toString()).contains("authorization_code", "urn:ietf:params:oauth:grant-type:device_code");
        assertThat(doc.get("code_challenge_methods_supported").toString()).contains("S256");
        assertThat(doc.get("require_pushed_authorization_requests").asBoolean()).isTrue();
        assertThat(doc.get("authorization_response_iss_parameter_supported").asBoolean()).isTrue();
    }

    @Test
    void configurationAppliesAPatch() {
        String patch = "[{\"op\":\"replace\",\"path\":\"/issuer\",\"value\":\"https://patched.example.com\"},{\"op\":\"remove\",\"path\":\"/jwks_uri\"}]";

        JsonNode doc = api.get("/service/configuration?patch=" + MockHttp.enc(patch)).json();

        assertThat(doc.get("issuer").asText()).isEqualTo("https://patched.example.com");
        assertThat(doc.has("jwks_uri")).isFalse();
        assertThat(api.get("/service/configuration?patch=" + MockHttp.enc("{bad")).status()).isEqualTo(400);
    }

    private JWTClaimsSet verified(String idToken) throws Exception {
        SignedJWT jwt = SignedJWT.parse(idToken);
        JWKSet keys = JWKSet.parse(api.get("/service/jwks/get").body());
        JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the ID token's kid is in the service's JWK Set").isNotNull();
        assertThat(jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), key.toRSAKey().toPublicKey()))).isTrue();
        return jwt.getJWTClaimsSet();
    }
}
