package io.github.authletetestkit.mock.internal.store;

import java.time.Instant;

/** An authorization request pushed to the PAR endpoint (RFC 9126), redeemable once by its request URI. */
public record PushedRequest(String requestUri, long clientId, String parameters, Instant expiresAt) {

    public static final String URI_PREFIX = "urn:ietf:params:oauth:request_uri:";

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
