package io.github.authletetestkit.mock.internal.store;

import java.time.Instant;
import java.util.List;

/** An authorization code: one-time, short-lived, carrying everything the token endpoint needs. */
public record AuthorizationCode(
        String code,
        AuthorizationTicket request,
        Grant grant,
        Instant expiresAt) {

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public List<String> scopes() {
        return grant.scopes();
    }
}
