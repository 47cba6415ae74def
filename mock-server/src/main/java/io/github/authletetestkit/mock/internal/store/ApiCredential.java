package io.github.authletetestkit.mock.internal.store;

/**
 * A bearer token that may call the Authlete API: a service access token (one service) or an
 * organisation token (every service).
 */
public record ApiCredential(String token, Kind kind, long serviceId) {

    public enum Kind { SERVICE, ORGANIZATION }

    public static ApiCredential service(String token, long serviceId) {
        return new ApiCredential(token, Kind.SERVICE, serviceId);
    }

    public static ApiCredential organization(String token) {
        return new ApiCredential(token, Kind.ORGANIZATION, 0);
    }

    public boolean mayAccess(long targetServiceId) {
        return kind == Kind.ORGANIZATION || serviceId == targetServiceId;
    }

    public boolean isOrganization() {
        return kind == Kind.ORGANIZATION;
    }
}
