package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.AuthorizationFailRequest;
import com.authlete.common.dto.AuthorizationFailResponse;
import com.authlete.common.dto.AuthorizationIssueRequest;
import com.authlete.common.dto.AuthorizationIssueResponse;
import com.authlete.common.dto.AuthorizationRequest;
import com.authlete.common.dto.AuthorizationResponse;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.MockHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** JARM: the authorization response, success or error, as one JWT signed with the service's key. */
class JarmTest extends MockServerTestBase {

    private static final Pattern FORM_RESPONSE = Pattern.compile("name=\"response\" value=\"([^\"]+)\"");

    /** The JWT of a LOCATION answer: the redirect URI carries {@code response} and nothing else. */
    private static SignedJWT fromLocation(String location, boolean fragment) throws Exception {
        URI uri = URI.create(location);
        String part = fragment ? uri.getRawFragment() : uri.getRawQuery();
        assertThat(part).as(location).startsWith("response=").doesNotContain("&");
        return SignedJWT.parse(java.net.URLDecoder.decode(part.substring("response=".length()), StandardCharsets.UTF_8));
    }

    /** The claims, the signature checked with the service's published JWK Set. */
    private JWTClaimsSet verified(SignedJWT jwt) throws Exception {
        JWK key = JWKSet.parse(api.get("/service/jwks/get").body()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the signing key is published").isNotNull();
        Key publicKey = key instanceof ECKey ec ? ec.toPublicKey() : key.toRSAKey().toPublicKey();
        assertThat(jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), publicKey))).isTrue();
        return jwt.getJWTClaimsSet();
    }

    private String issuer() {
        return api.get("/service/get").text("issuer");
    }

    @Test
    void aCodeGoesBackInASignedJwtOnTheQueryAndStillBuysTokens() throws Exception {
        mock.clock().freeze();
        Flows.Client client = flows.confidentialClient();
        HttpReply issued = flows.issue(flows.ticket(Flows.codeRequest(client, "response_mode", "jwt")), Map.of());
        assertThat(issued.action()).as(issued.toString()).isEqualTo("LOCATION");
        SignedJWT jwt = fromLocation(issued.text("responseContent"), false);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWTClaimsSet claims = verified(jwt);
        assertThat(claims.getIssuer()).isEqualTo(issuer());
        assertThat(claims.getAudience()).containsExactly(Long.toString(client.id()));
        assertThat(claims.getExpirationTime().toInstant().getEpochSecond())
                .isEqualTo(mock.clock().instant().getEpochSecond() + 600);
        assertThat(claims.getStringClaim("state")).isEqualTo("testState");
        assertThat(claims.getStringClaim("code")).isEqualTo(issued.text("authorizationCode"));

        assertThat(flows.exchange(client, claims.getStringClaim("code")).action()).isEqualTo("OK");
    }

    @Test
    void fragmentJwtAndTheImplicitDefaultUseTheFragment() throws Exception {
        mock.clock().freeze();
        api.post("/service/update", Map.of("authorizationResponseDuration", 120));
        Flows.Client client = flows.confidentialClient();
        HttpReply code = flows.issue(flows.ticket(Flows.codeRequest(client, "response_mode", "fragment.jwt")), Map.of());
        JWTClaimsSet codeClaims = verified(fromLocation(code.text("responseContent"), true));
        assertThat(codeClaims.getStringClaim("code")).isNotBlank();
        assertThat(codeClaims.getExpirationTime().toInstant().getEpochSecond()).isEqualTo(mock.clock().instant().getEpochSecond() + 120);

        HttpReply token = flows.issue(flows.ticket(Flows.codeRequest(client, "response_type", "token", "response_mode", "jwt")), Map.of());
        JWTClaimsSet tokenClaims = verified(fromLocation(token.text("responseContent"), true));
        assertThat(tokenClaims.getStringClaim("access_token")).isEqualTo(token.text("accessToken"));
        assertThat(tokenClaims.getStringClaim("token_type")).isEqualTo("Bearer");
    }

    @Test
    void formPostJwtPostsOnlyTheResponse() throws Exception {
        Flows.Client client = flows.confidentialClient();
        HttpReply issued = flows.issue(flows.ticket(Flows.codeRequest(client, "response_mode", "form_post.jwt")), Map.of());
        assertThat(issued.action()).as(issued.toString()).isEqualTo("FORM");
        String page = issued.text("responseContent");
        assertThat(page).contains("action=\"" + Flows.REDIRECT_URI + "\"").doesNotContain("name=\"code\"");
        Matcher response = FORM_RESPONSE.matcher(page);
        assertThat(response.find()).as(page).isTrue();
        assertThat(verified(SignedJWT.parse(response.group(1))).getStringClaim("code")).isEqualTo(issued.text("authorizationCode"));
    }

    @Test
    void errorsGoBackAsJwtsToo() throws Exception {
        Flows.Client client = flows.confidentialClient();
        HttpReply refused = flows.authorize(Flows.codeRequest(client, "response_mode", "query.jwt", "scope", "no-such-scope"));
        assertThat(refused.action()).as(refused.toString()).isEqualTo("LOCATION");
        JWTClaimsSet error = verified(fromLocation(refused.text("responseContent"), false));
        assertThat(error.getStringClaim("error")).isEqualTo("invalid_scope");
        assertThat(error.getStringClaim("state")).isEqualTo("testState");
        assertThat(error.getIssuer()).isEqualTo(issuer());

        HttpReply failed = api.post("/auth/authorization/fail", Map.of("ticket",
                flows.ticket(Flows.codeRequest(client, "response_mode", "jwt")), "reason", "DENIED"));
        assertThat(failed.action()).as(failed.toString()).isEqualTo("LOCATION");
        assertThat(verified(fromLocation(failed.text("responseContent"), false)).getStringClaim("error")).isEqualTo("access_denied");
    }

    @Test
    void theClientsAlgorithmIsUsedAndHmacSignsWithItsSecret() throws Exception {
        Flows.Client es = flows.createClient("CONFIDENTIAL", Map.of("authorizationSignAlg", "ES256"));
        HttpReply issued = flows.issue(flows.ticket(Flows.codeRequest(es, "response_mode", "jwt")), Map.of());
        SignedJWT esJwt = fromLocation(issued.text("responseContent"), false);
        assertThat(esJwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        verified(esJwt);

        Flows.Client hs = flows.createClient("CONFIDENTIAL", Map.of("authorizationSignAlg", "HS256"));
        HttpReply hmac = flows.issue(flows.ticket(Flows.codeRequest(hs, "response_mode", "jwt")), Map.of());
        SignedJWT hsJwt = fromLocation(hmac.text("responseContent"), false);
        assertThat(hsJwt.verify(new MACVerifier(hs.secret().getBytes(StandardCharsets.UTF_8)))).isTrue();
    }

    @Test
    void aResponseTheServiceCannotSignIsAServerErrorBeforeACodeExists() {
        api.post("/service/update", Map.of("authorizationSignatureKeyId", "no-such-kid"));
        Flows.Client client = flows.confidentialClient();
        HttpReply issued = flows.issue(flows.ticket(Flows.codeRequest(client, "response_mode", "jwt")), Map.of());
        assertThat(issued.action()).as(issued.toString()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(issued.text("resultMessage")).contains("no-such-kid");
        assertThat(issued.text("authorizationCode")).isNull();

        HttpReply refused = flows.authorize(Flows.codeRequest(client, "response_mode", "jwt", "scope", "no-such-scope"));
        assertThat(refused.action()).as(refused.toString()).isEqualTo("INTERNAL_SERVER_ERROR");
        HttpReply failed = api.post("/auth/authorization/fail", Map.of("ticket",
                flows.ticket(Flows.codeRequest(client, "response_mode", "jwt")), "reason", "DENIED"));
        assertThat(failed.action()).as(failed.toString()).isEqualTo("INTERNAL_SERVER_ERROR");
    }

    @Test
    void theJavaSdkSeesLocationAnswersWithTheResponseJwt() throws Exception {
        AuthleteApi sdk = JavaSdk.api(mock);
        Flows.Client client = flows.confidentialClient();
        AuthorizationResponse authorization = sdk.authorization(new AuthorizationRequest().setParameters(MockHttp.form(
                Flows.codeRequest(client, "response_mode", "query.jwt"))));
        assertThat(authorization.getAction()).isEqualTo(AuthorizationResponse.Action.INTERACTION);
        AuthorizationIssueResponse issued = sdk.authorizationIssue(new AuthorizationIssueRequest()
                .setTicket(authorization.getTicket()).setSubject(Flows.SUBJECT));
        assertThat(issued.getAction()).isEqualTo(AuthorizationIssueResponse.Action.LOCATION);
        assertThat(verified(fromLocation(issued.getResponseContent(), false)).getStringClaim("code"))
                .isEqualTo(issued.getAuthorizationCode());

        AuthorizationResponse second = sdk.authorization(new AuthorizationRequest().setParameters(MockHttp.form(
                Flows.codeRequest(client, "response_mode", "form_post.jwt"))));
        AuthorizationFailResponse failed = sdk.authorizationFail(new AuthorizationFailRequest().setTicket(second.getTicket())
                .setReason(AuthorizationFailRequest.Reason.DENIED));
        assertThat(failed.getAction()).isEqualTo(AuthorizationFailResponse.Action.FORM);
        Matcher response = FORM_RESPONSE.matcher(failed.getResponseContent());
        assertThat(response.find()).isTrue();
        assertThat(verified(SignedJWT.parse(response.group(1))).getStringClaim("error")).isEqualTo("access_denied");
    }
}
