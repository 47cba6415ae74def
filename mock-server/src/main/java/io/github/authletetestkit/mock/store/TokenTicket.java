package io.github.authletetestkit.mock.store;

import java.time.Instant;

/** A token request waiting for the service to check the resource owner's password ({@code PASSWORD} action). */
public record TokenTicket(String ticket, Grant grant, String username, Instant expiresAt) {

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
