package io.github.authletetestkit.mock.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** An Authlete client (an OAuth client registered with a service), read-only. */
public final class ClientConfig extends JsonDocument {

    public ClientConfig(ObjectNode json) {
        super(json);
    }

    public long clientId() { return number("clientId", 0); }
    public String clientIdAlias() { return text("clientIdAlias") == null ? Long.toString(clientId()) : text("clientIdAlias"); }
    public String clientSecret() { return text("clientSecret"); }
    public String clientName() { return text("clientName"); }
    public boolean isPublic() { return "PUBLIC".equals(text("clientType")); }
    public List<String> grantTypes() { return texts("grantTypes"); }
    public List<String> responseTypes() { return texts("responseTypes"); }
    public List<String> redirectUris() { return texts("redirectUris"); }
    public String tokenAuthMethod() { return text("tokenAuthMethod"); }
    public boolean locked() { return flag("locked"); }
    public boolean parRequired() { return flag("parRequired"); }
    public boolean pkceRequired() { return flag("pkceRequired"); }
    public boolean pkceS256Required() { return flag("pkceS256Required"); }
    public boolean dpopRequired() { return flag("dpopRequired"); }
    public boolean tlsClientCertificateBoundAccessTokens() { return flag("tlsClientCertificateBoundAccessTokens"); }
    public long defaultMaxAge() { return number("defaultMaxAge", 0); }
    public String idTokenSignAlg() { return text("idTokenSignAlg"); }
    public String userInfoSignAlg() { return text("userInfoSignAlg"); }
    public String developer() { return text("developer"); }
    /** The client's JWK Set document, inline; null when it has none. */
    public String jwks() { return text("jwks"); }
    /** Where the client publishes its JWK Set; null when it does not. */
    public String jwksUri() { return text("jwksUri"); }
    /** The JWS algorithm the client must sign its client assertions with; null when any will do. */
    public String tokenAuthSignAlg() { return text("tokenAuthSignAlg"); }
    /** The JWS algorithm of the client's JARM responses; null for the default. */
    public String authorizationSignAlg() { return text("authorizationSignAlg"); }
    /** The JWS algorithm the client's request objects must be signed with; null when any (or none) will do. */
    public String requestSignAlg() { return text("requestSignAlg"); }
    public boolean requestObjectRequired() { return flag("requestObjectRequired"); }
    /** Whether the client follows a FAPI mode ({@code fapiModes}). */
    public boolean fapi() { return !texts("fapiModes").isEmpty(); }
    /** A {@code tlsClientAuth…} member ({@code SubjectDn}, {@code SanDns}, {@code SanUri}, {@code SanIp}, {@code SanEmail}); null when unset. */
    public String tlsClientAuth(String suffix) { return text("tlsClientAuth" + suffix); }

    /** Per-client lifetime overrides from {@code extension}; 0 means "use the service's". */
    public long extensionDuration(String name) {
        JsonNode v = extension().get(name);
        return v == null ? 0 : v.asLong(0);
    }

    public boolean requestableScopesEnabled() { return extension().path("requestableScopesEnabled").asBoolean(false); }
    public List<String> requestableScopes() { return texts(extension().get("requestableScopes")); }

    /** Whether the client may use {@code grantType}; an empty list means the service's list applies alone. */
    public boolean allowsGrantType(String grantType) {
        List<String> granted = grantTypes();
        return granted.isEmpty() || granted.contains(grantType);
    }

    /** Whether {@code identifier} names this client: its numeric ID or its alias. */
    public boolean isIdentifiedBy(String identifier) {
        return Long.toString(clientId()).equals(identifier) || clientIdAlias().equals(identifier);
    }

    public ClientConfig with(String member, JsonNode value) {
        ObjectNode copy = toJson();
        copy.set(member, value);
        return new ClientConfig(copy);
    }

    private JsonNode extension() {
        JsonNode e = node("extension");
        return e == null || e.isNull() ? Json.object() : e;
    }
}
