package io.github.authletetestkit.mock.internal.store;

import java.time.Instant;

/**
 * A token request waiting for the service to check the resource owner's password ({@code PASSWORD} action), with the
 * client certificate thumbprint the tokens are to be bound to (null: not bound).
 */
public record TokenTicket(String ticket, Grant grant, String username, Instant expiresAt, String certificateThumbprint) {

    /** A ticket whose tokens are not certificate-bound. */
    public TokenTicket(String ticket, Grant grant, String username, Instant expiresAt) {
        this(ticket, grant, username, expiresAt, null);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
