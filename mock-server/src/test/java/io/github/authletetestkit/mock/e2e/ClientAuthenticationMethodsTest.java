package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.BackchannelAuthenticationRequest;
import com.authlete.common.dto.BackchannelAuthenticationResponse;
import com.authlete.common.dto.DeviceAuthorizationRequest;
import com.authlete.common.dto.DeviceAuthorizationResponse;
import com.authlete.common.dto.PushedAuthReqRequest;
import com.authlete.common.dto.PushedAuthReqResponse;
import com.authlete.common.dto.RevocationRequest;
import com.authlete.common.dto.RevocationResponse;
import com.authlete.common.dto.TokenRequest;
import com.authlete.common.dto.TokenResponse;
import com.authlete.common.types.ClientAuthMethod;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import io.github.authletetestkit.mock.internal.oauth.ClientCertificates;
import io.github.authletetestkit.mock.testing.ClientAssertionMaker;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.MockHttp;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JWT client authentication (private_key_jwt, client_secret_jwt) and mutual-TLS client authentication (tls_client_auth,
 * self_signed_tls_client_auth) over HTTP, at every endpoint that authenticates clients.
 */
class ClientAuthenticationMethodsTest extends MockServerTestBase {

    static final String TOKEN_ENDPOINT = "https://as.example.com/token";
    private static final String CERT_A = ClientAssertionMaker.certificate("client-a");
    private static final String CERT_B = ClientAssertionMaker.certificate("client-b");

    private ECKey key;
    private HttpServer jwksServer;

    @BeforeAll
    void keys() throws Exception {
        key = new ECKeyGenerator(Curve.P_256).keyID("client-key").generate();
        byte[] set = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwksServer.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, set.length);
            exchange.getResponseBody().write(set);
            exchange.close();
        });
        jwksServer.start();
    }

    @AfterAll
    void stop() {
        jwksServer.stop(0);
    }

    private Flows.Client client(String method, Object... members) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("tokenAuthMethod", method);
        overrides.put("grantTypes", List.of("AUTHORIZATION_CODE", "CLIENT_CREDENTIALS", "CIBA", "DEVICE_CODE"));
        overrides.put("bcDeliveryMode", "POLL");
        for (int i = 0; i + 1 < members.length; i += 2) {
            overrides.put((String) members[i], members[i + 1]);
        }
        return flows.createClient("CONFIDENTIAL", overrides);
    }

    private Flows.Client privateKeyJwtClient() {
        return client("PRIVATE_KEY_JWT", "jwks", new JWKSet(key.toPublicJWK()).toString());
    }

    private String assertion(Flows.Client client, UnaryOperator<JWTClaimsSet.Builder> change) {
        return ClientAssertionMaker.sign(key, JWSAlgorithm.ES256, Long.toString(client.id()), TOKEN_ENDPOINT,
                mock.clock().instant(), change);
    }

    /** {@code client_credentials} at {@code /auth/token}, the client known only by its credentials in the form. */
    private HttpReply token(Map<String, String> form, Map<String, Object> members) {
        Map<String, String> params = new LinkedHashMap<>(Map.of("grant_type", "client_credentials"));
        params.putAll(form);
        Map<String, Object> body = new LinkedHashMap<>(members);
        body.put("parameters", MockHttp.form(params));
        return api.post("/auth/token", body);
    }

    private HttpReply withAssertion(String assertion) {
        return token(Map.of("client_assertion", assertion, "client_assertion_type", ClientAssertionMaker.TYPE), Map.of());
    }

    private static void assertInvalidClient(HttpReply reply, String description) {
        assertThat(reply.action()).as(reply.toString()).isEqualTo("INVALID_CLIENT");
        assertThat(reply.oauthError()).isEqualTo("invalid_client");
        assertThat(reply.content().get("error_description").asText()).contains(description);
    }

    @Test
    void privateKeyJwtWithTheInlineJwksIssuesTokensOnce() {
        Flows.Client client = privateKeyJwtClient();
        String assertion = assertion(client, c -> c);

        HttpReply ok = withAssertion(assertion);
        assertThat(ok.action()).as(ok.toString()).isEqualTo("OK");
        assertThat(ok.text("clientAuthMethod")).isEqualTo("PRIVATE_KEY_JWT");
        assertThat(ok.json().get("clientId").asLong()).isEqualTo(client.id());

        assertInvalidClient(withAssertion(assertion), "was used before");
    }

    @Test
    void privateKeyJwtWithKeysFetchedFromTheJwksUri() {
        Flows.Client client = client("PRIVATE_KEY_JWT", "jwksUri",
                "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks");
        HttpReply ok = token(Map.of("client_id", Long.toString(client.id()), "client_assertion", assertion(client, c -> c),
                "client_assertion_type", ClientAssertionMaker.TYPE), Map.of());
        assertThat(ok.action()).as(ok.toString()).isEqualTo("OK");

        Flows.Client unreachable = client("PRIVATE_KEY_JWT", "jwksUri", "http://127.0.0.1:1/jwks");
        assertInvalidClient(withAssertion(assertion(unreachable, c -> c)), "cannot be read");
    }

    @Test
    void everyBrokenAssertionIsInvalidClient() throws Exception {
        Flows.Client client = privateKeyJwtClient();
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("client-key").generate();
        String id = Long.toString(client.id());
        assertInvalidClient(withAssertion(ClientAssertionMaker.sign(stranger, JWSAlgorithm.ES256, id, TOKEN_ENDPOINT,
                mock.clock().instant(), c -> c)), "signature");
        assertInvalidClient(withAssertion(assertion(client, c -> c.audience("https://elsewhere.example.com/token"))), "'aud'");
        assertInvalidClient(withAssertion(assertion(client, c -> c.expirationTime(Date.from(mock.clock().instant().minusSeconds(1))))),
                "expired");
        assertInvalidClient(withAssertion(assertion(client, c -> c.issuer("someone-else"))), "'iss'");
        assertInvalidClient(withAssertion(assertion(client, c -> c.jwtID(null))), "no 'jti'");
        Flows.Client strict = client("PRIVATE_KEY_JWT", "jwks", new JWKSet(key.toPublicJWK()).toString(), "tokenAuthSignAlg", "PS256");
        assertInvalidClient(withAssertion(assertion(strict, c -> c)), "tokenAuthSignAlg");
        assertInvalidClient(withAssertion("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."), "not a signed JWT");
    }

    @Test
    void aMalformedAssertionRequestIsBadRequest() {
        Flows.Client client = privateKeyJwtClient();
        HttpReply noType = token(Map.of("client_assertion", assertion(client, c -> c)), Map.of());
        assertThat(noType.action()).as(noType.toString()).isEqualTo("BAD_REQUEST");
        assertThat(noType.oauthError()).isEqualTo("invalid_request");
        HttpReply both = token(Map.of("client_assertion", assertion(client, c -> c), "client_assertion_type", ClientAssertionMaker.TYPE,
                "client_secret", client.secret()), Map.of("clientId", Long.toString(client.id())));
        assertThat(both.action()).as(both.toString()).isEqualTo("BAD_REQUEST");
        assertThat(both.oauthError()).isEqualTo("invalid_request");
    }

    @Test
    void clientSecretJwtIsSignedWithTheSecretAndOtherMethodsAreRefused() {
        Flows.Client client = client("CLIENT_SECRET_JWT");
        String id = Long.toString(client.id());
        HttpReply ok = withAssertion(ClientAssertionMaker.withSecret(client.secret(), id, "https://as.example.com", mock.clock().instant()));
        assertThat(ok.action()).as(ok.toString()).isEqualTo("OK");
        assertThat(ok.text("clientAuthMethod")).isEqualTo("CLIENT_SECRET_JWT");

        assertInvalidClient(token(Map.of(), Map.of("clientId", id, "clientSecret", client.secret())),
                "must authenticate with CLIENT_SECRET_JWT, not CLIENT_SECRET_BASIC");
        assertInvalidClient(withAssertion(ClientAssertionMaker.withSecret("a-different-secret-of-32-bytes-x", id, TOKEN_ENDPOINT,
                mock.clock().instant())), "signature");
    }

    @Test
    void aPrivateKeyJwtClientCannotUseItsSecret() {
        Flows.Client client = privateKeyJwtClient();
        assertInvalidClient(token(Map.of(), Map.of("clientId", Long.toString(client.id()), "clientSecret", client.secret())),
                "must authenticate with PRIVATE_KEY_JWT, not CLIENT_SECRET_BASIC");
        assertInvalidClient(token(Map.of("client_id", Long.toString(client.id())), Map.of()), "carries no client credentials");
    }

    @Test
    void tlsClientAuthMatchesTheSubjectDnOrTheSan() {
        Flows.Client byDn = client("TLS_CLIENT_AUTH", "tlsClientAuthSubjectDn", "CN=client.example.com,O=Example,C=JP");
        Map<String, String> form = Map.of("client_id", Long.toString(byDn.id()));
        HttpReply ok = token(form, Map.of("clientCertificate", CERT_A));
        assertThat(ok.action()).as(ok.toString()).isEqualTo("OK");
        assertThat(ok.text("clientAuthMethod")).isEqualTo("TLS_CLIENT_AUTH");
        assertInvalidClient(token(form, Map.of("clientCertificate", CERT_B)), "subject DN");
        assertInvalidClient(token(form, Map.of()), "carries no client credentials");
        assertInvalidClient(token(form, Map.of("clientCertificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")),
                "cannot be parsed");
        assertInvalidClient(token(form, Map.of("clientId", Long.toString(byDn.id()), "clientSecret", byDn.secret())),
                "must authenticate with TLS_CLIENT_AUTH");

        Flows.Client bySan = client("TLS_CLIENT_AUTH", "tlsClientAuthSanDns", "client.example.com");
        Map<String, String> sanForm = Map.of("client_id", Long.toString(bySan.id()));
        assertThat(token(sanForm, Map.of("clientCertificate", CERT_A)).action()).isEqualTo("OK");
        assertInvalidClient(token(sanForm, Map.of("clientCertificate", CERT_B)), "subject alternative name");
    }

    @Test
    void selfSignedTlsClientAuthFindsTheCertificateKeyInTheClientsJwks() {
        String jwks = new JWKSet(ClientCertificates.publicJwk(ClientCertificates.parse(CERT_A))).toString();
        Flows.Client client = client("SELF_SIGNED_TLS_CLIENT_AUTH", "jwks", jwks);
        Map<String, String> form = Map.of("client_id", Long.toString(client.id()));
        HttpReply ok = token(form, Map.of("clientCertificate", CERT_A));
        assertThat(ok.action()).as(ok.toString()).isEqualTo("OK");
        assertThat(ok.text("clientAuthMethod")).isEqualTo("SELF_SIGNED_TLS_CLIENT_AUTH");
        assertInvalidClient(token(form, Map.of("clientCertificate", CERT_B)), "not in the client's JWK Set");
    }

    /** PAR, revocation, CIBA and the device flow authenticate as the token endpoint does, each with its own actions. */
    @Test
    void everyClientAuthenticatingEndpointTakesAssertionsAndEnforcesTheMethod() {
        Flows.Client client = privateKeyJwtClient();
        String id = Long.toString(client.id());
        Map<String, String> request = Map.of(
                "/pushed_auth_req", "response_type=code&redirect_uri=" + MockHttp.enc(Flows.REDIRECT_URI),
                "/auth/revocation", "token=unknown-token",
                "/backchannel/authentication", "scope=openid&login_hint=alice",
                "/device/authorization", "scope=openid");
        Map<String, String> success = Map.of("/pushed_auth_req", "CREATED", "/auth/revocation", "OK",
                "/backchannel/authentication", "USER_IDENTIFICATION", "/device/authorization", "OK");
        Map<String, String> refusal = Map.of("/pushed_auth_req", "UNAUTHORIZED", "/auth/revocation", "INVALID_CLIENT",
                "/backchannel/authentication", "UNAUTHORIZED", "/device/authorization", "UNAUTHORIZED");
        request.forEach((path, parameters) -> {
            String withAssertion = parameters + "&client_assertion=" + assertion(client, c -> c)
                    + "&client_assertion_type=" + MockHttp.enc(ClientAssertionMaker.TYPE);
            HttpReply ok = api.post(path, Map.of("parameters", withAssertion));
            assertThat(ok.action()).as(path + " " + ok).isEqualTo(success.get(path));
            HttpReply replayed = api.post(path, Map.of("parameters", withAssertion));
            assertThat(replayed.action()).as(path + " " + replayed).isEqualTo(refusal.get(path));
            HttpReply withSecret = api.post(path, Map.of("parameters", parameters, "clientId", id, "clientSecret", client.secret()));
            assertThat(withSecret.action()).as(path + " " + withSecret).isEqualTo(refusal.get(path));
            assertThat(withSecret.oauthError()).isEqualTo("invalid_client");
        });
    }

    @Test
    void mutualTlsAtTheOtherEndpoints() {
        Flows.Client client = client("TLS_CLIENT_AUTH", "tlsClientAuthSanUri", "https://client.example.com/app");
        String parameters = "token=unknown-token&client_id=" + client.id();
        assertThat(api.post("/auth/revocation", Map.of("parameters", parameters, "clientCertificate", CERT_A)).action()).isEqualTo("OK");
        assertThat(api.post("/auth/revocation", Map.of("parameters", parameters, "clientCertificate", CERT_B)).action())
                .isEqualTo("INVALID_CLIENT");
        String par = "response_type=code&client_id=" + client.id() + "&redirect_uri=" + MockHttp.enc(Flows.REDIRECT_URI);
        assertThat(api.post("/pushed_auth_req", Map.of("parameters", par, "clientCertificate", CERT_A)).action()).isEqualTo("CREATED");
        assertThat(api.post("/pushed_auth_req", Map.of("parameters", par, "clientCertificate", CERT_B)).action()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void theJavaSdkAuthenticatesWithAssertionsAndCertificates() {
        AuthleteApi sdk = JavaSdk.api(mock);
        Flows.Client client = privateKeyJwtClient();
        String assertion = "&client_assertion=" + assertion(client, c -> c) + "&client_assertion_type=" + MockHttp.enc(ClientAssertionMaker.TYPE);
        TokenResponse token = sdk.token(new TokenRequest().setParameters("grant_type=client_credentials" + assertion));
        assertThat(token.getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(token.getClientAuthMethod()).isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThat(sdk.token(new TokenRequest().setParameters("grant_type=client_credentials" + assertion)).getAction())
                .isEqualTo(TokenResponse.Action.INVALID_CLIENT);
        assertThat(sdk.token(new TokenRequest().setParameters("grant_type=client_credentials")
                .setClientId(Long.toString(client.id())).setClientSecret(client.secret())).getAction())
                .isEqualTo(TokenResponse.Action.INVALID_CLIENT);

        Flows.Client mtls = client("TLS_CLIENT_AUTH", "tlsClientAuthSanEmail", "client@example.com");
        String mtlsId = "client_id=" + mtls.id();
        PushedAuthReqResponse pushed = sdk.pushAuthorizationRequest(new PushedAuthReqRequest().setClientCertificate(CERT_A)
                .setParameters("response_type=code&redirect_uri=" + MockHttp.enc(Flows.REDIRECT_URI) + "&" + mtlsId));
        assertThat(pushed.getAction()).isEqualTo(PushedAuthReqResponse.Action.CREATED);
        assertThat(pushed.getClientAuthMethod()).isEqualTo(ClientAuthMethod.TLS_CLIENT_AUTH);
        assertThat(sdk.revocation(new RevocationRequest().setClientCertificate(CERT_B).setParameters("token=t&" + mtlsId)).getAction())
                .isEqualTo(RevocationResponse.Action.INVALID_CLIENT);
        assertThat(sdk.revocation(new RevocationRequest().setClientCertificate(CERT_A).setParameters("token=t&" + mtlsId)).getAction())
                .isEqualTo(RevocationResponse.Action.OK);
        assertThat(sdk.backchannelAuthentication(new BackchannelAuthenticationRequest().setClientCertificate(CERT_A)
                .setParameters("scope=openid&login_hint=alice&" + mtlsId)).getAction())
                .isEqualTo(BackchannelAuthenticationResponse.Action.USER_IDENTIFICATION);
        assertThat(sdk.deviceAuthorization(new DeviceAuthorizationRequest().setClientCertificate(CERT_B)
                .setParameters("scope=openid&" + mtlsId)).getAction())
                .isEqualTo(DeviceAuthorizationResponse.Action.UNAUTHORIZED);
    }
}
