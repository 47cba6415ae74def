package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.AuthorizationRequest;
import com.authlete.common.dto.AuthorizationResponse;
import com.authlete.common.dto.PushedAuthReqRequest;
import com.authlete.common.dto.PushedAuthReqResponse;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.github.authletetestkit.mock.testing.ClientAssertionMaker;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.MockHttp;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Request objects (JAR, RFC 9101): signed, encrypted, required, FAPI-checked; by value and through PAR. */
class RequestObjectTest extends MockServerTestBase {

    private static final String ISSUER = "https://as.example.com";

    private ECKey key;

    @BeforeAll
    void keys() throws Exception {
        key = new ECKeyGenerator(Curve.P_256).keyID("ro-key").generate();
    }

    private Flows.Client client(Object... members) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("jwks", new JWKSet(key.toPublicJWK()).toString());
        for (int i = 0; i + 1 < members.length; i += 2) {
            overrides.put((String) members[i], members[i + 1]);
        }
        return flows.createClient("CONFIDENTIAL", overrides);
    }

    /** A request object's claims: the authorization request of {@code client}, with {@code state=ro-state}. */
    private UnaryOperator<JWTClaimsSet.Builder> request(Flows.Client client, UnaryOperator<JWTClaimsSet.Builder> change) {
        return c -> change.apply(c.audience(ISSUER).claim("response_type", "code").claim("client_id", Long.toString(client.id()))
                .claim("redirect_uri", Flows.REDIRECT_URI).claim("scope", "openid").claim("state", "ro-state").claim("nonce", "n-1")
                .notBeforeTime(Date.from(now())));
    }

    private Instant now() {
        return mock.clock().instant();
    }

    private String signed(Flows.Client client, UnaryOperator<JWTClaimsSet.Builder> change) {
        return ClientAssertionMaker.sign(key, JWSAlgorithm.ES256, Long.toString(client.id()), ISSUER, now(), request(client, change));
    }

    private HttpReply authorize(Flows.Client client, String requestObject) {
        return api.post("/auth/authorization", Map.of("parameters",
                "client_id=" + client.id() + "&request=" + MockHttp.enc(requestObject)));
    }

    private static void assertRefused(HttpReply reply, String description) {
        assertThat(reply.action()).as(reply.toString()).isEqualTo("BAD_REQUEST");
        assertThat(reply.oauthError()).isEqualTo("invalid_request_object");
        assertThat(reply.content().get("error_description").asText()).contains(description);
    }

    @Test
    void aSignedRequestObjectSuppliesTheParameters() {
        Flows.Client client = client("requestSignAlg", "ES256");
        HttpReply accepted = authorize(client, signed(client, c -> c));
        assertThat(accepted.action()).as(accepted.toString()).isEqualTo("INTERACTION");
        HttpReply issued = flows.issue(accepted.text("ticket"), Map.of());
        assertThat(Flows.redirectParam(issued.text("responseContent"), "state")).isEqualTo("ro-state");
        assertThat(accepted.json().get("scopes").get(0).get("name").asText()).isEqualTo("openid");
    }

    @Test
    void aWrongKeyAlgorithmOrClientIsRefused() throws Exception {
        Flows.Client client = client("requestSignAlg", "ES256");
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("ro-key").generate();
        assertRefused(authorize(client, ClientAssertionMaker.sign(stranger, JWSAlgorithm.ES256, Long.toString(client.id()), ISSUER,
                now(), request(client, c -> c))), "signature");
        assertRefused(authorize(client, ClientAssertionMaker.sign(new RSAKeyGenerator(2048).generate(), JWSAlgorithm.RS256,
                Long.toString(client.id()), ISSUER, now(), request(client, c -> c))), "requestSignAlg is ES256");
        assertRefused(authorize(client, new PlainJWT(request(client, c -> c).apply(new JWTClaimsSet.Builder()).build()).serialize()),
                "not signed");
        assertRefused(authorize(client, signed(client, c -> c.claim("client_id", "someone-else"))), "'client_id'");
        assertRefused(authorize(client, "not-a-jwt"), "cannot be parsed");
    }

    @Test
    void anUnsignedOrSecretSignedObjectPassesWhenTheClientAsksNoAlgorithm() {
        Flows.Client client = client();
        String plain = new PlainJWT(request(client, c -> c).apply(new JWTClaimsSet.Builder()).build()).serialize();
        assertThat(authorize(client, plain).action()).isEqualTo("INTERACTION");
        String hmac = ClientAssertionMaker.sign(new com.nimbusds.jose.jwk.OctetSequenceKey.Builder(
                client.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8)).build(), JWSAlgorithm.HS256,
                Long.toString(client.id()), ISSUER, now(), request(client, c -> c));
        assertThat(authorize(client, hmac).action()).isEqualTo("INTERACTION");
    }

    @Test
    void timeClaimsAreChecked() {
        Flows.Client client = client();
        assertRefused(authorize(client, signed(client, c -> c.expirationTime(Date.from(now().minusSeconds(1))))), "expired");
        assertRefused(authorize(client, signed(client, c -> c.notBeforeTime(Date.from(now().plusSeconds(300))))), "not valid before");
    }

    @Test
    void aRequiredRequestObjectMustBeThere() {
        Flows.Client client = client("requestObjectRequired", true);
        HttpReply plain = flows.authorize(Flows.codeRequest(client));
        assertRefused(plain, "client requires one");
        assertThat(authorize(client, signed(client, c -> c)).action()).isEqualTo("INTERACTION");

        api.post("/service/update", Map.of("requestObjectRequired", true));
        assertRefused(flows.authorize(Flows.codeRequest(client())), "service requires one");
    }

    @Test
    void theAudienceIsCheckedWhenTheServiceSaysSo() {
        api.post("/service/update", Map.of("requestObjectAudienceChecked", true));
        Flows.Client client = client();
        assertRefused(authorize(client, signed(client, c -> c.audience("https://elsewhere.example.com"))), "'aud'");
        assertThat(authorize(client, signed(client, c -> c)).action()).isEqualTo("INTERACTION");
    }

    @Test
    void underFapiTheObjectMustBeSignedAndShortLived() {
        api.post("/service/update", Map.of("supportedServiceProfiles", List.of("FAPI")));
        Flows.Client client = client();
        UnaryOperator<JWTClaimsSet.Builder> fapi = c -> c.expirationTime(Date.from(now().plusSeconds(300)));
        assertThat(authorize(client, signed(client, fapi)).action()).isEqualTo("INTERACTION");
        assertRefused(authorize(client, signed(client, c -> c.notBeforeTime(null))), "'exp' and 'nbf'");
        assertRefused(authorize(client, signed(client, c -> c.expirationTime(Date.from(now().plusSeconds(7200))))), "at most 60 minutes");
        assertRefused(authorize(client, signed(client, c -> fapi.apply(c).notBeforeTime(Date.from(now().minusSeconds(7200)))
                .expirationTime(Date.from(now().plusSeconds(60))))), "no older than 60 minutes");
        assertRefused(authorize(client, signed(client, c -> fapi.apply(c).audience("https://elsewhere.example.com"))), "'aud'");
        assertRefused(authorize(client, new PlainJWT(fapi.apply(request(client, c -> c).apply(new JWTClaimsSet.Builder())).build())
                .serialize()), "not signed");
    }

    @Test
    void anEncryptedRequestObjectIsDecryptedWithTheServiceKey() throws Exception {
        Flows.Client client = client("requestSignAlg", "ES256");
        RSAKey serviceKey = JWKSet.parse(api.get("/service/jwks/get").body()).getKeys().stream()
                .filter(k -> k instanceof RSAKey).map(JWK::toRSAKey).findFirst().orElseThrow();
        assertThat(authorize(client, encrypted(signed(client, c -> c), serviceKey)).action()).isEqualTo("INTERACTION");
        assertRefused(authorize(client, encrypted(signed(client, c -> c), new RSAKeyGenerator(2048).generate().toPublicJWK())),
                "cannot be decrypted");
    }

    private static String encrypted(String jws, RSAKey to) throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM).contentType("JWT")
                .build(), new Payload(jws));
        jwe.encrypt(new RSAEncrypter(to));
        return jwe.serialize();
    }

    @Test
    void aPushedRequestObjectIsCheckedAtParAndUsedByReference() {
        Flows.Client client = client("requestSignAlg", "ES256", "requestObjectRequired", true);
        Map<String, Object> push = Map.of("parameters", "request=" + MockHttp.enc(signed(client, c -> c)),
                "clientId", Long.toString(client.id()), "clientSecret", client.secret());
        HttpReply pushed = api.post("/pushed_auth_req", push);
        assertThat(pushed.action()).as(pushed.toString()).isEqualTo("CREATED");
        HttpReply accepted = api.post("/auth/authorization", Map.of("parameters",
                "client_id=" + client.id() + "&request_uri=" + MockHttp.enc(pushed.text("requestUri"))));
        assertThat(accepted.action()).as(accepted.toString()).isEqualTo("INTERACTION");
        assertThat(Flows.redirectParam(flows.issue(accepted.text("ticket"), Map.of()).text("responseContent"), "state"))
                .isEqualTo("ro-state");

        HttpReply forged = api.post("/pushed_auth_req", Map.of("parameters", "request=" + MockHttp.enc(
                signed(client, c -> c.expirationTime(Date.from(now().minusSeconds(5))))),
                "clientId", Long.toString(client.id()), "clientSecret", client.secret()));
        assertRefused(forged, "expired");
        HttpReply without = api.post("/pushed_auth_req", Map.of("parameters", "response_type=code&redirect_uri="
                + MockHttp.enc(Flows.REDIRECT_URI), "clientId", Long.toString(client.id()), "clientSecret", client.secret()));
        assertRefused(without, "client requires one");
    }

    @Test
    void theJavaSdkSendsRequestObjects() {
        AuthleteApi sdk = JavaSdk.api(mock);
        Flows.Client client = client("requestSignAlg", "ES256");
        AuthorizationResponse accepted = sdk.authorization(new AuthorizationRequest().setParameters(
                "client_id=" + client.id() + "&request=" + MockHttp.enc(signed(client, c -> c))));
        assertThat(accepted.getAction()).isEqualTo(AuthorizationResponse.Action.INTERACTION);
        AuthorizationResponse refused = sdk.authorization(new AuthorizationRequest().setParameters(
                "client_id=" + client.id() + "&request=" + MockHttp.enc(signed(client, c -> c.expirationTime(Date.from(now().minusSeconds(1)))))));
        assertThat(refused.getAction()).isEqualTo(AuthorizationResponse.Action.BAD_REQUEST);
        PushedAuthReqResponse pushed = sdk.pushAuthorizationRequest(new PushedAuthReqRequest()
                .setParameters("request=" + MockHttp.enc(signed(client, c -> c)))
                .setClientId(Long.toString(client.id())).setClientSecret(client.secret()));
        assertThat(pushed.getAction()).isEqualTo(PushedAuthReqResponse.Action.CREATED);
    }
}
