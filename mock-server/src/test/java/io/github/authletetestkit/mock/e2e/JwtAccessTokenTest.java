package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.IntrospectionRequest;
import com.authlete.common.dto.IntrospectionResponse;
import com.authlete.common.dto.TokenRequest;
import com.authlete.common.dto.TokenResponse;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.MockHttp;
import java.security.Key;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JWT access tokens (RFC 9068): with {@code accessTokenSignAlg} on the service, every access token is a signed JWT. */
class JwtAccessTokenTest extends MockServerTestBase {

    private static final String ISSUER_KEY = "issuer";

    /** The claims of a JWT access token, its signature checked with the service's published JWK Set. */
    private JWTClaimsSet verified(String accessToken) throws Exception {
        JWKSet published = JWKSet.parse(api.get("/service/jwks/get").body());
        SignedJWT jwt = SignedJWT.parse(accessToken);
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        JWK key = published.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the signing key is published").isNotNull();
        assertThat(key.isPrivate()).isFalse();
        Key publicKey = key instanceof ECKey ec ? ec.toPublicKey() : key.toRSAKey().toPublicKey();
        assertThat(jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), publicKey))).isTrue();
        return jwt.getJWTClaimsSet();
    }

    private String issuer() {
        return api.get("/service/get").text(ISSUER_KEY);
    }

    @Test
    void theCodeFlowIssuesAVerifiableJwtThatStillIntrospects() throws Exception {
        api.post("/service/update", Map.of("accessTokenSignAlg", "ES256", "accessTokenDuration", 600));
        Flows.Client client = flows.confidentialClient();
        HttpReply token = flows.codeFlow(client, "scope", "openid profile");
        String accessToken = token.content().get("access_token").asText();

        JWTClaimsSet claims = verified(accessToken);
        assertThat(claims.getIssuer()).isEqualTo(issuer());
        assertThat(claims.getSubject()).isEqualTo(Flows.SUBJECT);
        assertThat(claims.getStringClaim("client_id")).isEqualTo(Long.toString(client.id()));
        assertThat(claims.getStringClaim("scope")).isEqualTo("openid profile");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(600_000L);
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getClaim("cnf")).isNull();

        HttpReply introspection = flows.introspect(accessToken);
        assertThat(introspection.action()).as(introspection.toString()).isEqualTo("OK");
        assertThat(introspection.text("subject")).isEqualTo(Flows.SUBJECT);

        String refreshed = flows.token(client, Map.of("grant_type", "refresh_token",
                "refresh_token", token.content().get("refresh_token").asText())).content().get("access_token").asText();
        JWTClaimsSet afterRefresh = verified(refreshed);
        assertThat(afterRefresh.getJWTID()).isNotEqualTo(claims.getJWTID());
        assertThat(afterRefresh.getSubject()).isEqualTo(Flows.SUBJECT);
    }

    @Test
    void aDpopBoundJwtCarriesTheKeyThumbprintAndAClientCredentialsOneTheClientAsSubject() throws Exception {
        api.post("/service/update", Map.of("accessTokenSignAlg", "RS256"));
        Flows.Client client = flows.confidentialClient();
        ECKey dpopKey = new ECKeyGenerator(Curve.P_256).generate();
        String proof = DpopProofMaker.proof(dpopKey, "POST", "https://as.example.com/token", null, mock.clock().instant());
        HttpReply bound = api.post("/auth/token", Map.of("parameters", "grant_type=client_credentials&scope=profile",
                "clientId", Long.toString(client.id()), "clientSecret", client.secret(), "dpop", proof,
                "htm", "POST", "htu", "https://as.example.com/token"));
        assertThat(bound.action()).as(bound.toString()).isEqualTo("OK");
        JWTClaimsSet claims = verified(bound.text("accessToken"));
        assertThat(claims.getJSONObjectClaim("cnf")).containsEntry("jkt", dpopKey.computeThumbprint().toString());
        assertThat(claims.getSubject()).isEqualTo(Long.toString(client.id()));
    }

    @Test
    void implicitAndCreatedTokensAreJwtsToo() throws Exception {
        api.post("/service/update", Map.of("accessTokenSignAlg", "ES256"));
        Flows.Client client = flows.confidentialClient();
        HttpReply issued = flows.issue(flows.ticket(Flows.codeRequest(client, "response_type", "token")), Map.of());
        String implicit = Flows.redirectParam(issued.text("responseContent"), "access_token");
        assertThat(verified(implicit).getSubject()).isEqualTo(Flows.SUBJECT);

        HttpReply created = api.post("/auth/token/create", Map.of("grantType", "CLIENT_CREDENTIALS", "clientId", client.id(),
                "scopes", List.of("profile")));
        assertThat(created.action()).as(created.toString()).isEqualTo("OK");
        assertThat(verified(created.text("accessToken")).getStringClaim("scope")).isEqualTo("profile");
    }

    @Test
    void anAlgorithmOrKeyTheServiceCannotSignWithIsAServerErrorThatLeavesTheCodeUsable() throws Exception {
        api.post("/service/update", Map.of("accessTokenSignAlg", "ES256", "accessTokenSignatureKeyId", "no-such-kid"));
        Flows.Client client = flows.confidentialClient();
        String code = flows.code(Flows.codeRequest(client));
        HttpReply refused = flows.exchange(client, code);
        assertThat(refused.action()).as(refused.toString()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(refused.text("resultMessage")).contains("no-such-kid");

        api.post("/service/update", Map.of("accessTokenSignAlg", "HS256", "accessTokenSignatureKeyId", ""));
        HttpReply hmac = flows.token(client, Map.of("grant_type", "client_credentials"));
        assertThat(hmac.action()).as(hmac.toString()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(api.post("/auth/token/create", Map.of("grantType", "CLIENT_CREDENTIALS", "clientId", client.id())).action())
                .isEqualTo("INTERNAL_SERVER_ERROR");

        api.post("/service/update", Map.of("accessTokenSignAlg", "ES256"));
        HttpReply ok = flows.exchange(client, code);
        assertThat(ok.action()).as(ok.toString()).isEqualTo("OK");
        assertThat(verified(ok.text("accessToken")).getSubject()).isEqualTo(Flows.SUBJECT);
    }

    @Test
    void withoutTheAlgorithmTokensStayOpaque() {
        HttpReply token = flows.codeFlow(flows.confidentialClient());
        assertThat(token.text("accessToken")).doesNotContain(".");
    }

    @Test
    void theJavaSdkGetsAJwtThatVerifiesAndIntrospects() throws Exception {
        api.post("/service/update", Map.of("accessTokenSignAlg", "ES256"));
        AuthleteApi sdk = JavaSdk.api(mock);
        Flows.Client client = flows.confidentialClient();
        TokenResponse token = sdk.token(new TokenRequest().setClientId(Long.toString(client.id())).setClientSecret(client.secret())
                .setParameters("grant_type=client_credentials&scope=" + MockHttp.enc("profile")));
        assertThat(token.getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(verified(token.getAccessToken()).getStringClaim("client_id")).isEqualTo(Long.toString(client.id()));
        assertThat(JWKSet.parse(sdk.getServiceJwks()).getKeys()).isNotEmpty();
        IntrospectionResponse introspection = sdk.introspection(new IntrospectionRequest().setToken(token.getAccessToken()));
        assertThat(introspection.getAction()).isEqualTo(IntrospectionResponse.Action.OK);
        assertThat(introspection.getClientId()).isEqualTo(client.id());
    }
}
