package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.github.authletetestkit.mock.internal.federation.EntityStatements;
import io.github.authletetestkit.mock.internal.federation.TrustChainResolver;
import io.github.authletetestkit.mock.internal.federation.TrustChainVerifier;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenID Federation 1.0 for the service: {@code /federation/configuration} signs the service's entity configuration
 * from its federation settings, and {@code /federation/registration} checks a relying party's trust chain (given, or
 * resolved from its authority hints) against the service's trust anchors and registers it as a client. The API
 * numbers of the result codes (305, 306) are ours: no published code was found.
 */
public final class FederationApi {

    record RegistrationRequest(String entityConfiguration, String trustChain) {}

    private static final int CONFIGURATION = 305;
    private static final int REGISTRATION = 306;
    private static final long DEFAULT_DURATION_SECONDS = 86_400;

    private final ClientApi clients;

    public FederationApi(ClientApi clients) {
        this.clients = clients;
    }

    public ApiResponse configuration(ApiCall call) {
        ServiceConfig service = call.service().config();
        if (!federationEnabled(service)) {
            return ApiResponse.ok(notEnabled(CONFIGURATION));
        }
        JWK key;
        try {
            key = signingKey(service);
        } catch (IllegalArgumentException e) {
            return ApiResponse.ok(RuntimeResult.of(ResultCodes.of(CONFIGURATION, 1, 1), "INTERNAL_SERVER_ERROR", e.getMessage()));
        }
        long now = call.nowSeconds();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", service.issuer());
        claims.put("sub", service.issuer());
        claims.put("iat", now);
        claims.put("exp", now + duration(service));
        claims.put("jwks", federationKeys(service).toPublicJWKSet().toJSONObject());
        List<String> hints = texts(service.toJson().path("authorityHints"));
        if (!hints.isEmpty()) {
            claims.put("authority_hints", hints);
        }
        claims.put("metadata", Json.MAPPER.convertValue(metadata(service), Map.class));
        ObjectNode body = RuntimeResult.of(ResultCodes.of(CONFIGURATION, 0, 1), "OK", "The entity configuration was built.");
        body.put("responseContent", EntityStatements.sign(claims, key));
        return ApiResponse.ok(body);
    }

    public ApiResponse registration(ApiCall call) {
        ServiceConfig service = call.service().config();
        if (!federationEnabled(service)) {
            return ApiResponse.ok(notEnabled(REGISTRATION));
        }
        RegistrationRequest request = call.body(RegistrationRequest.class);
        if (!registrationTypes(service).contains("EXPLICIT")) {
            return refusal(service, 2, "invalid_request", "The service does not support explicit client registration.");
        }
        if (blank(request.trustChain()) && blank(request.entityConfiguration())) {
            return refusal(service, 3, "invalid_request", "The request carries neither 'entityConfiguration' nor 'trustChain'.");
        }
        TrustChainVerifier.TrustChain chain;
        JWK key;
        try {
            Map<String, JWKSet> anchors = trustAnchors(service);
            List<String> statements = blank(request.trustChain())
                    ? TrustChainResolver.resolve(request.entityConfiguration().trim(), anchors.keySet())
                    : statements(request.trustChain());
            chain = TrustChainVerifier.verify(statements, anchors, call.now());
            key = signingKey(service);
        } catch (TrustChainVerifier.InvalidTrustChainException e) {
            return refusal(service, 4, e.error(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return refusal(service, 5, "invalid_request", e.getMessage());
        }
        if (!(chain.leafMetadata().get("openid_relying_party") instanceof Map<?, ?> rp)) {
            return refusal(service, 6, "invalid_metadata", "The entity configuration has no openid_relying_party metadata.");
        }
        ObjectNode client = RegistrationApi.toClient(Json.MAPPER.convertValue(rp, ObjectNode.class));
        client.put("entityId", chain.leafEntityId());
        client.put("trustAnchorId", chain.trustAnchorId());
        chain.statements().forEach(client.putArray("trustChain")::add);
        client.put("trustChainExpiresAt", chain.expiresAt().toEpochMilli());
        client.put("trustChainUpdatedAt", call.now().toEpochMilli());
        client.put("explicitlyRegistered", true);
        client.putArray("clientRegistrationTypes").add("EXPLICIT");
        ClientConfig registered;
        try {
            registered = clients.register(call, client);
        } catch (ApiException e) {
            return refusal(service, 7, "invalid_metadata", e.getMessage());
        }
        ObjectNode body = RuntimeResult.of(ResultCodes.of(REGISTRATION, 0, 1), "OK", "The relying party was registered.");
        body.put("responseContent", EntityStatements.sign(registrationStatement(service, chain, registered, call), key));
        body.set("client", registered.toJson());
        return ApiResponse.ok(body);
    }

    /** The explicit registration response: the OP's statement about the relying party, with the client ID it got. */
    private static Map<String, Object> registrationStatement(ServiceConfig service, TrustChainVerifier.TrustChain chain,
                                                             ClientConfig client, ApiCall call) {
        Map<String, Object> rp = new LinkedHashMap<>(Json.MAPPER.convertValue(chain.leafMetadata().get("openid_relying_party"), Map.class));
        rp.put("client_id", Long.toString(client.clientId()));
        if (client.clientSecret() != null) {
            rp.put("client_secret", client.clientSecret());
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", service.issuer());
        claims.put("sub", chain.leafEntityId());
        claims.put("aud", chain.leafEntityId());
        claims.put("iat", call.nowSeconds());
        claims.put("exp", Math.min(chain.expiresAt().getEpochSecond(), call.nowSeconds() + duration(service)));
        claims.put("jwks", chain.leafKeys().toPublicJWKSet().toJSONObject());
        claims.put("authority_hints", List.of(service.issuer()));
        claims.put("trust_anchor_id", chain.trustAnchorId());
        claims.put("metadata", Map.of("openid_relying_party", rp));
        return claims;
    }

    private static ObjectNode metadata(ServiceConfig service) {
        ObjectNode metadata = Json.object();
        ObjectNode provider = DiscoveryApi.document(service);
        String registrationEndpoint = service.toJson().path("federationRegistrationEndpoint").asText(null);
        if (registrationEndpoint != null) {
            provider.put("federation_registration_endpoint", registrationEndpoint);
        }
        ArrayNode types = provider.putArray("client_registration_types_supported");
        registrationTypes(service).forEach(t -> types.add(t.toLowerCase()));
        metadata.set("openid_provider", provider);
        ObjectNode entity = metadata.putObject("federation_entity");
        String organization = service.toJson().path("organizationName").asText(null);
        if (organization != null) {
            entity.put("organization_name", organization);
        }
        return metadata;
    }

    private static boolean federationEnabled(ServiceConfig service) {
        return service.toJson().path("federationEnabled").asBoolean(false);
    }

    private static List<String> registrationTypes(ServiceConfig service) {
        List<String> types = texts(service.toJson().path("supportedClientRegistrationTypes"));
        return types.isEmpty() ? List.of("AUTOMATIC") : types;
    }

    private static long duration(ServiceConfig service) {
        long configured = service.toJson().path("federationConfigurationDuration").asLong(0);
        return configured > 0 ? configured : DEFAULT_DURATION_SECONDS;
    }

    private static JWKSet federationKeys(ServiceConfig service) {
        String jwks = service.toJson().path("federationJwks").asText(null);
        if (jwks == null || jwks.isBlank()) {
            throw new IllegalArgumentException("The service has no federationJwks to sign entity statements with.");
        }
        return Jwks.parse(jwks);
    }

    private static JWK signingKey(ServiceConfig service) {
        return EntityStatements.signingKey(federationKeys(service), service.toJson().path("federationSignatureKeyId").asText(null));
    }

    /** The service's trust anchors by entity ID; an anchor whose keys do not parse is left out. */
    private static Map<String, JWKSet> trustAnchors(ServiceConfig service) {
        Map<String, JWKSet> anchors = new LinkedHashMap<>();
        for (JsonNode anchor : service.toJson().path("trustAnchors")) {
            try {
                anchors.put(anchor.path("entityId").asText(), Jwks.parse(anchor.path("jwks").asText(null)));
            } catch (IllegalArgumentException e) {
                // an anchor without usable keys can anchor nothing
            }
        }
        return anchors;
    }

    private static List<String> statements(String trustChain) {
        JsonNode parsed;
        try {
            parsed = Json.parse(trustChain);
        } catch (RuntimeException e) {
            throw new TrustChainVerifier.InvalidTrustChainException("invalid_trust_chain", "The trust chain is not a JSON array.");
        }
        if (!parsed.isArray()) {
            throw new TrustChainVerifier.InvalidTrustChainException("invalid_trust_chain", "The trust chain is not a JSON array.");
        }
        List<String> statements = new ArrayList<>();
        parsed.forEach(s -> statements.add(s.asText()));
        return statements;
    }

    private static ObjectNode notEnabled(int api) {
        return RuntimeResult.of(ResultCodes.of(api, 2, 1), "NOT_FOUND", "The service does not enable OpenID Federation.");
    }

    private static ApiResponse refusal(ServiceConfig service, int seq, String error, String description) {
        return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(REGISTRATION, 3, seq), "BAD_REQUEST", error, description));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
