package io.github.authletetestkit.flows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OpenID4VCI with the pre-authorized code: an offer, its code redeemed at the token endpoint with the transaction
 * code, a credential request with a real key proof, and the credential issued — at once, or (the deferred variant)
 * later through the deferred credential endpoint, exactly once.
 */
public final class CredentialIssuanceFlow implements Flow {

    static final String GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
    /** The formats a credential configuration may have for this flow: those the mock signs too. */
    static final Set<String> FORMATS = Set.of("vc+sd-jwt", "dc+sd-jwt", "jwt_vc_json");
    static final String TX_CODE = "493536";

    private final boolean deferred;

    public CredentialIssuanceFlow(boolean deferred) {
        this.deferred = deferred;
    }

    @Override
    public String id() {
        return deferred ? "vci-deferred" : "vci-pre-authorized";
    }

    @Override
    public String title() {
        return deferred ? "Verifiable credential, deferred (offer, pre-authorized code, parse, deferred issue once)"
                : "Verifiable credential (offer, pre-authorized code with tx_code, key proof, SD-JWT VC or JWT VC)";
    }

    @Override
    public List<String> operations() {
        List<String> common = List.of("vci_metadata_api", "client_create_api", "vci_offer_create_api", "vci_offer_info_api",
                "auth_token_api", "vci_single_parse_api", "vci_single_issue_api");
        return deferred ? concat(common, List.of("vci_deferred_parse_api", "vci_deferred_issue_api", "auth_revocation_api", "client_delete_api"))
                : concat(common, List.of("auth_revocation_api", "client_delete_api"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    @Override
    public boolean createsResources() {
        return true;
    }

    @Override
    public Optional<String> unsupportedBy(ServiceProfile service) {
        if (!service.verifiableCredentials()) {
            return Optional.of("the service does not enable verifiable credentials");
        }
        return service.requireGrantTypes("PRE_AUTHORIZED_CODE");
    }

    @Override
    public void run(FlowContext ctx) throws InterruptedException {
        Reply metadataReply = ctx.call(Step.post("credential issuer metadata", "vci_metadata_api", "/vci/metadata")
                .json(Map.of("pretty", false)).expect(200, "OK").fields("responseContent"));
        JsonNode metadata = metadataReply.content();
        String issuer = metadata.path("credential_issuer").asText();
        String configuration = issuableConfiguration(metadata)
                .orElseThrow(() -> new FlowSkipped("the issuer metadata has no credential configuration in " + FORMATS));

        Fixtures.TestClient wallet = Fixtures.createClient(ctx, List.of("PRE_AUTHORIZED_CODE"), Map.of());
        Reply offer = ctx.call(Step.post("create credential offer", "vci_offer_create_api", "/vci/offer/create")
                .json(Map.of("preAuthorizedCodeGrantIncluded", true, "subject", FlowContext.SUBJECT, "duration", 600,
                        "credentialConfigurationIds", List.of(configuration), "txCode", TX_CODE))
                .expect(200, "CREATED").fields("info"));
        String identifier = offer.json().path("info").path("identifier").asText();
        String code = offer.json().path("info").path("preAuthorizedCode").asText();
        ctx.check(!code.isEmpty(), "the offer carries no pre-authorized code");
        Reply info = ctx.call(Step.post("credential offer info", "vci_offer_info_api", "/vci/offer/info")
                .json(Map.of("identifier", identifier)).expect(200, "OK").fields("info"));
        ctx.check(code.equals(info.json().path("info").path("preAuthorizedCode").asText()), "offer/info names another code");

        Reply token = ctx.call(Fixtures.token("token with the pre-authorized code", wallet,
                Map.of("grant_type", GRANT, "pre-authorized_code", code, "tx_code", TX_CODE))
                .expect(200, "OK").fields("accessToken", "cnonce"));
        String accessToken = token.text("accessToken");
        ctx.call(Fixtures.token("the code again", wallet, Map.of("grant_type", GRANT, "pre-authorized_code", code, "tx_code", TX_CODE))
                .expect(200, "BAD_REQUEST").error("invalid_grant"));

        Map<String, Object> request = Map.of("credential_configuration_id", configuration,
                "proof", Map.of("proof_type", "jwt", "jwt", proof(issuer, token.text("cnonce"))));
        Reply parsed = ctx.call(Step.post("parse credential request", "vci_single_parse_api", "/vci/single/parse")
                .json(Map.of("accessToken", accessToken, "requestContent", Step.MAPPER.valueToTree(request).toString()))
                .expect(200, "OK").fields("info"));
        String requestIdentifier = parsed.json().path("info").path("identifier").asText();
        Map<String, Object> order = new LinkedHashMap<>(Map.of("requestIdentifier", requestIdentifier,
                "credentialPayload", "{\"given_name\":\"Contract\",\"family_name\":\"Suite\"}", "issuanceDeferred", deferred));
        Reply issued = ctx.call(Step.post("issue credential", "vci_single_issue_api", "/vci/single/issue")
                .json(Map.of("accessToken", accessToken, "order", order))
                .expect(200, deferred ? "ACCEPTED" : "OK").fields("responseContent"));
        if (deferred) {
            issueLater(ctx, accessToken, issued.json().path("transactionId").asText());
        } else {
            ctx.check(issued.content().path("credential").asText().contains("."), "the credential is not a JWT");
        }
        ctx.call(Fixtures.revocation("revoke access token", wallet, accessToken).expect(200, "OK"));
    }

    private static void issueLater(FlowContext ctx, String accessToken, String transactionId) throws InterruptedException {
        ctx.check(!transactionId.isEmpty(), "an accepted issuance carries no transaction ID");
        ctx.call(Step.post("parse deferred request", "vci_deferred_parse_api", "/vci/deferred/parse")
                .json(Map.of("accessToken", accessToken, "requestContent", "{\"transaction_id\":\"" + transactionId + "\"}"))
                .expect(200, "OK").fields("info"));
        Map<String, Object> order = Map.of("requestIdentifier", transactionId, "credentialPayload", "{\"given_name\":\"Contract\"}");
        Reply issued = ctx.call(Step.post("deferred issue", "vci_deferred_issue_api", "/vci/deferred/issue")
                .json(Map.of("order", order)).expect(200, "OK").fields("responseContent"));
        ctx.check(issued.content().path("credential").asText().contains("."), "the deferred credential is not a JWT");
        ctx.call(Step.post("deferred issue again", "vci_deferred_issue_api", "/vci/deferred/issue")
                .json(Map.of("order", order)).expect(200, "CALLER_ERROR"));
    }

    private static Optional<String> issuableConfiguration(JsonNode metadata) {
        for (Iterator<Map.Entry<String, JsonNode>> it = metadata.path("credential_configurations_supported").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (FORMATS.contains(entry.getValue().path("format").asText())) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** A key proof (OpenID4VCI {@code openid4vci-proof+jwt}) made with a fresh holder key. */
    private static String proof(String issuer, String nonce) {
        try {
            ECKey holder = new ECKeyGenerator(Curve.P_256).generate();
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("openid4vci-proof+jwt"))
                    .jwk(holder.toPublicJWK()).build(),
                    new Payload(Map.of("aud", issuer, "iat", Instant.now().getEpochSecond(), "nonce", nonce)));
            jws.sign(new ECDSASigner(holder));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("The JDK cannot make an EC P-256 key: " + e.getMessage(), e);
        }
    }
}
