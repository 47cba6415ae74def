package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ScopeDefinition;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.util.List;
import java.util.Map;

/** {@code /service/jwks/get} and {@code /service/configuration}: documents returned verbatim, not wrapped in a result. */
public final class DiscoveryApi {

    private static final Map<String, String> ENDPOINTS = Map.ofEntries(
            Map.entry("authorization_endpoint", "authorizationEndpoint"),
            Map.entry("token_endpoint", "tokenEndpoint"),
            Map.entry("userinfo_endpoint", "userInfoEndpoint"),
            Map.entry("jwks_uri", "jwksUri"),
            Map.entry("registration_endpoint", "registrationEndpoint"),
            Map.entry("revocation_endpoint", "revocationEndpoint"),
            Map.entry("introspection_endpoint", "introspectionEndpoint"),
            Map.entry("pushed_authorization_request_endpoint", "pushedAuthReqEndpoint"),
            Map.entry("device_authorization_endpoint", "deviceAuthorizationEndpoint"),
            Map.entry("backchannel_authentication_endpoint", "backchannelAuthenticationEndpoint"));

    private static final Map<String, String> GRANT_WIRE_NAMES = Map.of(
            "AUTHORIZATION_CODE", "authorization_code", "IMPLICIT", "implicit", "PASSWORD", "password",
            "CLIENT_CREDENTIALS", "client_credentials", "REFRESH_TOKEN", "refresh_token",
            "DEVICE_CODE", "urn:ietf:params:oauth:grant-type:device_code", "CIBA", "urn:openid:params:grant-type:ciba",
            "TOKEN_EXCHANGE", "urn:ietf:params:oauth:grant-type:token-exchange", "JWT_BEARER", "urn:ietf:params:oauth:grant-type:jwt-bearer");

    public ApiResponse jwks(ApiCall call) {
        String jwks = call.service().config().jwks();
        if (jwks == null || jwks.isBlank()) {
            return ApiResponse.noContent();
        }
        JWKSet set = Jwks.parse(jwks);
        String json = "true".equals(call.queryParam("includePrivateKeys")) ? Jwks.fullJson(set) : Jwks.publicJson(set);
        return ApiResponse.rawJson(maybePretty(Json.parse(json), call));
    }

    public ApiResponse configuration(ApiCall call) {
        // the query (GET) or, as the Java SDK sends it, the body (POST {pretty, patch})
        String patch = call.queryParam("patch") != null ? call.queryParam("patch") : call.bodyObject().path("patch").asText(null);
        ObjectNode patched = applyPatch(document(call.service().config()), patch);
        return ApiResponse.rawJson(maybePretty(patched, call));
    }

    /** The service's OpenID Provider metadata (discovery document), also the federation entity's {@code openid_provider}. */
    static ObjectNode document(ServiceConfig service) {
        ObjectNode doc = Json.object();
        doc.put("issuer", service.issuer());
        ENDPOINTS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String value = service.endpoint(e.getValue());
            if (value != null && !value.isEmpty()) {
                doc.put(e.getKey(), value);
            }
        });
        strings(doc.putArray("scopes_supported"), service.supportedScopes().stream().map(ScopeDefinition::name).toList());
        strings(doc.putArray("response_types_supported"),
                service.supportedResponseTypes().stream().map(ResponseTypes::wireValue).toList());
        strings(doc.putArray("response_modes_supported"),
                List.of("query", "fragment", "form_post", "jwt", "query.jwt", "fragment.jwt", "form_post.jwt"));
        strings(doc.putArray("grant_types_supported"),
                service.supportedGrantTypes().stream().map(g -> GRANT_WIRE_NAMES.getOrDefault(g, g.toLowerCase())).toList());
        strings(doc.putArray("subject_types_supported"), List.of("public"));
        strings(doc.putArray("id_token_signing_alg_values_supported"), List.of("RS256", "ES256", "PS256"));
        strings(doc.putArray("token_endpoint_auth_methods_supported"), lowerCase(service.toJson().path("supportedTokenAuthMethods")));
        strings(doc.putArray("code_challenge_methods_supported"), List.of("plain", "S256"));
        strings(doc.putArray("claims_supported"), service.supportedClaims());
        strings(doc.putArray("dpop_signing_alg_values_supported"), List.of("ES256", "RS256", "PS256", "EdDSA"));
        strings(doc.putArray("backchannel_token_delivery_modes_supported"), lowerCase(service.toJson().path("supportedBackchannelTokenDeliveryModes")));
        doc.put("require_pushed_authorization_requests", service.parRequired());
        doc.put("authorization_response_iss_parameter_supported", !service.issSuppressed());
        doc.put("claims_parameter_supported", true);
        doc.put("request_parameter_supported", false);
        doc.put("request_uri_parameter_supported", true);
        return doc;
    }

    /** Applies an RFC 6902 JSON Patch ({@code add}, {@code replace}, {@code remove} on top-level members). */
    private static ObjectNode applyPatch(ObjectNode doc, String patch) {
        if (patch == null || patch.isBlank()) {
            return doc;
        }
        JsonNode ops;
        try {
            ops = Json.parse(patch);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'patch' is not valid JSON: " + e.getMessage());
        }
        if (!ops.isArray()) {
            throw ApiException.badRequest("'patch' must be a JSON array of RFC 6902 operations.");
        }
        for (JsonNode op : ops) {
            String path = op.path("path").asText("");
            String member = path.startsWith("/") ? path.substring(1).replace("~1", "/").replace("~0", "~") : path;
            switch (op.path("op").asText()) {
                case "add", "replace" -> doc.set(member, op.get("value"));
                case "remove" -> doc.remove(member);
                default -> throw ApiException.badRequest("'patch' operation '" + op.path("op").asText() + "' is not supported.");
            }
        }
        return doc;
    }

    private static String maybePretty(JsonNode doc, ApiCall call) {
        try {
            return "true".equals(call.queryParam("pretty")) || call.bodyObject().path("pretty").asBoolean(false)
                    ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc)
                    : Json.write(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lowerCase(JsonNode array) {
        return array.isArray() ? java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.asText().toLowerCase()).toList() : List.of();
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
