package io.github.authletetestkit.flows.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A FAPI 2.0 security profile client, end to end: a signed request object with PKCE S256 pushed by PAR, the
 * front channel by {@code request_uri} only, the code redeemed and the token introspected as a resource server
 * does. Two variants, as FAPI 2.0 allows:
 * <ul>
 *   <li>{@code fapi2-dpop}: {@code private_key_jwt} at PAR and token, DPoP-bound tokens;</li>
 *   <li>{@code fapi2-mtls}: {@code tls_client_auth} with a certificate, certificate-bound tokens, and the
 *       authorization response as JARM, verified with the service's published JWK Set.</li>
 * </ul>
 * The client makes its own key pair and registers its public JWK Set inline; the certificate of the mTLS variant
 * is a fixed self-signed test certificate (only its public part is ever sent).
 */
public final class Fapi2Flow implements Flow {

    static final String RESOURCE = "https://rs.example.com/fapi/resource";
    private static final String CERTIFICATE_RESOURCE = "fapi-client-certificate.pem";

    private final boolean mtls;

    public Fapi2Flow(boolean mtls) {
        this.mtls = mtls;
    }

    @Override
    public String id() {
        return mtls ? "fapi2-mtls" : "fapi2-dpop";
    }

    @Override
    public String title() {
        return mtls ? "FAPI 2.0: PAR + signed request object + PKCE, tls_client_auth, certificate-bound tokens, JARM"
                : "FAPI 2.0: PAR + signed request object + PKCE, private_key_jwt, DPoP-bound tokens";
    }

    @Override
    public List<String> operations() {
        return List.of("service_get_api", "client_create_api", "pushed_auth_req_api", "auth_authorization_api",
                "auth_authorization_issue_api", "auth_token_api", "auth_introspection_api", "service_jwks_get_api",
                "client_delete_api");
    }

    @Override
    public boolean createsResources() {
        return true;
    }

    @Override
    public Optional<String> unsupportedBy(ServiceProfile service) {
        return service.requireCodeFlow();
    }

    @Override
    public void run(FlowContext ctx) throws InterruptedException {
        Reply service = ctx.call(Step.get("read service", "service_get_api", "/service/get").management().expect(200).fields("issuer"));
        String issuer = service.text("issuer");
        String tokenEndpoint = Optional.ofNullable(service.text("tokenEndpoint")).orElse(issuer + "/token");

        FapiClientKey key = FapiClientKey.generate();
        String certificate = mtls ? certificate() : null;
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("jwks", key.publicJwks());
        registration.put("requestSignAlg", "ES256");
        if (mtls) {
            registration.put("tokenAuthMethod", "TLS_CLIENT_AUTH");
            registration.put("tlsClientAuthSubjectDn", parse(certificate).getSubjectX500Principal().getName());
            registration.put("tlsClientCertificateBoundAccessTokens", true);
        } else {
            registration.put("tokenAuthMethod", "PRIVATE_KEY_JWT");
            registration.put("tokenAuthSignAlg", "ES256");
            registration.put("dpopRequired", true);
        }
        Fixtures.TestClient client = Fixtures.createClient(ctx, List.of("AUTHORIZATION_CODE"), registration);
        String clientId = client.idText();

        String verifier = Fixtures.codeVerifier();
        Map<String, String> authorization = Fixtures.codeRequest(client, "code_challenge", Fixtures.s256(verifier),
                "code_challenge_method", "S256");
        if (mtls) {
            authorization.put("response_mode", "jwt");
        }
        Map<String, String> pushed = new LinkedHashMap<>();
        pushed.put("client_id", clientId);
        pushed.put("request", key.requestObject(clientId, issuer, authorization));
        Reply par = ctx.call(authenticated(Step.post("pushed authorization request (signed request object)", "pushed_auth_req_api",
                "/pushed_auth_req"), pushed, key, issuer, certificate).expect(200, "CREATED").fields("requestUri"));

        Map<String, String> frontChannel = Map.of("client_id", clientId, "request_uri", par.text("requestUri"));
        String code = mtls ? jarmCode(ctx, frontChannel, clientId, issuer) : Fixtures.authorizationCode(ctx, frontChannel);

        Map<String, Object> token = new LinkedHashMap<>();
        if (!mtls) {
            token.put("dpop", key.dpopProof("POST", tokenEndpoint, null));
            token.put("htm", "POST");
            token.put("htu", tokenEndpoint);
        }
        Map<String, String> exchange = Fixtures.codeExchange(code, "client_id", clientId, "code_verifier", verifier);
        Reply tokens = ctx.call(authenticated(Step.post(mtls ? "code exchange (client certificate)" : "code exchange (DPoP proof)",
                "auth_token_api", "/auth/token"), exchange, token, key, issuer, certificate).expect(200, "OK").fields("accessToken"));
        ctx.check((mtls ? "Bearer" : "DPoP").equals(tokens.content().path("token_type").asText()),
                "the token response's token_type is " + tokens.content().path("token_type").asText());
        String accessToken = tokens.text("accessToken");

        Map<String, Object> unbound = Map.of("token", accessToken);
        ctx.call(Step.post("introspection without the binding's proof", "auth_introspection_api", "/auth/introspection")
                .json(unbound).expect(200, "UNAUTHORIZED"));
        Map<String, Object> bound = new LinkedHashMap<>(unbound);
        if (mtls) {
            bound.put("clientCertificate", certificate);
        } else {
            bound.put("dpop", key.dpopProof("GET", RESOURCE, accessToken));
            bound.put("htm", "GET");
            bound.put("htu", RESOURCE);
        }
        ctx.call(Step.post(mtls ? "introspection with the client certificate" : "introspection with a DPoP proof",
                "auth_introspection_api", "/auth/introspection").json(bound).expect(200, "OK"));
    }

    /** The step with the form {@code parameters} and the client's credentials: a client assertion, or the certificate. */
    private Step authenticated(Step step, Map<String, String> parameters, FapiClientKey key, String issuer, String certificate) {
        return authenticated(step, parameters, Map.of(), key, issuer, certificate);
    }

    private Step authenticated(Step step, Map<String, String> parameters, Map<String, Object> members, FapiClientKey key,
                               String issuer, String certificate) {
        Map<String, String> form = new LinkedHashMap<>(parameters);
        Map<String, Object> body = new LinkedHashMap<>(members);
        if (mtls) {
            body.put("clientCertificate", certificate);
        } else {
            form.put("client_assertion_type", FapiClientKey.ASSERTION_TYPE);
            form.put("client_assertion", key.clientAssertion(form.get("client_id"), issuer));
        }
        body.put("parameters", Fixtures.form(form));
        return step.json(body);
    }

    /** Authorization by {@code request_uri} and approval; the code comes back only inside the signed JARM response. */
    private static String jarmCode(FlowContext ctx, Map<String, String> frontChannel, String clientId, String issuer)
            throws InterruptedException {
        Reply authorized = ctx.call(Fixtures.authorization("authorization request", frontChannel).expect(200, "INTERACTION").fields("ticket"));
        Reply issued = ctx.call(Fixtures.issue(authorized.text("ticket")).expect(200, "LOCATION").fields("authorizationCode", "responseContent"));
        Reply jwks = ctx.call(Step.get("read the service's JWK Set", "service_jwks_get_api", "/service/jwks/get").expect(200));
        JWTClaimsSet claims = JarmResponse.verifiedClaims(ctx, issued.text("responseContent"), jwks.body());
        try {
            ctx.check(issuer.equals(claims.getIssuer()), "the JARM response's iss is " + claims.getIssuer());
            ctx.check(claims.getAudience().contains(clientId), "the JARM response's aud is " + claims.getAudience());
            ctx.check("contract-state".equals(claims.getStringClaim("state")), "the JARM response lacks the state");
            String code = claims.getStringClaim("code");
            ctx.check(issued.text("authorizationCode").equals(code), "the JARM response does not carry the authorization code");
            return code;
        } catch (ParseException e) {
            throw new FlowFailure("the JARM response's claims cannot be read: " + e.getMessage(), e);
        }
    }

    private static String certificate() {
        try (InputStream in = Fapi2Flow.class.getResourceAsStream(CERTIFICATE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + CERTIFICATE_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509Certificate parse(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalStateException("the test certificate cannot be read", e);
        }
    }
}
