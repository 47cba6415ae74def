package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.internal.vci.Credentials;
import io.github.authletetestkit.mock.internal.vci.IssuerMetadata;
import io.github.authletetestkit.mock.internal.vci.ProofJwt;
import io.github.authletetestkit.mock.internal.vci.VciState.CredentialRequest;
import io.github.authletetestkit.mock.internal.vci.VciState.IssuanceRights;
import io.github.authletetestkit.mock.internal.vci.VciState;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OpenID4VCI, the credential endpoints: {@code /vci/single|batch|deferred/parse} check a wallet's request against the
 * access token's rights, the issuer metadata and the key proof; {@code /vci/single|batch|deferred/issue} sign the
 * credential with the claims the caller supplies (or defer it). The API numbers (406 to 411) are ours.
 */
public final class CredentialEndpointApi {

    record ParseRequest(String accessToken, String requestContent) {}

    record Order(String requestIdentifier, String credentialPayload, Boolean issuanceDeferred, Long credentialDuration,
                 String signingKeyId) {}

    record SingleIssueRequest(String accessToken, Order order) {}

    record BatchIssueRequest(String accessToken, List<Order> orders) {}

    record DeferredIssueRequest(Order order) {}

    private static final int SINGLE_PARSE = 406;
    private static final int SINGLE_ISSUE = 407;
    private static final int BATCH_PARSE = 408;
    private static final int BATCH_ISSUE = 409;
    private static final int DEFERRED_PARSE = 410;
    private static final int DEFERRED_ISSUE = 411;
    private static final long DEFAULT_CNONCE_DURATION = 3_600;

    /** A refusal on the way, already in the answer's shape. */
    private static final class Refusal extends RuntimeException {
        private final transient ObjectNode body;

        Refusal(ObjectNode body) {
            super(body.path("resultMessage").asText(), null, false, false);
            this.body = body;
        }
    }

    public ApiResponse singleParse(ApiCall call) {
        return answer(SINGLE_PARSE, () -> {
            ParseRequest request = call.body(ParseRequest.class);
            IssuanceRights rights = rights(call, SINGLE_PARSE, request.accessToken());
            CredentialRequest parsed = parse(call, SINGLE_PARSE, request.accessToken(), rights, content(call, SINGLE_PARSE, request.requestContent()));
            ObjectNode body = RuntimeResult.of(ResultCodes.of(SINGLE_PARSE, 0, 1), "OK", "The credential request was parsed.");
            body.set("info", info(call, parsed));
            return body;
        });
    }

    public ApiResponse batchParse(ApiCall call) {
        return answer(BATCH_PARSE, () -> {
            ParseRequest request = call.body(ParseRequest.class);
            IssuanceRights rights = rights(call, BATCH_PARSE, request.accessToken());
            JsonNode requests = content(call, BATCH_PARSE, request.requestContent()).path("credential_requests");
            if (!requests.isArray() || requests.isEmpty()) {
                throw new Refusal(error(call, BATCH_PARSE, 4, "BAD_REQUEST", "invalid_credential_request",
                        "The batch request has no 'credential_requests'."));
            }
            ObjectNode body = RuntimeResult.of(ResultCodes.of(BATCH_PARSE, 0, 1), "OK", "The batch credential request was parsed.");
            ArrayNode infos = body.putArray("info");
            for (JsonNode one : requests) {
                infos.add(info(call, parse(call, BATCH_PARSE, request.accessToken(), rights, one)));
            }
            return body;
        });
    }

    public ApiResponse deferredParse(ApiCall call) {
        return answer(DEFERRED_PARSE, () -> {
            ParseRequest request = call.body(ParseRequest.class);
            rights(call, DEFERRED_PARSE, request.accessToken());
            String transactionId = content(call, DEFERRED_PARSE, request.requestContent()).path("transaction_id").asText(null);
            CredentialRequest waiting = issuance(call).transaction(transactionId)
                    .filter(t -> t.accessToken().equals(request.accessToken()))
                    .orElseThrow(() -> new Refusal(error(call, DEFERRED_PARSE, 4, "BAD_REQUEST", "invalid_transaction_id",
                            "The transaction ID is unknown, already used, or another token's.")));
            ObjectNode body = RuntimeResult.of(ResultCodes.of(DEFERRED_PARSE, 0, 1), "OK", "The deferred credential request was parsed.");
            body.set("info", info(call, new CredentialRequest(transactionId, waiting.accessToken(), waiting.format(),
                    waiting.configurationId(), waiting.bindingKey())));
            return body;
        });
    }

    public ApiResponse singleIssue(ApiCall call) {
        return answer(SINGLE_ISSUE, () -> {
            SingleIssueRequest request = call.body(SingleIssueRequest.class);
            rights(call, SINGLE_ISSUE, request.accessToken());
            Order order = required(call, SINGLE_ISSUE, request.order());
            CredentialRequest parsed = issuance(call).takeRequest(order.requestIdentifier(), request.accessToken())
                    .orElseThrow(() -> callerError(SINGLE_ISSUE, "No parsed credential request of this token has the identifier '"
                            + order.requestIdentifier() + "'."));
            ObjectNode content = issueOne(call, SINGLE_ISSUE, parsed, order);
            ObjectNode body = RuntimeResult.of(ResultCodes.of(SINGLE_ISSUE, 0, content.has("transaction_id") ? 2 : 1),
                    content.has("transaction_id") ? "ACCEPTED" : "OK", content.has("transaction_id")
                            ? "The credential will be issued later." : "The credential was issued.");
            renewNonce(call, request.accessToken(), content);
            body.put("responseContent", Json.write(content));
            if (content.has("transaction_id")) {
                body.put("transactionId", content.get("transaction_id").asText());
            }
            return body;
        });
    }

    public ApiResponse batchIssue(ApiCall call) {
        return answer(BATCH_ISSUE, () -> {
            BatchIssueRequest request = call.body(BatchIssueRequest.class);
            rights(call, BATCH_ISSUE, request.accessToken());
            if (request.orders() == null || request.orders().isEmpty()) {
                throw callerError(BATCH_ISSUE, "The request contains no 'orders'.");
            }
            List<CredentialRequest> parsed = new ArrayList<>();
            for (Order order : request.orders()) {
                parsed.add(issuance(call).takeRequest(order.requestIdentifier(), request.accessToken())
                        .orElseThrow(() -> callerError(BATCH_ISSUE, "No parsed credential request of this token has the identifier '"
                                + order.requestIdentifier() + "'.")));
            }
            ObjectNode content = Json.object();
            ArrayNode responses = content.putArray("credential_responses");
            for (int i = 0; i < parsed.size(); i++) {
                responses.add(issueOne(call, BATCH_ISSUE, parsed.get(i), request.orders().get(i)));
            }
            renewNonce(call, request.accessToken(), content);
            ObjectNode body = RuntimeResult.of(ResultCodes.of(BATCH_ISSUE, 0, 1), "OK", "The credentials were issued.");
            body.put("responseContent", Json.write(content));
            return body;
        });
    }

    public ApiResponse deferredIssue(ApiCall call) {
        return answer(DEFERRED_ISSUE, () -> {
            Order order = required(call, DEFERRED_ISSUE, call.body(DeferredIssueRequest.class).order());
            if (Boolean.TRUE.equals(order.issuanceDeferred())) {
                throw callerError(DEFERRED_ISSUE, "A deferred issuance cannot be deferred again.");
            }
            CredentialRequest waiting = issuance(call).takeTransaction(order.requestIdentifier())
                    .orElseThrow(() -> callerError(DEFERRED_ISSUE, "No deferred transaction has the ID '" + order.requestIdentifier()
                            + "' (unknown or already issued)."));
            ObjectNode content = issueOne(call, DEFERRED_ISSUE, waiting, order);
            ObjectNode body = RuntimeResult.of(ResultCodes.of(DEFERRED_ISSUE, 0, 1), "OK", "The deferred credential was issued.");
            body.put("responseContent", Json.write(content));
            return body;
        });
    }

    // ---- parsing

    private static IssuanceRights rights(ApiCall call, int api, String accessToken) {
        ServiceConfig service = call.service().config();
        if (!VciApi.enabled(service)) {
            throw new Refusal(RuntimeResult.of(ResultCodes.of(api, 2, 1), "FORBIDDEN", "The service does not enable verifiable credentials."));
        }
        Optional<TokenRecord> token = call.service().byAccessToken(accessToken).filter(t -> !t.accessTokenExpired(call.now()));
        if (token.isEmpty()) {
            throw new Refusal(RuntimeResult.challenge(service, ResultCodes.of(api, 3, 1), "UNAUTHORIZED", "Bearer", "invalid_token",
                    "The access token is unknown, expired or revoked."));
        }
        return issuance(call).rights(accessToken).orElseThrow(() -> new Refusal(RuntimeResult.challenge(service,
                ResultCodes.of(api, 3, 2), "FORBIDDEN", "Bearer", "insufficient_scope",
                "The access token was not issued for credential issuance.")));
    }

    private static JsonNode content(ApiCall call, int api, String requestContent) {
        try {
            JsonNode parsed = Json.parse(requestContent == null ? "" : requestContent);
            if (parsed.isObject()) {
                return parsed;
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw new Refusal(error(call, api, 3, "BAD_REQUEST", "invalid_credential_request", "The request content is not a JSON object."));
    }

    private static CredentialRequest parse(ApiCall call, int api, String accessToken, IssuanceRights rights, JsonNode request) {
        IssuerMetadata metadata = VciApi.metadataOf(call.service().config());
        String configurationId = configurationId(request, rights, metadata)
                .orElseThrow(() -> new Refusal(error(call, api, 5, "BAD_REQUEST", "invalid_credential_request",
                        "The request names no credential configuration this access token may obtain.")));
        String format = metadata.configuration(configurationId).map(c -> c.path("format").asText(null)).orElse(null);
        if (format == null || !IssuerMetadata.ISSUABLE_FORMATS.contains(format)) {
            throw new Refusal(error(call, api, 6, "BAD_REQUEST", "unsupported_credential_format",
                    "The format '" + format + "' is not issued; the mock issues " + IssuerMetadata.ISSUABLE_FORMATS.stream().sorted().toList() + "."));
        }
        String proof = proofJwt(request);
        if (proof == null) {
            throw new Refusal(proofError(call, api, accessToken, "The request carries no JWT key proof."));
        }
        JWK key;
        try {
            key = ProofJwt.verify(proof, metadata.credentialIssuer(), rights.cnonce(), call.now());
        } catch (ProofJwt.InvalidProofException e) {
            throw new Refusal(proofError(call, api, accessToken, e.getMessage()));
        }
        CredentialRequest parsed = new CredentialRequest(RandomValues.token(), accessToken, format, configurationId, key);
        issuance(call).putRequest(parsed);
        return parsed;
    }

    /** By {@code credential_configuration_id} or {@code credential_identifier}, else the first permitted one of the format. */
    private static Optional<String> configurationId(JsonNode request, IssuanceRights rights, IssuerMetadata metadata) {
        String named = request.path("credential_configuration_id").asText(request.path("credential_identifier").asText(null));
        if (named != null) {
            return rights.configurationIds().contains(named) ? Optional.of(named) : Optional.empty();
        }
        String format = request.path("format").asText(null);
        String vct = request.path("vct").asText(null);
        return rights.configurationIds().stream()
                .filter(id -> metadata.configuration(id).map(c -> c.path("format").asText().equals(format)
                        && (vct == null || vct.equals(c.path("vct").asText(null)))).orElse(false))
                .findFirst();
    }

    private static String proofJwt(JsonNode request) {
        JsonNode proof = request.path("proof");
        if ("jwt".equals(proof.path("proof_type").asText(null)) && proof.path("jwt").isTextual()) {
            return proof.get("jwt").asText();
        }
        JsonNode proofs = request.path("proofs").path("jwt");
        return proofs.isArray() && !proofs.isEmpty() ? proofs.get(0).asText() : null;
    }

    private static ObjectNode info(ApiCall call, CredentialRequest request) {
        ObjectNode info = Json.object();
        info.put("identifier", request.identifier());
        info.put("format", request.format());
        String key = Json.write(request.bindingKey().toPublicJWK().toJSONObject());
        info.put("bindingKey", key);
        info.putArray("bindingKeys").add(key);
        ObjectNode details = Json.object().put("credential_configuration_id", request.configurationId());
        VciApi.metadataOf(call.service().config()).configuration(request.configurationId()).ifPresent(c -> details.set("configuration", c));
        info.put("details", Json.write(details));
        return info;
    }

    // ---- issuing

    private static ObjectNode issueOne(ApiCall call, int api, CredentialRequest request, Order order) {
        ObjectNode content = Json.object();
        if (Boolean.TRUE.equals(order.issuanceDeferred())) {
            String transactionId = RandomValues.token();
            issuance(call).putTransaction(transactionId, request);
            return content.put("transaction_id", transactionId);
        }
        JsonNode payload;
        try {
            payload = Json.parse(order.credentialPayload() == null ? "" : order.credentialPayload());
        } catch (RuntimeException e) {
            payload = null;
        }
        if (payload == null || !payload.isObject()) {
            throw callerError(api, "The order's 'credentialPayload' is not a JSON object.");
        }
        ServiceConfig service = call.service().config();
        IssuerMetadata metadata = VciApi.metadataOf(service);
        ObjectNode configuration = metadata.configuration(request.configurationId()).orElse(Json.object());
        long duration = order.credentialDuration() != null && order.credentialDuration() > 0 ? order.credentialDuration()
                : service.toJson().path("credentialDuration").asLong(0);
        Credentials.Issuance issuance;
        try {
            issuance = new Credentials.Issuance((ObjectNode) payload, metadata.credentialIssuer(), request.bindingKey(),
                    VciApi.signingKey(service, order.signingKeyId()), call.now(), duration);
        } catch (IllegalArgumentException e) {
            throw new Refusal(RuntimeResult.of(ResultCodes.of(api, 1, 1), "INTERNAL_SERVER_ERROR", e.getMessage()));
        }
        if (request.format().equals("jwt_vc_json")) {
            List<String> types = new ArrayList<>();
            configuration.path("credential_definition").path("type").forEach(t -> types.add(t.asText()));
            return content.put("credential", Credentials.jwtVcJson(types, issuance));
        }
        String vct = payload.path("vct").asText(configuration.path("vct").asText(null));
        if (vct == null) {
            throw callerError(api, "An SD-JWT VC needs a 'vct': neither the payload nor the configuration names one.");
        }
        return content.put("credential", Credentials.sdJwtVc(request.format(), vct, issuance));
    }

    /** A fresh c_nonce for the token's next proof, told in the answer. */
    private static void renewNonce(ApiCall call, String accessToken, ObjectNode content) {
        long duration = cnonceDuration(call.service().config());
        String nonce = RandomValues.token();
        issuance(call).renewNonce(accessToken, nonce, call.now().plusSeconds(duration));
        content.put("c_nonce", nonce);
        content.put("c_nonce_expires_in", duration);
    }

    static long cnonceDuration(ServiceConfig service) {
        long configured = service.toJson().path("cnonceDuration").asLong(0);
        return configured > 0 ? configured : DEFAULT_CNONCE_DURATION;
    }

    // ---- answers

    private interface Step {
        ObjectNode run();
    }

    private static ApiResponse answer(int api, Step step) {
        try {
            return ApiResponse.ok(step.run());
        } catch (Refusal refusal) {
            return ApiResponse.ok(refusal.body);
        } catch (IllegalArgumentException unusableSettings) {
            // the service's credential issuer settings (metadata, keys) cannot be used: the service's fault, in-band
            return ApiResponse.ok(RuntimeResult.of(ResultCodes.of(api, 1, 1), "INTERNAL_SERVER_ERROR", unusableSettings.getMessage()));
        }
    }

    private static VciState issuance(ApiCall call) {
        return call.service().credentialIssuance();
    }

    private static Order required(ApiCall call, int api, Order order) {
        if (order == null) {
            throw callerError(api, "The request contains no 'order'.");
        }
        return order;
    }

    private static Refusal callerError(int api, String message) {
        return new Refusal(RuntimeResult.of(ResultCodes.of(api, 2, 2), "CALLER_ERROR", message));
    }

    private static ObjectNode error(ApiCall call, int api, int seq, String action, String error, String description) {
        return RuntimeResult.error(call.service().config(), ResultCodes.of(api, 3, seq), action, error, description);
    }

    /** {@code invalid_proof} with a fresh {@code c_nonce}, so the wallet can try again (OpenID4VCI 7.3.2). */
    private static ObjectNode proofError(ApiCall call, int api, String accessToken, String description) {
        ObjectNode body = error(call, api, 7, "BAD_REQUEST", "invalid_proof", description);
        ObjectNode content = (ObjectNode) Json.parse(body.get("responseContent").asText());
        renewNonce(call, accessToken, content);
        body.put("responseContent", Json.write(content));
        return body;
    }
}
