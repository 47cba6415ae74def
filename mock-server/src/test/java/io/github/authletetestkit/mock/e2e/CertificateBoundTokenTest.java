package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.IntrospectionRequest;
import com.authlete.common.dto.IntrospectionResponse;
import com.authlete.common.dto.TokenRequest;
import com.authlete.common.dto.TokenResponse;
import com.authlete.common.dto.UserInfoRequest;
import com.authlete.common.dto.UserInfoResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.SignedJWT;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.testing.ClientAssertionMaker;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.MockHttp;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Certificate-bound access tokens (RFC 8705 section 3): with {@code tlsClientCertificateBoundAccessTokens} on the service
 * or the client, tokens carry the thumbprint of the {@code clientCertificate} of the token request, and introspection
 * and userinfo refuse them without that certificate.
 */
class CertificateBoundTokenTest extends MockServerTestBase {

    private static final String CERT_A = ClientAssertionMaker.certificate("client-a");
    private static final String CERT_B = ClientAssertionMaker.certificate("client-b");
    private static final String NOT_A_CERTIFICATE = "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n";

    /** RFC 8705 {@code x5t#S256}, computed here independently of the mock: base64url SHA-256 of the DER. */
    private static String thumbprint(String pem) throws Exception {
        byte[] der = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).getEncoded();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(der));
    }

    private HttpReply token(Flows.Client client, String certificate, String... params) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            form.put(params[i], params[i + 1]);
        }
        Map<String, Object> body = new LinkedHashMap<>(Map.of("parameters", MockHttp.form(form),
                "clientId", Long.toString(client.id()), "clientSecret", client.secret()));
        if (certificate != null) {
            body.put("clientCertificate", certificate);
        }
        return api.post("/auth/token", body);
    }

    private HttpReply presented(String path, String accessToken, String certificate) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("token", accessToken));
        if (certificate != null) {
            body.put("clientCertificate", certificate);
        }
        return api.post(path, body);
    }

    private static void assertRefused(HttpReply reply, String resultCode) {
        assertThat(reply.action()).as(reply.toString()).isEqualTo("UNAUTHORIZED");
        assertThat(reply.resultCode()).isEqualTo(resultCode);
        assertThat(reply.text("responseContent")).startsWith("Bearer error=\"invalid_token\"");
    }

    private void bindOnTheService(boolean on) {
        api.post("/service/update", Map.of("tlsClientCertificateBoundAccessTokens", on));
    }

    @Test
    void aBoundTokenIntrospectsOnlyWithItsCertificateAndShowsTheThumbprint() throws Exception {
        bindOnTheService(true);
        Flows.Client client = flows.confidentialClient();
        HttpReply issued = token(client, CERT_A, "grant_type", "client_credentials", "scope", "profile");
        assertThat(issued.action()).as(issued.toString()).isEqualTo("OK");
        String accessToken = issued.text("accessToken");

        HttpReply ok = presented("/auth/introspection", accessToken, CERT_A);
        assertThat(ok.action()).as(ok.toString()).isEqualTo("OK");
        assertThat(ok.text("certificateThumbprint")).isEqualTo(thumbprint(CERT_A));

        assertRefused(presented("/auth/introspection", accessToken, null), "A065304");
        assertRefused(presented("/auth/introspection", accessToken, CERT_B), "A065305");
        assertRefused(presented("/auth/introspection", accessToken, NOT_A_CERTIFICATE), "A065305");
        assertThat(presented("/auth/introspection", accessToken, null).json().get("usable").asBoolean()).isTrue();

        HttpReply standard = api.post("/auth/introspection/standard", Map.of("parameters", "token=" + accessToken));
        assertThat(standard.content().get("cnf").get("x5t#S256").asText()).isEqualTo(thumbprint(CERT_A));
    }

    @Test
    void aTokenRequestWithoutACertificateIsRefusedWhenTheClientAsksForBinding() throws Exception {
        Flows.Client bound = flows.createClient("CONFIDENTIAL", Map.of("tlsClientCertificateBoundAccessTokens", true));

        HttpReply missing = token(bound, null, "grant_type", "client_credentials");
        assertThat(missing.action()).as(missing.toString()).isEqualTo("BAD_REQUEST");
        assertThat(missing.resultCode()).isEqualTo("A050311");
        assertThat(missing.oauthError()).isEqualTo("invalid_request");
        HttpReply unreadable = token(bound, NOT_A_CERTIFICATE, "grant_type", "client_credentials");
        assertThat(unreadable.action()).as(unreadable.toString()).isEqualTo("BAD_REQUEST");
        assertThat(unreadable.content().get("error_description").asText()).contains("cannot be parsed");

        HttpReply issued = token(bound, CERT_B, "grant_type", "client_credentials");
        assertThat(issued.action()).as(issued.toString()).isEqualTo("OK");
        assertThat(presented("/auth/introspection", issued.text("accessToken"), CERT_B).text("certificateThumbprint"))
                .isEqualTo(thumbprint(CERT_B));

        Flows.Client plain = flows.confidentialClient();
        HttpReply unbound = token(plain, CERT_A, "grant_type", "client_credentials");
        HttpReply introspected = presented("/auth/introspection", unbound.text("accessToken"), null);
        assertThat(introspected.action()).as("neither service nor client asks for binding").isEqualTo("OK");
        assertThat(introspected.json().has("certificateThumbprint")).isFalse();
    }

    @Test
    void aServiceThatSupportsBindingBindsWhenACertificateComesAndRefusesNobodyForLackingOne() throws Exception {
        bindOnTheService(true);
        Flows.Client plain = flows.confidentialClient();

        HttpReply withoutCertificate = token(plain, null, "grant_type", "client_credentials");
        assertThat(withoutCertificate.action()).as(withoutCertificate.toString()).isEqualTo("OK");
        assertThat(presented("/auth/introspection", withoutCertificate.text("accessToken"), null).action()).isEqualTo("OK");

        HttpReply withCertificate = token(plain, CERT_A, "grant_type", "client_credentials");
        assertThat(presented("/auth/introspection", withCertificate.text("accessToken"), CERT_A).text("certificateThumbprint"))
                .isEqualTo(thumbprint(CERT_A));
        assertRefused(presented("/auth/introspection", withCertificate.text("accessToken"), null), "A065304");
    }

    @Test
    void theCodeFlowBindsUserinfoChecksTheCertificateAndRefreshKeepsTheBinding() throws Exception {
        bindOnTheService(true);
        Flows.Client client = flows.confidentialClient();
        String code = flows.code(Flows.codeRequest(client, "scope", "openid profile"));
        HttpReply issued = token(client, CERT_A, "grant_type", "authorization_code", "code", code, "redirect_uri", Flows.REDIRECT_URI);
        assertThat(issued.action()).as(issued.toString()).isEqualTo("OK");
        String accessToken = issued.text("accessToken");

        assertThat(presented("/auth/userinfo", accessToken, CERT_A).action()).isEqualTo("OK");
        assertRefused(presented("/auth/userinfo", accessToken, null), "A065304");
        assertRefused(presented("/auth/userinfo", accessToken, CERT_B), "A065305");

        String refreshToken = issued.text("refreshToken");
        bindOnTheService(false);
        HttpReply refreshed = token(client, null, "grant_type", "refresh_token", "refresh_token", refreshToken);
        assertThat(refreshed.action()).as(refreshed.toString()).isEqualTo("OK");
        assertThat(presented("/auth/introspection", refreshed.text("accessToken"), CERT_A).text("certificateThumbprint"))
                .as("the refreshed token keeps the binding of the one it replaces").isEqualTo(thumbprint(CERT_A));
        assertRefused(presented("/auth/userinfo", refreshed.text("accessToken"), null), "A065304");
    }

    @Test
    void thePasswordGrantAndCreatedTokensAreBoundToo() throws Exception {
        bindOnTheService(true);
        Flows.Client client = flows.confidentialClient();
        HttpReply password = token(client, CERT_A, "grant_type", "password", "username", "alice", "password", "s3cret");
        assertThat(password.action()).as(password.toString()).isEqualTo("PASSWORD");
        HttpReply issued = api.post("/auth/token/issue", Map.of("ticket", password.text("ticket"), "subject", "alice"));
        assertThat(issued.action()).as(issued.toString()).isEqualTo("OK");
        assertRefused(presented("/auth/introspection", issued.text("accessToken"), CERT_B), "A065305");

        HttpReply created = api.post("/auth/token/create", Map.of("grantType", "CLIENT_CREDENTIALS", "clientId", client.id(),
                "certificateThumbprint", thumbprint(CERT_B)));
        assertThat(created.action()).as(created.toString()).isEqualTo("OK");
        assertThat(presented("/auth/introspection", created.text("accessToken"), CERT_B).action()).isEqualTo("OK");
        assertRefused(presented("/auth/introspection", created.text("accessToken"), CERT_A), "A065305");
    }

    @Test
    void theDeviceFlowBindsItsTokensToo() {
        Flows.Client client = flows.createClient("CONFIDENTIAL", Map.of("grantTypes", List.of("DEVICE_CODE"),
                "tlsClientCertificateBoundAccessTokens", true));
        HttpReply started = api.post("/device/authorization", Map.of("parameters", "scope=profile",
                "clientId", Long.toString(client.id()), "clientSecret", client.secret()));
        assertThat(started.action()).as(started.toString()).isEqualTo("OK");
        String userCode = started.content().get("user_code").asText();
        HttpReply completed = api.post("/device/complete", Map.of("userCode", userCode, "result", "AUTHORIZED", "subject", Flows.SUBJECT));
        assertThat(completed.action()).as(completed.toString()).isEqualTo("SUCCESS");

        HttpReply tokens = token(client, CERT_A, "grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", started.content().get("device_code").asText());
        assertThat(tokens.action()).as(tokens.toString()).isEqualTo("OK");
        assertRefused(presented("/auth/introspection", tokens.text("accessToken"), null), "A065304");
        assertThat(presented("/auth/introspection", tokens.text("accessToken"), CERT_A).action()).isEqualTo("OK");
    }

    @Test
    void aJwtAccessTokenCarriesTheThumbprintInCnf() throws Exception {
        api.post("/service/update", Map.of("accessTokenSignAlg", "ES256", "tlsClientCertificateBoundAccessTokens", true));
        HttpReply issued = token(flows.confidentialClient(), CERT_A, "grant_type", "client_credentials");
        assertThat(issued.action()).as(issued.toString()).isEqualTo("OK");
        assertThat(SignedJWT.parse(issued.text("accessToken")).getJWTClaimsSet().getJSONObjectClaim("cnf"))
                .containsEntry("x5t#S256", thumbprint(CERT_A));
    }

    @Test
    void theBindingSurvivesAStateRoundTrip() {
        bindOnTheService(true);
        HttpReply issued = token(flows.confidentialClient(), CERT_A, "grant_type", "client_credentials");
        ObjectNode state = mock.state();

        try (AuthleteMockServer restored = AuthleteMockServer.builder().strict(true).seed(state).build().start()) {
            ApiClient restoredApi = new ApiClient(restored.baseUrl(), mock.serviceId(), mock.serviceToken());
            assertThat(restored.state()).isEqualTo(state);
            HttpReply refused = restoredApi.post("/auth/introspection", Map.of("token", issued.text("accessToken")));
            assertThat(refused.action()).as(refused.toString()).isEqualTo("UNAUTHORIZED");
            assertThat(restoredApi.post("/auth/introspection", Map.of("token", issued.text("accessToken"), "clientCertificate", CERT_A))
                    .action()).isEqualTo("OK");
            assertThat(restored.specViolations()).isEmpty();
        }
    }

    @Test
    void theJavaSdkBindsAndPresentsCertificates() throws Exception {
        bindOnTheService(true);
        AuthleteApi sdk = JavaSdk.api(mock);
        Flows.Client client = flows.createClient("CONFIDENTIAL", Map.of("tlsClientCertificateBoundAccessTokens", true));
        TokenResponse refused = sdk.token(new TokenRequest().setClientId(Long.toString(client.id())).setClientSecret(client.secret())
                .setParameters("grant_type=client_credentials"));
        assertThat(refused.getAction()).isEqualTo(TokenResponse.Action.BAD_REQUEST);

        String code = flows.code(Flows.codeRequest(client, "scope", "openid"));
        TokenResponse token = sdk.token(new TokenRequest().setClientId(Long.toString(client.id())).setClientSecret(client.secret())
                .setClientCertificate(CERT_A).setParameters("grant_type=authorization_code&code=" + code
                        + "&redirect_uri=" + MockHttp.enc(Flows.REDIRECT_URI)));
        assertThat(token.getAction()).isEqualTo(TokenResponse.Action.OK);

        IntrospectionResponse ok = sdk.introspection(new IntrospectionRequest().setToken(token.getAccessToken())
                .setClientCertificate(CERT_A));
        assertThat(ok.getAction()).isEqualTo(IntrospectionResponse.Action.OK);
        assertThat(ok.getCertificateThumbprint()).isEqualTo(thumbprint(CERT_A));
        IntrospectionResponse other = sdk.introspection(new IntrospectionRequest().setToken(token.getAccessToken())
                .setClientCertificate(CERT_B));
        assertThat(other.getAction()).isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);
        assertThat(other.getResultCode()).isEqualTo("A065305");

        assertThat(sdk.userinfo(new UserInfoRequest().setToken(token.getAccessToken()).setClientCertificate(CERT_A)).getAction())
                .isEqualTo(UserInfoResponse.Action.OK);
        assertThat(sdk.userinfo(new UserInfoRequest().setToken(token.getAccessToken())).getAction())
                .isEqualTo(UserInfoResponse.Action.UNAUTHORIZED);
    }
}
