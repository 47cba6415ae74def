package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.dto.TokenRequest;
import com.authlete.common.dto.TokenResponse;
import com.authlete.common.types.TokenType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.github.authletetestkit.mock.testing.MockHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token exchange (RFC 8693) and the JWT bearer grant (RFC 7523), through Authlete's Java SDK unchanged. */
class TokenExchangeAndJwtBearerTest extends MockServerTestBase {

    private static final String EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    private static final String BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    private ECKey clientKey;
    private Flows.Client client;
    private String issuer;

    @BeforeEach
    void enableTheGrants() throws Exception {
        List<String> grantTypes = new ArrayList<>();
        api.get("/service/get").json().get("supportedGrantTypes").forEach(g -> grantTypes.add(g.asText()));
        grantTypes.addAll(List.of("TOKEN_EXCHANGE", "JWT_BEARER"));
        api.post("/service/update", Map.of("supportedGrantTypes", grantTypes));
        issuer = api.get("/service/get").json().get("issuer").asText();
        clientKey = new ECKeyGenerator(Curve.P_256).keyID("client-1").generate();
        client = flows.createClient("CONFIDENTIAL", Map.of("grantTypes", List.of("AUTHORIZATION_CODE", "TOKEN_EXCHANGE", "JWT_BEARER"),
                "jwks", new JWKSet(clientKey.toPublicJWK()).toString()));
    }

    private TokenResponse token(String parameters) {
        return JavaSdk.api(mock).token(new TokenRequest().setClientId(Long.toString(client.id())).setClientSecret(client.secret())
                .setParameters(parameters));
    }

    private TokenResponse exchange(String... parameters) {
        StringBuilder form = new StringBuilder("grant_type=" + MockHttp.enc(EXCHANGE));
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            form.append('&').append(parameters[i]).append('=').append(MockHttp.enc(parameters[i + 1]));
        }
        return token(form.toString());
    }

    private String signed(JWTClaimsSet claims, ECKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private JWTClaimsSet.Builder assertionClaims() {
        return new JWTClaimsSet.Builder().issuer(Long.toString(client.id())).subject("alice").audience(issuer)
                .expirationTime(Date.from(mock.clock().instant().plusSeconds(300)));
    }

    private static String error(TokenResponse reply) {
        return io.github.authletetestkit.mock.model.Json.parse(reply.getResponseContent()).get("error").asText();
    }

    @Test
    void anAccessTokenOfTheServiceIsExchangedWithWhatTheServiceKnowsOfIt() {
        String accessToken = flows.codeFlow(flows.confidentialClient(), "scope", "openid profile").text("accessToken");

        TokenResponse reply = exchange("subject_token", accessToken, "subject_token_type", ACCESS_TOKEN_TYPE,
                "requested_token_type", ACCESS_TOKEN_TYPE, "audience", "https://api.example.com", "resource", "https://rs.example.com/a",
                "scope", "profile");

        assertThat(reply.getAction()).as(reply.getResultMessage()).isEqualTo(TokenResponse.Action.TOKEN_EXCHANGE);
        assertThat(reply.getSubjectToken()).isEqualTo(accessToken);
        assertThat(reply.getSubjectTokenType()).isEqualTo(TokenType.ACCESS_TOKEN);
        assertThat(reply.getSubjectTokenInfo().getSubject()).isEqualTo(Flows.SUBJECT);
        assertThat(reply.getSubjectTokenInfo().getScopes()).extracting(s -> s.getName()).containsExactly("openid", "profile");
        assertThat(reply.getRequestedTokenType()).isEqualTo(TokenType.ACCESS_TOKEN);
        assertThat(reply.getAudiences()).containsExactly("https://api.example.com");
        assertThat(reply.getResources()).containsExactly(URI.create("https://rs.example.com/a"));
        assertThat(reply.getScopes()).containsExactly("profile");
    }

    @Test
    void anIdTokenOfTheServiceIsCheckedWithItsKeys() {
        String idToken = flows.codeFlow(flows.confidentialClient(), "scope", "openid", "nonce", "n").text("idToken");
        String idTokenType = "urn:ietf:params:oauth:token-type:id_token";

        TokenResponse good = exchange("subject_token", idToken, "subject_token_type", idTokenType);
        TokenResponse tampered = exchange("subject_token", idToken.substring(0, idToken.length() - 4) + "AAAA",
                "subject_token_type", idTokenType);

        assertThat(good.getAction()).as(good.getResultMessage()).isEqualTo(TokenResponse.Action.TOKEN_EXCHANGE);
        assertThat(tampered.getAction()).isEqualTo(TokenResponse.Action.BAD_REQUEST);
        assertThat(error(tampered)).isEqualTo("invalid_grant");
    }

    @Test
    void badExchangeRequestsAreRefusedAsTheServiceRefusesThem() throws Exception {
        String expiredJwt = signed(assertionClaims().expirationTime(Date.from(mock.clock().instant().minusSeconds(5))).build(), clientKey);

        assertThat(error(exchange("subject_token_type", ACCESS_TOKEN_TYPE))).isEqualTo("invalid_request");
        assertThat(error(exchange("subject_token", "x"))).isEqualTo("invalid_request");
        assertThat(error(exchange("subject_token", "unknown", "subject_token_type", ACCESS_TOKEN_TYPE))).isEqualTo("invalid_request");
        assertThat(error(exchange("subject_token", "x", "subject_token_type", "urn:example:nope"))).isEqualTo("invalid_request");
        assertThat(error(exchange("subject_token", "x", "subject_token_type", "urn:ietf:params:oauth:token-type:saml2",
                "actor_token_type", ACCESS_TOKEN_TYPE))).isEqualTo("invalid_request");
        assertThat(error(exchange("subject_token", "x", "subject_token_type", "urn:ietf:params:oauth:token-type:saml2",
                "resource", "relative/path"))).isEqualTo("invalid_target");
        assertThat(error(exchange("subject_token", expiredJwt, "subject_token_type", "urn:ietf:params:oauth:token-type:jwt")))
                .isEqualTo("invalid_grant");
    }

    @Test
    void theServicesRulesOnJwtsAndClientsApply() throws Exception {
        String unsigned = new PlainJWT(assertionClaims().build()).serialize();
        String jwtType = "urn:ietf:params:oauth:token-type:jwt";
        assertThat(exchange("subject_token", unsigned, "subject_token_type", jwtType).getAction())
                .isEqualTo(TokenResponse.Action.TOKEN_EXCHANGE);

        api.post("/service/update", Map.of("tokenExchangeUnsignedJwtRejected", true, "tokenExchangeByPermittedClientsOnly", true));

        TokenResponse notPermitted = exchange("subject_token", unsigned, "subject_token_type", jwtType);
        assertThat(error(notPermitted)).isEqualTo("unauthorized_client");
        api.post("/client/update/" + client.id(), Map.of("tokenExchangePermitted", true, "clientType", "CONFIDENTIAL"));
        assertThat(error(exchange("subject_token", unsigned, "subject_token_type", jwtType))).isEqualTo("invalid_request");
    }

    @Test
    void aJwtBearerAssertionSignedByTheClientIsAccepted() throws Exception {
        String assertion = signed(assertionClaims().build(), clientKey);

        TokenResponse reply = token("grant_type=" + MockHttp.enc(BEARER) + "&assertion=" + assertion + "&scope=profile");

        assertThat(reply.getAction()).as(reply.getResultMessage()).isEqualTo(TokenResponse.Action.JWT_BEARER);
        assertThat(reply.getAssertion()).isEqualTo(assertion);
        assertThat(reply.getScopes()).containsExactly("profile");
    }

    @Test
    void badAssertionsAreInvalidGrants() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("client-1").generate();
        String forged = signed(assertionClaims().build(), stranger);
        String noExp = signed(assertionClaims().expirationTime(null).build(), clientKey);
        String otherAudience = signed(assertionClaims().audience("https://elsewhere.example.com").build(), clientKey);
        String expired = signed(assertionClaims().expirationTime(Date.from(mock.clock().instant().minusSeconds(1))).build(), clientKey);

        for (String assertion : List.of(forged, noExp, otherAudience, expired)) {
            TokenResponse reply = token("grant_type=" + MockHttp.enc(BEARER) + "&assertion=" + assertion);
            assertThat(reply.getAction()).isEqualTo(TokenResponse.Action.BAD_REQUEST);
            assertThat(error(reply)).as(reply.getResultMessage()).isEqualTo("invalid_grant");
        }
        assertThat(error(token("grant_type=" + MockHttp.enc(BEARER)))).isEqualTo("invalid_request");
        assertThat(error(token("grant_type=" + MockHttp.enc(BEARER) + "&assertion=not-a-jwt"))).isEqualTo("invalid_request");
    }
}
