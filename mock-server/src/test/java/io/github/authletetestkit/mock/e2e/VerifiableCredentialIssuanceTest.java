package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import io.github.authletetestkit.mock.internal.vci.Credentials;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.testing.HttpReply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OpenID4VCI end to end: offer, pre-authorized code, token, key proof, credential (single, batch, deferred). */
class VerifiableCredentialIssuanceTest extends MockServerTestBase {

    static final String ISSUER = "https://issuer.example.com";
    static final String IDENTITY = "IdentityCredential";
    static final String DEGREE = "UniversityDegree";
    static final String MDL = "mDL";
    private static final String PRE_AUTHORIZED = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    private ECKey issuerKey;
    private ECKey holderKey;
    private Flows.Client wallet;

    @BeforeEach
    void enableCredentialIssuance() throws Exception {
        issuerKey = new ECKeyGenerator(Curve.P_256).keyID("issuer-1").keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE).generate();
        holderKey = new ECKeyGenerator(Curve.P_256).keyID("holder").generate();
        List<String> grantTypes = new ArrayList<>();
        api.get("/service/get").json().get("supportedGrantTypes").forEach(g -> grantTypes.add(g.asText()));
        grantTypes.add("PRE_AUTHORIZED_CODE");
        String configurations = Json.write(Map.of(
                IDENTITY, Map.of("format", "vc+sd-jwt", "vct", "https://credentials.example.com/identity"),
                DEGREE, Map.of("format", "jwt_vc_json", "credential_definition",
                        Map.of("type", List.of("VerifiableCredential", "UniversityDegreeCredential"))),
                MDL, Map.of("format", "mso_mdoc", "doctype", "org.iso.18013.5.1.mDL")));
        HttpReply updated = api.post("/service/update", Map.of("verifiableCredentialsEnabled", true,
                "supportedGrantTypes", grantTypes, "credentialJwks", new JWKSet(issuerKey).toString(false),
                "credentialIssuerMetadata", Map.of("credentialIssuer", ISSUER, "credentialEndpoint", ISSUER + "/credential",
                        "credentialsSupported", configurations)));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        wallet = flows.createClient("PUBLIC", Map.of("grantTypes", List.of("PRE_AUTHORIZED_CODE")));
    }

    private JsonNode offer(Map<String, Object> extra) {
        Map<String, Object> request = new HashMap<>(Map.of("preAuthorizedCodeGrantIncluded", true, "subject", "alice",
                "credentialConfigurationIds", List.of(IDENTITY, DEGREE)));
        request.putAll(extra);
        HttpReply reply = api.post("/vci/offer/create", request);
        assertThat(reply.action()).as(reply.toString()).isEqualTo("CREATED");
        return reply.json().get("info");
    }

    private HttpReply preAuthorizedToken(String code, String txCode) {
        Map<String, String> params = new LinkedHashMap<>(Map.of("grant_type", PRE_AUTHORIZED, "pre-authorized_code", code));
        if (txCode != null) {
            params.put("tx_code", txCode);
        }
        return flows.token(wallet, params);
    }

    private HttpReply token() {
        HttpReply token = preAuthorizedToken(offer(Map.of()).get("preAuthorizedCode").asText(), null);
        assertThat(token.action()).as(token.toString()).isEqualTo("OK");
        return token;
    }

    private String proof(String nonce, String audience, ECKey key) throws Exception {
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("aud", audience, "iat", Instant.now().getEpochSecond()));
        if (nonce != null) {
            claims.put("nonce", nonce);
        }
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("openid4vci-proof+jwt"))
                .jwk(key.toPublicJWK()).build(), new Payload(claims));
        jws.sign(new ECDSASigner(key));
        return jws.serialize();
    }

    private HttpReply parse(String accessToken, Map<String, Object> request) {
        return api.post("/vci/single/parse", Map.of("accessToken", accessToken, "requestContent", Json.write(request)));
    }

    private Map<String, Object> credentialRequest(String configuration, String nonce) throws Exception {
        return Map.of("credential_configuration_id", configuration, "proof", Map.of("proof_type", "jwt", "jwt", proof(nonce, ISSUER, holderKey)));
    }

    private HttpReply issue(String accessToken, String requestIdentifier, Map<String, Object> orderExtra) {
        Map<String, Object> order = new HashMap<>(Map.of("requestIdentifier", requestIdentifier,
                "credentialPayload", Json.write(Map.of("given_name", "Alice", "family_name", "Doe"))));
        order.putAll(orderExtra);
        return api.post("/vci/single/issue", Map.of("accessToken", accessToken, "order", order));
    }

    @Test
    void theIssuerDocumentsComeFromTheServiceSettings() {
        JsonNode metadata = Json.parse(api.post("/vci/metadata", Map.of("pretty", false)).text("responseContent"));
        JsonNode jwks = Json.parse(api.post("/vci/jwks", Map.of("pretty", true)).text("responseContent"));
        JsonNode jwtIssuer = Json.parse(api.post("/vci/jwtissuer", Map.of("pretty", false)).text("responseContent"));

        assertThat(metadata.get("credential_issuer").asText()).isEqualTo(ISSUER);
        assertThat(metadata.get("credential_endpoint").asText()).isEqualTo(ISSUER + "/credential");
        assertThat(metadata.at("/credential_configurations_supported/" + IDENTITY + "/format").asText()).isEqualTo("vc+sd-jwt");
        assertThat(jwks.at("/keys/0/kid").asText()).isEqualTo("issuer-1");
        assertThat(jwks.at("/keys/0").has("d")).as("public keys only").isFalse();
        assertThat(jwtIssuer.get("issuer").asText()).isEqualTo(ISSUER);
        assertThat(jwtIssuer.at("/jwks/keys/0/kid").asText()).isEqualTo("issuer-1");
    }

    @Test
    void withoutVerifiableCredentialsTheEndpointsSaySo() {
        api.post("/service/update", Map.of("verifiableCredentialsEnabled", false));

        assertThat(api.post("/vci/metadata", Map.of("pretty", false)).action()).isEqualTo("NOT_FOUND");
        assertThat(api.post("/vci/offer/create", Map.of("preAuthorizedCodeGrantIncluded", true, "subject", "a",
                "credentialConfigurationIds", List.of(IDENTITY))).action()).isEqualTo("FORBIDDEN");
        assertThat(parse("any", Map.of()).action()).isEqualTo("FORBIDDEN");
    }

    @Test
    void unusableIssuerSettingsAreTheServicesFaultInBandNeverA500() {
        String accessToken = token().text("accessToken");
        api.post("/service/update", Map.of("credentialIssuerMetadata", Map.of("credentialsSupported", "not json")));

        assertThat(api.post("/vci/metadata", Map.of("pretty", false)).action()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(api.post("/vci/offer/create", Map.of("preAuthorizedCodeGrantIncluded", true, "subject", "a",
                "credentialConfigurationIds", List.of(IDENTITY))).action()).isEqualTo("AUTHLETE_ERROR");
        HttpReply parsed = parse(accessToken, Map.of("credential_configuration_id", IDENTITY));
        assertThat(parsed.status()).isEqualTo(200);
        assertThat(parsed.action()).isEqualTo("INTERNAL_SERVER_ERROR");
    }

    @Test
    void anOfferIsKeptAndItsCodeRedeemedOnceWithItsTransactionCode() {
        JsonNode info = offer(Map.of("txCode", "4711", "txCodeInputMode", "numeric"));
        JsonNode credentialOffer = Json.parse(info.get("credentialOffer").asText());
        String code = info.get("preAuthorizedCode").asText();

        assertThat(credentialOffer.at("/grants/" + PRE_AUTHORIZED.replace("/", "~1") + "/pre-authorized_code").asText()).isEqualTo(code);
        assertThat(credentialOffer.at("/grants/" + PRE_AUTHORIZED.replace("/", "~1") + "/tx_code/length").asInt()).isEqualTo(4);
        assertThat(api.post("/vci/offer/info", Map.of("identifier", info.get("identifier").asText())).json().get("info"))
                .isEqualTo(info);
        assertThat(preAuthorizedToken(code, "0000").oauthError()).as("wrong tx_code").isEqualTo("invalid_grant");
        HttpReply token = preAuthorizedToken(code, "4711");
        assertThat(token.action()).as(token.toString()).isEqualTo("OK");
        assertThat(token.json().get("grantType").asText()).isEqualTo("PRE_AUTHORIZED_CODE");
        assertThat(token.json().get("subject").asText()).isEqualTo("alice");
        assertThat(token.json().get("cnonce").asText()).isNotBlank();
        assertThat(token.content().get("c_nonce").asText()).isEqualTo(token.json().get("cnonce").asText());
        assertThat(token.content().get("authorization_details").findValuesAsText("credential_configuration_id"))
                .containsExactly(IDENTITY, DEGREE);
        assertThat(preAuthorizedToken(code, "4711").oauthError()).as("used once").isEqualTo("invalid_grant");
    }

    @Test
    void offersTheIssuerCannotMakeAreRefused() {
        HttpReply unknownConfiguration = api.post("/vci/offer/create", Map.of("preAuthorizedCodeGrantIncluded", true,
                "subject", "a", "credentialConfigurationIds", List.of("Nope")));
        HttpReply noGrant = api.post("/vci/offer/create", Map.of("credentialConfigurationIds", List.of(IDENTITY)));
        HttpReply noSubject = api.post("/vci/offer/create", Map.of("preAuthorizedCodeGrantIncluded", true,
                "credentialConfigurationIds", List.of(IDENTITY)));

        assertThat(unknownConfiguration.action()).isEqualTo("CALLER_ERROR");
        assertThat(noGrant.action()).isEqualTo("CALLER_ERROR");
        assertThat(noSubject.action()).isEqualTo("CALLER_ERROR");
        assertThat(api.post("/vci/offer/info", Map.of("identifier", "unknown")).action()).isEqualTo("NOT_FOUND");
    }

    @Test
    void anSdJwtVcCarriesTheClaimsGivenVerifiesWithTheIssuerKeysAndIsBoundToTheHolder() throws Exception {
        HttpReply token = token();
        String accessToken = token.text("accessToken");
        HttpReply parsed = parse(accessToken, credentialRequest(IDENTITY, token.text("cnonce")));
        assertThat(parsed.action()).as(parsed.toString()).isEqualTo("OK");
        assertThat(parsed.json().at("/info/format").asText()).isEqualTo("vc+sd-jwt");
        assertThat(Json.parse(parsed.json().at("/info/bindingKey").asText()).get("x").asText()).isEqualTo(holderKey.getX().toString());

        HttpReply issued = issue(accessToken, parsed.json().at("/info/identifier").asText(), Map.of());

        assertThat(issued.action()).as(issued.toString()).isEqualTo("OK");
        JsonNode content = Json.parse(issued.text("responseContent"));
        String[] parts = content.get("credential").asText().split("~");
        JWSObject jwt = JWSObject.parse(parts[0]);
        JWKSet published = JWKSet.parse(api.post("/vci/jwks", Map.of("pretty", false)).text("responseContent"));
        assertThat(jwt.verify(new ECDSAVerifier(published.getKeyByKeyId("issuer-1").toECKey()))).isTrue();
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("vc+sd-jwt");
        JsonNode claims = Json.parse(jwt.getPayload().toString());
        assertThat(claims.get("iss").asText()).isEqualTo(ISSUER);
        assertThat(claims.get("vct").asText()).isEqualTo("https://credentials.example.com/identity");
        assertThat(claims.at("/cnf/jwk/x").asText()).isEqualTo(holderKey.getX().toString());
        Map<String, String> disclosed = new HashMap<>();
        List<String> digests = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            JsonNode disclosure = Json.parse(new Base64URL(parts[i]).decodeToString());
            disclosed.put(disclosure.get(1).asText(), disclosure.get(2).asText());
            digests.add(Credentials.digest(parts[i]));
        }
        assertThat(disclosed).containsExactlyInAnyOrderEntriesOf(Map.of("given_name", "Alice", "family_name", "Doe"));
        List<String> sd = new ArrayList<>();
        claims.get("_sd").forEach(d -> sd.add(d.asText()));
        assertThat(sd).containsExactlyInAnyOrderElementsOf(digests);
        assertThat(claims.has("given_name")).as("only in a disclosure").isFalse();
        assertThat(content.get("c_nonce").asText()).isNotEqualTo(token.text("cnonce"));
        assertThat(issue(accessToken, parsed.json().at("/info/identifier").asText(), Map.of()).action())
                .as("a parsed request is issued once").isEqualTo("CALLER_ERROR");
    }

    @Test
    void aJwtVcJsonPutsThePayloadIntoTheCredentialSubject() throws Exception {
        HttpReply token = token();
        HttpReply parsed = parse(token.text("accessToken"), credentialRequest(DEGREE, token.text("cnonce")));

        HttpReply issued = issue(token.text("accessToken"), parsed.json().at("/info/identifier").asText(), Map.of());

        JWSObject jwt = JWSObject.parse(Json.parse(issued.text("responseContent")).get("credential").asText());
        assertThat(jwt.verify(new ECDSAVerifier(issuerKey.toPublicJWK()))).isTrue();
        JsonNode claims = Json.parse(jwt.getPayload().toString());
        assertThat(claims.at("/vc/type").toString()).isEqualTo("[\"VerifiableCredential\",\"UniversityDegreeCredential\"]");
        assertThat(claims.at("/vc/credentialSubject/given_name").asText()).isEqualTo("Alice");
    }

    @Test
    void badProofsAndRequestsAreRefusedAsTheServiceRefusesThem() throws Exception {
        HttpReply token = token();
        String accessToken = token.text("accessToken");
        String nonce = token.text("cnonce");
        ECKey other = new ECKeyGenerator(Curve.P_256).generate();

        HttpReply wrongNonce = parse(accessToken, credentialRequest(IDENTITY, "stale"));
        HttpReply wrongAudience = parse(accessToken, Map.of("credential_configuration_id", IDENTITY,
                "proof", Map.of("proof_type", "jwt", "jwt", proof(nonce, "https://elsewhere.example.com", holderKey))));
        String forged = proof(nonce, ISSUER, holderKey);
        String[] parts = forged.split("\\.");
        HttpReply forgedSignature = parse(accessToken, Map.of("credential_configuration_id", IDENTITY, "proof",
                Map.of("proof_type", "jwt", "jwt", parts[0] + "." + parts[1] + "." + proof(nonce, ISSUER, other).split("\\.")[2])));
        HttpReply noProof = parse(accessToken, Map.of("credential_configuration_id", IDENTITY));
        HttpReply mdoc = parse(token().text("accessToken"), Map.of("credential_configuration_id", MDL));
        HttpReply notOffered = parse(accessToken, credentialRequest(MDL, nonce));
        HttpReply notJson = api.post("/vci/single/parse", Map.of("accessToken", accessToken, "requestContent", "{"));
        HttpReply unknownToken = parse("no-such-token", credentialRequest(IDENTITY, nonce));

        for (HttpReply proofProblem : List.of(wrongNonce, wrongAudience, forgedSignature, noProof)) {
            assertThat(proofProblem.action()).isEqualTo("BAD_REQUEST");
            assertThat(proofProblem.oauthError()).as(proofProblem.toString()).isEqualTo("invalid_proof");
            assertThat(proofProblem.content().get("c_nonce").asText()).as("a fresh nonce to retry with").isNotBlank();
        }
        assertThat(notOffered.oauthError()).isEqualTo("invalid_credential_request");
        assertThat(notJson.oauthError()).isEqualTo("invalid_credential_request");
        assertThat(unknownToken.action()).isEqualTo("UNAUTHORIZED");
        assertThat(unknownToken.text("responseContent")).contains("invalid_token");
        assertThat(mdoc.action()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aFormatTheMockCannotSignIsUnsupported() throws Exception {
        JsonNode info = offer(Map.of("credentialConfigurationIds", List.of(MDL)));
        HttpReply token = preAuthorizedToken(info.get("preAuthorizedCode").asText(), null);

        HttpReply parsed = parse(token.text("accessToken"), credentialRequest(MDL, token.text("cnonce")));

        assertThat(parsed.oauthError()).isEqualTo("unsupported_credential_format");
    }

    @Test
    void aTokenNotIssuedForCredentialsIsForbidden() throws Exception {
        String accessToken = flows.codeFlow(flows.confidentialClient()).text("accessToken");

        HttpReply parsed = parse(accessToken, credentialRequest(IDENTITY, null));

        assertThat(parsed.action()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aDeferredCredentialIsIssuedOnceThroughItsTransaction() throws Exception {
        HttpReply token = token();
        String accessToken = token.text("accessToken");
        String identifier = parse(accessToken, credentialRequest(IDENTITY, token.text("cnonce"))).json().at("/info/identifier").asText();

        HttpReply accepted = issue(accessToken, identifier, Map.of("issuanceDeferred", true));
        String transactionId = accepted.json().get("transactionId").asText();
        HttpReply deferredParse = api.post("/vci/deferred/parse", Map.of("accessToken", accessToken,
                "requestContent", Json.write(Map.of("transaction_id", transactionId))));
        HttpReply deferredIssue = api.post("/vci/deferred/issue", Map.of("order", Map.of("requestIdentifier", transactionId,
                "credentialPayload", Json.write(Map.of("given_name", "Alice")))));
        HttpReply again = api.post("/vci/deferred/issue", Map.of("order", Map.of("requestIdentifier", transactionId,
                "credentialPayload", "{}")));
        HttpReply parseAfter = api.post("/vci/deferred/parse", Map.of("accessToken", accessToken,
                "requestContent", Json.write(Map.of("transaction_id", transactionId))));

        assertThat(accepted.action()).as(accepted.toString()).isEqualTo("ACCEPTED");
        assertThat(Json.parse(accepted.text("responseContent")).get("transaction_id").asText()).isEqualTo(transactionId);
        assertThat(deferredParse.action()).isEqualTo("OK");
        assertThat(deferredParse.json().at("/info/identifier").asText()).isEqualTo(transactionId);
        assertThat(deferredIssue.action()).as(deferredIssue.toString()).isEqualTo("OK");
        assertThat(Json.parse(deferredIssue.text("responseContent")).get("credential").asText()).contains("~");
        assertThat(again.action()).isEqualTo("CALLER_ERROR");
        assertThat(parseAfter.oauthError()).isEqualTo("invalid_transaction_id");
    }

    @Test
    void aBatchIssuesOneCredentialPerRequest() throws Exception {
        HttpReply token = token();
        String accessToken = token.text("accessToken");
        HttpReply parsed = api.post("/vci/batch/parse", Map.of("accessToken", accessToken, "requestContent", Json.write(Map.of(
                "credential_requests", List.of(credentialRequest(IDENTITY, token.text("cnonce")), credentialRequest(DEGREE, token.text("cnonce")))))));
        assertThat(parsed.action()).as(parsed.toString()).isEqualTo("OK");
        List<Map<String, Object>> orders = new ArrayList<>();
        parsed.json().get("info").forEach(i -> orders.add(Map.of("requestIdentifier", i.get("identifier").asText(),
                "credentialPayload", "{\"given_name\":\"Alice\"}")));

        HttpReply issued = api.post("/vci/batch/issue", Map.of("accessToken", accessToken, "orders", orders));

        assertThat(issued.action()).as(issued.toString()).isEqualTo("OK");
        JsonNode responses = Json.parse(issued.text("responseContent")).get("credential_responses");
        assertThat(responses).hasSize(2);
        assertThat(responses.get(0).get("credential").asText()).contains("~");
        assertThat(responses.get(1).get("credential").asText()).doesNotContain("~");
    }
}
