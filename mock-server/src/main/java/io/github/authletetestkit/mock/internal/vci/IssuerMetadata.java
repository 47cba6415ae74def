package io.github.authletetestkit.mock.internal.vci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The credential issuer metadata (OpenID4VCI) a service declares in {@code credentialIssuerMetadata}: its identifier,
 * endpoints and the credential configurations it issues ({@code credentialsSupported}, a JSON object by configuration
 * ID, or an array whose entries carry an {@code id}).
 */
public record IssuerMetadata(String credentialIssuer, String credentialEndpoint, String batchCredentialEndpoint,
                             String deferredCredentialEndpoint, List<String> authorizationServers, ObjectNode configurations) {

    /** The formats the mock can sign: SD-JWT VC (both media type names) and W3C VC as a JWT. */
    public static final Set<String> ISSUABLE_FORMATS = Set.of("vc+sd-jwt", "dc+sd-jwt", "jwt_vc_json");

    /**
     * @param metadata the service's {@code credentialIssuerMetadata}; missing or null gives an issuer named by {@code fallbackIssuer}
     * @throws IllegalArgumentException when {@code credentialsSupported} is not JSON of either shape
     */
    public static IssuerMetadata of(JsonNode metadata, String fallbackIssuer) {
        String issuer = text(metadata, "credentialIssuer");
        List<String> servers = new ArrayList<>();
        metadata.path("authorizationServers").forEach(s -> servers.add(s.asText()));
        return new IssuerMetadata(issuer != null ? issuer : fallbackIssuer, text(metadata, "credentialEndpoint"),
                text(metadata, "batchCredentialEndpoint"), text(metadata, "deferredCredentialEndpoint"), List.copyOf(servers),
                configurations(text(metadata, "credentialsSupported")));
    }

    private static ObjectNode configurations(String json) {
        ObjectNode byId = Json.object();
        if (json == null || json.isBlank()) {
            return byId;
        }
        JsonNode parsed;
        try {
            parsed = Json.parse(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("credentialsSupported is not JSON.");
        }
        if (parsed.isObject()) {
            return (ObjectNode) parsed;
        }
        if (!parsed.isArray()) {
            throw new IllegalArgumentException("credentialsSupported is neither a JSON object nor an array.");
        }
        parsed.forEach(entry -> byId.set(entry.path("id").asText(), entry));
        return byId;
    }

    public Optional<ObjectNode> configuration(String id) {
        return id != null && configurations.get(id) instanceof ObjectNode c ? Optional.of(c) : Optional.empty();
    }

    /** The wire document served at {@code /.well-known/openid-credential-issuer}. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("credential_issuer", credentialIssuer);
        if (!authorizationServers.isEmpty()) {
            authorizationServers.forEach(json.putArray("authorization_servers")::add);
        }
        putIfSet(json, "credential_endpoint", credentialEndpoint);
        putIfSet(json, "batch_credential_endpoint", batchCredentialEndpoint);
        putIfSet(json, "deferred_credential_endpoint", deferredCredentialEndpoint);
        json.set("credential_configurations_supported", configurations);
        return json;
    }

    private static void putIfSet(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
