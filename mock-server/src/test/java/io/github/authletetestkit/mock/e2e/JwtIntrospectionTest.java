package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.dto.StandardIntrospectionRequest;
import com.authlete.common.dto.StandardIntrospectionResponse;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.github.authletetestkit.mock.testing.HttpReply;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 9701: a resource server that asks for {@code application/token-introspection+jwt} gets a signed (encrypted) JWT. */
class JwtIntrospectionTest extends MockServerTestBase {

    private static final String RS = "https://rs.example.com";

    private JWKSet publishedKeys() throws Exception {
        return JWKSet.parse(api.get("/service/jwks/get").body());
    }

    @Test
    void theSdksJwtIntrospectionIsSignedWithTheServicesPublishedKey() throws Exception {
        String accessToken = flows.codeFlow(flows.confidentialClient(), "scope", "openid").text("accessToken");

        StandardIntrospectionResponse reply = JavaSdk.api(mock).standardIntrospection(new StandardIntrospectionRequest()
                .setParameters("token=" + accessToken).setHttpAcceptHeader("application/token-introspection+jwt").setRsUri(java.net.URI.create(RS)));

        assertThat(reply.getAction()).isEqualTo(StandardIntrospectionResponse.Action.JWT);
        SignedJWT jwt = SignedJWT.parse(reply.getResponseContent());
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("token-introspection+jwt");
        assertThat(jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(
                publishedKeys().getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(api.get("/service/get").json().get("issuer").asText());
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(RS);
        Map<String, Object> introspection = jwt.getJWTClaimsSet().getJSONObjectClaim("token_introspection");
        assertThat(introspection).containsEntry("active", true).containsEntry("sub", Flows.SUBJECT).containsEntry("scope", "openid");
    }

    @Test
    void anUnknownTokenIsAnInactiveJwtAndPlainJsonStaysTheDefault() throws Exception {
        HttpReply jwt = api.post("/auth/introspection/standard", Map.of("parameters", "token=nope",
                "httpAcceptHeader", "application/token-introspection+jwt"));
        HttpReply json = api.post("/auth/introspection/standard", Map.of("parameters", "token=nope", "httpAcceptHeader", "application/json"));

        assertThat(jwt.action()).isEqualTo("JWT");
        assertThat(SignedJWT.parse(jwt.text("responseContent")).getJWTClaimsSet().getJSONObjectClaim("token_introspection"))
                .isEqualTo(Map.of("active", false));
        assertThat(json.action()).isEqualTo("OK");
        assertThat(json.text("responseContent")).isEqualTo("{\"active\":false}");
    }

    @Test
    void hmacAndEncryptionFollowWhatTheResourceServerAsks() throws Exception {
        String accessToken = flows.codeFlow(flows.confidentialClient()).text("accessToken");
        RSAKey rsKey = new RSAKeyGenerator(2048).keyID("rs-enc").generate();
        String secret = "a-shared-secret-of-the-resource-server-32+";

        HttpReply reply = api.post("/auth/introspection/standard", Map.of("parameters", "token=" + accessToken,
                "httpAcceptHeader", "application/token-introspection+jwt", "introspectionSignAlg", "HS256", "sharedKeyForSign", secret,
                "introspectionEncryptionAlg", "RSA-OAEP-256", "introspectionEncryptionEnc", "A256GCM",
                "publicKeyForEncryption", rsKey.toPublicJWK().toJSONString()));

        assertThat(reply.action()).as(reply.toString()).isEqualTo("JWT");
        JWEObject jwe = JWEObject.parse(reply.text("responseContent"));
        assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.RSA_OAEP_256);
        assertThat(jwe.getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
        jwe.decrypt(new RSADecrypter(rsKey));
        SignedJWT inner = jwe.getPayload().toSignedJWT();
        assertThat(inner.verify(new MACVerifier(secret))).isTrue();
        assertThat(inner.getJWTClaimsSet().getJSONObjectClaim("token_introspection")).containsEntry("active", true);
    }

    @Test
    void aResponseThatCannotBeMadeIsTheServicesError() {
        HttpReply noSecret = api.post("/auth/introspection/standard", Map.of("parameters", "token=nope",
                "httpAcceptHeader", "application/token-introspection+jwt", "introspectionSignAlg", "HS256"));
        HttpReply noPublicKey = api.post("/auth/introspection/standard", Map.of("parameters", "token=nope",
                "httpAcceptHeader", "application/token-introspection+jwt", "introspectionEncryptionAlg", "RSA-OAEP-256"));

        assertThat(noSecret.action()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(noSecret.content().get("error_description").asText()).contains("sharedKeyForSign");
        assertThat(noPublicKey.action()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(noPublicKey.content().get("error_description").asText()).contains("publicKeyForEncryption");
    }
}
