package io.github.authletetestkit.mock.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** An Authlete service (an authorization server's configuration), read-only. */
public final class ServiceConfig extends JsonDocument {

    /** Authlete's service schema has no authorization-code lifetime; the real service uses ten minutes. */
    public static final long AUTHORIZATION_CODE_SECONDS = 600;
    /** Lifetime of an authorization ticket; undocumented by Authlete, a day here. */
    public static final long TICKET_SECONDS = 86_400;

    public ServiceConfig(ObjectNode json) {
        super(json);
    }

    public long apiKey() { return number("apiKey", 0); }
    public String serviceName() { return text("serviceName"); }
    public String issuer() { return text("issuer"); }
    public List<String> supportedGrantTypes() { return texts("supportedGrantTypes"); }
    public List<String> supportedResponseTypes() { return texts("supportedResponseTypes"); }
    public boolean supportsGrantType(String grantType) { return supportedGrantTypes().contains(grantType); }

    public List<ScopeDefinition> supportedScopes() {
        List<ScopeDefinition> out = new ArrayList<>();
        JsonNode scopes = node("supportedScopes");
        if (scopes != null && scopes.isArray()) {
            scopes.forEach(s -> out.add(new ScopeDefinition(s.path("name").asText(), s.path("defaultEntry").asBoolean(false))));
        }
        return out;
    }

    /** The {@code supportedScopes[]} entry objects as Authlete returns them in authorization responses. */
    public List<JsonNode> scopeEntries(List<String> names) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode scopes = node("supportedScopes");
        for (String name : names) {
            JsonNode found = null;
            if (scopes != null) {
                for (JsonNode s : scopes) {
                    if (name.equals(s.path("name").asText())) { found = s; break; }
                }
            }
            out.add(found != null ? found.deepCopy() : Json.object().put("name", name));
        }
        return out;
    }

    public long accessTokenDuration() { return number("accessTokenDuration", 86_400); }
    public long refreshTokenDuration() { return number("refreshTokenDuration", 864_000); }
    public long idTokenDuration() { return number("idTokenDuration", 86_400); }
    public boolean pkceRequired() { return flag("pkceRequired"); }
    public boolean pkceS256Required() { return flag("pkceS256Required"); }
    public boolean parRequired() { return flag("parRequired"); }
    public boolean scopeRequired() { return flag("scopeRequired"); }
    public boolean issSuppressed() { return flag("issSuppressed"); }
    public boolean errorDescriptionOmitted() { return flag("errorDescriptionOmitted"); }
    public boolean errorUriOmitted() { return flag("errorUriOmitted"); }
    public boolean refreshTokenKept() { return flag("refreshTokenKept"); }
    public boolean refreshTokenDurationKept() { return flag("refreshTokenDurationKept"); }
    public boolean refreshTokenDurationReset() { return flag("refreshTokenDurationReset"); }
    public boolean tokenExpirationLinked() { return flag("tokenExpirationLinked"); }
    public boolean singleAccessTokenPerSubject() { return flag("singleAccessTokenPerSubject"); }
    public boolean tlsClientCertificateBoundAccessTokens() { return flag("tlsClientCertificateBoundAccessTokens"); }
    public boolean loopbackRedirectionUriVariable() { return flag("loopbackRedirectionUriVariable"); }
    public boolean grantManagementActionRequired() { return flag("grantManagementActionRequired"); }
    public String jwks() { return text("jwks"); }
    /** The JWS algorithm of JWT access tokens; null (or {@code NONE}) when access tokens are opaque. */
    public String accessTokenSignAlg() { return text("accessTokenSignAlg"); }
    public String accessTokenSignatureKeyId() { return text("accessTokenSignatureKeyId"); }
    public String authorizationSignatureKeyId() { return text("authorizationSignatureKeyId"); }
    public boolean requestObjectRequired() { return flag("requestObjectRequired"); }
    public boolean requestObjectAudienceChecked() { return flag("requestObjectAudienceChecked"); }
    /** Whether the service follows FAPI: {@code FAPI} among its {@code supportedServiceProfiles}, or a {@code fapiModes} entry. */
    public boolean fapi() { return texts("supportedServiceProfiles").contains("FAPI") || !texts("fapiModes").isEmpty(); }
    public long allowableClockSkew() { return Math.max(0, number("allowableClockSkew", 0)); }
    public String idTokenSignatureKeyId() { return text("idTokenSignatureKeyId"); }
    public String userInfoSignatureKeyId() { return text("userInfoSignatureKeyId"); }
    public String accessTokenType() { return text("accessTokenType") == null ? "Bearer" : text("accessTokenType"); }
    public String idTokenAudType() { return text("idTokenAudType"); }
    public List<String> supportedClaims() { return texts("supportedClaims"); }
    public List<String> supportedAuthorizationDetailsTypes() { return texts("supportedAuthorizationDetailsTypes"); }
    public String endpoint(String name) { return text(name); }

    /** A copy of this service with {@code changes} merged in: absent members keep their value, present ones (arrays too) replace. */
    public ServiceConfig merge(ObjectNode changes) {
        ObjectNode merged = toJson();
        changes.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue().deepCopy()));
        return new ServiceConfig(merged);
    }
}
