package io.github.authletetestkit.spec.internal;

import java.util.Arrays;

/**
 * Authlete's published hourly API limits group the operations in four buckets. Which bucket an operation
 * falls in is decided from its operationId: {@code service_*} and {@code client_*} are the two management
 * buckets; the front-channel half of each flow (authorization, PAR, device authorization and verification,
 * CIBA) is "authorization"; everything else (token endpoint, token operations, introspection, revocation,
 * userinfo…) is "token".
 */
public enum RateCategory {
    SERVICE_MANAGEMENT("service management"),
    CLIENT_MANAGEMENT("client management"),
    AUTHORIZATION("authorization"),
    TOKEN("token");

    private final String label;

    RateCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The category with this {@link #label()}; an unknown label is refused with the known ones. */
    public static RateCategory ofLabel(String label) {
        for (RateCategory category : values()) {
            if (category.label.equals(label)) {
                return category;
            }
        }
        throw new IllegalArgumentException("no rate-limit category \"" + label + "\"; known: "
                + Arrays.stream(values()).map(RateCategory::label).toList());
    }

    public static RateCategory of(String operationId) {
        String id = operationId == null ? "" : operationId;
        if (id.startsWith("service_")) {
            return SERVICE_MANAGEMENT;
        }
        if (id.startsWith("client_") && !id.startsWith("client_registration")) {
            return CLIENT_MANAGEMENT;
        }
        if (id.startsWith("auth_authorization") || id.startsWith("pushed_auth_req") || id.startsWith("device_")
                || id.startsWith("backchannel_")) {
            return AUTHORIZATION;
        }
        return TOKEN;
    }
}
