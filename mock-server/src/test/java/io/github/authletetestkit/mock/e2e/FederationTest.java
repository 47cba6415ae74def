package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import io.github.authletetestkit.mock.testing.FederationFixture;
import io.github.authletetestkit.mock.testing.HttpReply;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OpenID Federation: the service's entity configuration, and explicit registration checked against its anchors. */
class FederationTest extends MockServerTestBase {

    private ECKey opKey;

    @BeforeEach
    void keys() throws Exception {
        opKey = new ECKeyGenerator(Curve.P_256).keyID("op-federation").generate();
    }

    private void enableFederation(FederationFixture federation, List<String> registrationTypes) {
        HttpReply updated = api.post("/service/update", Map.of("federationEnabled", true,
                "federationJwks", new JWKSet(opKey).toString(false), "federationSignatureKeyId", "op-federation",
                "authorityHints", List.of("https://federation.example.com"), "organizationName", "Example AS",
                "supportedClientRegistrationTypes", registrationTypes, "trustAnchors", federation.trustAnchors()));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    }

    private JWSObject verifiedByOp(String jwt) throws Exception {
        JWSObject jws = JWSObject.parse(jwt);
        assertThat(jws.verify(new ECDSAVerifier(opKey.toPublicJWK()))).as("signed with the service's federation key").isTrue();
        assertThat(jws.getHeader().getType().getType()).isEqualTo("entity-statement+jwt");
        return jws;
    }

    private HttpReply register(Map<String, Object> request) {
        return api.post("/federation/registration", request);
    }

    @Test
    void withoutFederationBothEndpointsAreNotFound() {
        assertThat(api.post("/federation/configuration", Map.of()).action()).isEqualTo("NOT_FOUND");
        assertThat(register(Map.of("trustChain", "[]")).action()).isEqualTo("NOT_FOUND");
    }

    @Test
    void theEntityConfigurationIsSignedAndBuiltFromTheServiceSettings() throws Exception {
        enableFederation(new FederationFixture(Instant.now()), List.of("EXPLICIT"));

        HttpReply reply = api.post("/federation/configuration", Map.of());

        assertThat(reply.action()).as(reply.toString()).isEqualTo("OK");
        Map<String, Object> claims = verifiedByOp(reply.text("responseContent")).getPayload().toJSONObject();
        String issuer = api.get("/service/get").json().get("issuer").asText();
        assertThat(claims).containsEntry("iss", issuer).containsEntry("sub", issuer)
                .containsEntry("authority_hints", List.of("https://federation.example.com"));
        assertThat(claims.get("jwks").toString()).contains("op-federation").doesNotContain("\"d\"");
        JsonNode metadata = io.github.authletetestkit.mock.model.Json.MAPPER.valueToTree(claims.get("metadata"));
        assertThat(metadata.at("/openid_provider/issuer").asText()).isEqualTo(issuer);
        assertThat(metadata.at("/openid_provider/client_registration_types_supported").toString()).isEqualTo("[\"explicit\"]");
        assertThat(metadata.at("/federation_entity/organization_name").asText()).isEqualTo("Example AS");
    }

    @Test
    void aRelyingPartyWithASoundTrustChainIsRegistered() throws Exception {
        FederationFixture federation = new FederationFixture(Instant.now());
        enableFederation(federation, List.of("EXPLICIT"));

        HttpReply reply = register(Map.of("trustChain", io.github.authletetestkit.mock.model.Json.write(federation.chainThroughIntermediate())));

        assertThat(reply.action()).as(reply.toString()).isEqualTo("OK");
        long clientId = reply.json().at("/client/clientId").asLong();
        JsonNode client = api.get("/client/get/" + clientId).json();
        assertThat(client.get("entityId").asText()).isEqualTo(FederationFixture.LEAF);
        assertThat(client.get("trustAnchorId").asText()).isEqualTo(federation.anchor);
        assertThat(client.get("explicitlyRegistered").asBoolean()).isTrue();
        assertThat(client.get("redirectUris").toString()).isEqualTo("[\"https://rp.example.com/cb\"]");
        assertThat(client.get("tokenAuthMethod").asText()).isEqualTo("PRIVATE_KEY_JWT");
        assertThat(client.get("trustChain")).hasSize(4);
        Map<String, Object> statement = verifiedByOp(reply.text("responseContent")).getPayload().toJSONObject();
        assertThat(statement).containsEntry("sub", FederationFixture.LEAF).containsEntry("aud", FederationFixture.LEAF)
                .containsEntry("trust_anchor_id", federation.anchor);
        assertThat(statement.get("metadata").toString()).contains("client_id=" + clientId);
    }

    @Test
    void withoutAChainTheServiceResolvesItFromTheAuthorityHints() throws Exception {
        HttpServer anchorServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String anchor = "http://127.0.0.1:" + anchorServer.getAddress().getPort();
        FederationFixture federation = new FederationFixture(Instant.now(), anchor);
        String aboutLeaf = federation.directChain().get(1);
        serve(anchorServer, "/.well-known/openid-federation", federation.anchorConfiguration(anchor + "/fetch"));
        serve(anchorServer, "/fetch", aboutLeaf);
        anchorServer.start();
        try {
            enableFederation(federation, List.of("EXPLICIT", "AUTOMATIC"));

            HttpReply reply = register(Map.of("entityConfiguration", federation.leafConfiguration(List.of(anchor))));

            assertThat(reply.action()).as(reply.toString()).isEqualTo("OK");
            assertThat(reply.json().at("/client/trustChain")).hasSize(3);
        } finally {
            anchorServer.stop(0);
        }
    }

    @Test
    void chainsTheServiceCannotTrustAreRefusedAndRegisterNothing() {
        FederationFixture federation = new FederationFixture(Instant.now());
        FederationFixture stranger = new FederationFixture(Instant.now(), "https://rogue-anchor.example.com");
        enableFederation(federation, List.of("EXPLICIT"));
        int clientsBefore = api.get("/client/get/list").json().get("totalCount").asInt();

        HttpReply untrusted = register(Map.of("trustChain", io.github.authletetestkit.mock.model.Json.write(stranger.directChain())));
        HttpReply notAnArray = register(Map.of("trustChain", "{}"));
        HttpReply empty = register(Map.of());
        HttpReply unreachable = register(Map.of("entityConfiguration", federation.leafConfiguration(List.of("http://127.0.0.1:9"))));

        assertThat(untrusted.action()).isEqualTo("BAD_REQUEST");
        assertThat(untrusted.oauthError()).isEqualTo("invalid_trust_anchor");
        assertThat(notAnArray.oauthError()).isEqualTo("invalid_trust_chain");
        assertThat(empty.oauthError()).isEqualTo("invalid_request");
        assertThat(unreachable.oauthError()).isEqualTo("invalid_trust_chain");
        assertThat(api.get("/client/get/list").json().get("totalCount").asInt()).isEqualTo(clientsBefore);
    }

    @Test
    void explicitRegistrationMustBeSupported() {
        FederationFixture federation = new FederationFixture(Instant.now());
        enableFederation(federation, List.of("AUTOMATIC"));

        HttpReply reply = register(Map.of("trustChain", io.github.authletetestkit.mock.model.Json.write(federation.directChain())));

        assertThat(reply.action()).isEqualTo("BAD_REQUEST");
        assertThat(reply.oauthError()).isEqualTo("invalid_request");
    }

    private static void serve(HttpServer server, String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/entity-statement+jwt");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }
}
