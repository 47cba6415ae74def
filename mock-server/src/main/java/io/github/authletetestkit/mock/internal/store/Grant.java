package io.github.authletetestkit.mock.internal.store;

import java.util.List;

/**
 * What the end-user (or the client itself) granted: carried from the issue call to every token minted
 * from it, and on through refreshes. {@code grantId} names the managed grant (Grant Management) the tokens
 * belong to; null when the authorization request asked nothing of grant management.
 */
public record Grant(
        long clientId,
        String subject,
        String sub,
        List<String> scopes,
        String grantType,
        List<Property> properties,
        Long authTimeSeconds,
        String acr,
        String claims,
        String nonce,
        String sessionId,
        String idTokenAudType,
        String grantId,
        String claimsRequest,
        String authorizationDetails,
        List<String> resources) {

    /** A grant without authorization details (RFC 9396) or resources (RFC 8707). */
    public Grant(long clientId, String subject, String sub, List<String> scopes, String grantType, List<Property> properties,
                 Long authTimeSeconds, String acr, String claims, String nonce, String sessionId, String idTokenAudType, String grantId,
                 String claimsRequest) {
        this(clientId, subject, sub, scopes, grantType, properties, authTimeSeconds, acr, claims, nonce, sessionId, idTokenAudType,
                grantId, claimsRequest, null, null);
    }

    /** A grant without an OpenID Connect {@code claims} request parameter. */
    public Grant(long clientId, String subject, String sub, List<String> scopes, String grantType, List<Property> properties,
                 Long authTimeSeconds, String acr, String claims, String nonce, String sessionId, String idTokenAudType, String grantId) {
        this(clientId, subject, sub, scopes, grantType, properties, authTimeSeconds, acr, claims, nonce, sessionId, idTokenAudType,
                grantId, null);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    public Grant withScopes(List<String> newScopes) {
        return new Grant(clientId, subject, sub, newScopes, grantType, properties, authTimeSeconds, acr, claims, nonce, sessionId, idTokenAudType, grantId, claimsRequest, authorizationDetails, resources);
    }

    public Grant withGrantType(String newGrantType) {
        return new Grant(clientId, subject, sub, scopes, newGrantType, properties, authTimeSeconds, acr, claims, nonce, sessionId, idTokenAudType, grantId, claimsRequest, authorizationDetails, resources);
    }

    public Grant withProperties(List<Property> newProperties) {
        return new Grant(clientId, subject, sub, scopes, grantType, newProperties, authTimeSeconds, acr, claims, nonce, sessionId, idTokenAudType, grantId, claimsRequest, authorizationDetails, resources);
    }

    public Grant withGrantId(String newGrantId) {
        return new Grant(clientId, subject, sub, scopes, grantType, properties, authTimeSeconds, acr, claims, nonce, sessionId, idTokenAudType, newGrantId, claimsRequest, authorizationDetails, resources);
    }

    public Grant withResources(List<String> newResources) {
        return new Grant(clientId, subject, sub, scopes, grantType, properties, authTimeSeconds, acr, claims, nonce, sessionId, idTokenAudType,
                grantId, claimsRequest, authorizationDetails, newResources.isEmpty() ? null : newResources);
    }

    /** The resources granted (RFC 8707); empty when none. */
    public List<String> grantedResources() {
        return resources == null ? List.of() : resources;
    }

    public static Grant forClient(long clientId, List<String> scopes, String grantType) {
        return new Grant(clientId, null, null, scopes, grantType, List.of(), null, null, null, null, null, null, null);
    }
}
