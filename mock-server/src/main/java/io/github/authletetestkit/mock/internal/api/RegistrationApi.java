package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import io.github.authletetestkit.mock.internal.oauth.TokenHashes;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.util.Map;
import java.util.Optional;

/**
 * Dynamic client registration (RFC 7591) and its management protocol (RFC 7592): register, read, update
 * and delete with the registration access token handed out at registration.
 */
public final class RegistrationApi {

    record RegistrationRequest(String json, String token, String clientId) {}

    /** RFC 7591 metadata names and Authlete's client members for the simple (string and list) ones. */
    private static final Map<String, String> SIMPLE_MEMBERS = Map.ofEntries(
            Map.entry("client_name", "clientName"), Map.entry("redirect_uris", "redirectUris"),
            Map.entry("logo_uri", "logoUri"), Map.entry("client_uri", "clientUri"), Map.entry("policy_uri", "policyUri"),
            Map.entry("tos_uri", "tosUri"), Map.entry("contacts", "contacts"), Map.entry("jwks_uri", "jwksUri"),
            Map.entry("software_id", "softwareId"), Map.entry("software_version", "softwareVersion"),
            Map.entry("default_max_age", "defaultMaxAge"), Map.entry("request_uris", "requestUris"));
    private static final Map<String, String> GRANT_TYPES = Map.of(
            "authorization_code", "AUTHORIZATION_CODE", "implicit", "IMPLICIT", "password", "PASSWORD",
            "client_credentials", "CLIENT_CREDENTIALS", "refresh_token", "REFRESH_TOKEN",
            "urn:ietf:params:oauth:grant-type:device_code", "DEVICE_CODE", "urn:openid:params:grant-type:ciba", "CIBA");
    private static final int API = 202;

    private final ClientApi clients;

    public RegistrationApi(ClientApi clients) {
        this.clients = clients;
    }

    public ApiResponse register(ApiCall call) {
        ServiceState state = call.service();
        ServiceConfig service = state.config();
        RegistrationRequest request = call.body(RegistrationRequest.class);
        ObjectNode metadata;
        try {
            metadata = metadata(request.json());
        } catch (IllegalArgumentException e) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(API, 3, 1), "BAD_REQUEST", "invalid_client_metadata", e.getMessage()));
        }
        if (!metadata.has("redirect_uris") || !metadata.get("redirect_uris").isArray() || metadata.get("redirect_uris").isEmpty()) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(API, 3, 2), "BAD_REQUEST", "invalid_redirect_uri",
                    "The client metadata does not contain 'redirect_uris'."));
        }
        ObjectNode client = toClient(metadata);
        client.put("dynamicallyRegistered", true);
        String registrationToken = RandomValues.token();
        client.put("registrationAccessTokenHash", TokenHashes.sha256Base64Url(registrationToken));
        ClientConfig created;
        try {
            created = clients.register(call, client);
        } catch (ApiException e) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(API, 3, 3), "BAD_REQUEST", "invalid_redirect_uri", e.getMessage()));
        }
        ObjectNode body = RuntimeResult.of(ResultCodes.of(API, 0, 1), "CREATED", "The client was registered.");
        body.put("responseContent", Json.write(toMetadata(service, created, registrationToken, call)));
        body.set("client", created.toJson());
        return ApiResponse.ok(body);
    }

    public ApiResponse get(ApiCall call) {
        return managed(call, 217, (state, client, request) -> {
            ObjectNode body = RuntimeResult.of(ResultCodes.of(217, 0, 1), "OK", "The client metadata was returned.");
            body.put("responseContent", Json.write(toMetadata(state.config(), client, null, call)));
            body.set("client", client.toJson());
            return body;
        });
    }

    public ApiResponse update(ApiCall call) {
        return managed(call, 213, (state, client, request) -> {
            ObjectNode metadata;
            try {
                metadata = metadata(request.json());
            } catch (IllegalArgumentException e) {
                return RuntimeResult.error(state.config(), ResultCodes.of(213, 3, 2), "BAD_REQUEST", "invalid_client_metadata", e.getMessage());
            }
            ObjectNode merged = client.toJson();
            toClient(metadata).fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
            merged.put("modifiedAt", call.now().toEpochMilli());
            ClientConfig updated = new ClientConfig(merged);
            state.putClient(updated);
            ObjectNode body = RuntimeResult.of(ResultCodes.of(213, 0, 1), "UPDATED", "The client was updated.");
            body.put("responseContent", Json.write(toMetadata(state.config(), updated, null, call)));
            body.set("client", updated.toJson());
            return body;
        });
    }

    public ApiResponse delete(ApiCall call) {
        return managed(call, 216, (state, client, request) -> {
            state.removeClient(client.clientId());
            return RuntimeResult.of(ResultCodes.of(216, 0, 1), "DELETED", "The client was deleted.");
        });
    }

    /** A step of the management protocol, run once the registration access token proved the caller. */
    @FunctionalInterface
    private interface ManagedStep {
        ObjectNode apply(ServiceState state, ClientConfig client, RegistrationRequest request);
    }

    private ApiResponse managed(ApiCall call, int api, ManagedStep step) {
        ServiceState state = call.service();
        RegistrationRequest request = call.body(RegistrationRequest.class);
        Optional<ClientConfig> client = state.findClient(request.clientId())
                .filter(c -> request.token() != null
                        && TokenHashes.sha256Base64Url(request.token()).equals(c.toJson().path("registrationAccessTokenHash").asText("")));
        if (client.isEmpty()) {
            return ApiResponse.ok(RuntimeResult.error(state.config(), ResultCodes.of(api, 3, 1), "UNAUTHORIZED", "invalid_token",
                    "The registration access token does not match the client."));
        }
        return ApiResponse.ok(step.apply(state, client.get(), request));
    }

    private static ObjectNode metadata(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("The request does not contain the client metadata ('json').");
        }
        JsonNode parsed = Json.parse(json);
        if (!parsed.isObject()) {
            throw new IllegalArgumentException("The client metadata must be a JSON object.");
        }
        return (ObjectNode) parsed;
    }

    /** Authlete client members for RFC 7591 metadata. */
    static ObjectNode toClient(ObjectNode metadata) {
        ObjectNode client = Json.object();
        SIMPLE_MEMBERS.forEach((wire, member) -> {
            if (metadata.has(wire)) {
                client.set(member, metadata.get(wire));
            }
        });
        if (metadata.get("jwks") instanceof ObjectNode jwks) {
            client.put("jwks", Json.write(jwks));
        }
        if (metadata.has("grant_types")) {
            ArrayNode grants = client.putArray("grantTypes");
            metadata.get("grant_types").forEach(g -> grants.add(GRANT_TYPES.getOrDefault(g.asText(), g.asText().toUpperCase())));
        }
        if (metadata.has("response_types")) {
            ArrayNode types = client.putArray("responseTypes");
            metadata.get("response_types").forEach(t -> types.add(ResponseTypes.authleteName(t.asText()).orElse("CODE")));
        }
        if (metadata.has("token_endpoint_auth_method")) {
            String method = metadata.get("token_endpoint_auth_method").asText();
            client.put("tokenAuthMethod", method.toUpperCase());
            client.put("clientType", method.equals("none") ? "PUBLIC" : "CONFIDENTIAL");
        } else if (!client.has("clientType")) {
            client.put("clientType", "CONFIDENTIAL");
            client.put("tokenAuthMethod", "CLIENT_SECRET_BASIC");
        }
        return client;
    }

    /** The RFC 7591 answer: the client's metadata with its credentials. */
    private static ObjectNode toMetadata(ServiceConfig service, ClientConfig client, String registrationToken, ApiCall call) {
        ObjectNode metadata = Json.object();
        metadata.put("client_id", Long.toString(client.clientId()));
        metadata.put("client_secret", client.clientSecret());
        metadata.put("client_id_issued_at", client.toJson().path("createdAt").asLong(call.now().toEpochMilli()) / 1000);
        metadata.put("client_secret_expires_at", 0);
        if (registrationToken != null) {
            metadata.put("registration_access_token", registrationToken);
        }
        String management = service.endpoint("registrationManagementEndpoint");
        if (management != null) {
            metadata.put("registration_client_uri", management + "/" + client.clientId());
        }
        ObjectNode json = client.toJson();
        SIMPLE_MEMBERS.forEach((wire, member) -> {
            if (json.hasNonNull(member)) {
                metadata.set(wire, json.get(member));
            }
        });
        ArrayNode grants = metadata.putArray("grant_types");
        client.grantTypes().forEach(g -> GRANT_TYPES.forEach((wire, name) -> {
            if (name.equals(g)) {
                grants.add(wire);
            }
        }));
        ArrayNode types = metadata.putArray("response_types");
        client.responseTypes().forEach(t -> types.add(ResponseTypes.wireValue(t)));
        metadata.set("token_endpoint_auth_method", new TextNode(client.tokenAuthMethod() == null ? "client_secret_basic"
                : client.tokenAuthMethod().toLowerCase()));
        return metadata;
    }
}
