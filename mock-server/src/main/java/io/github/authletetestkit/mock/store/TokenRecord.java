package io.github.authletetestkit.mock.store;

import java.time.Instant;

/** An access token and, when issued, its refresh token: the pair Authlete keeps per issuance. */
public record TokenRecord(
        String accessToken,
        Instant accessTokenExpiresAt,
        String refreshToken,
        Instant refreshTokenExpiresAt,
        Grant grant,
        String dpopJkt,
        Instant createdAt,
        Instant lastRefreshedAt) {

    public boolean accessTokenExpired(Instant now) {
        return !now.isBefore(accessTokenExpiresAt);
    }

    public boolean refreshTokenUsable(Instant now) {
        return refreshToken != null && now.isBefore(refreshTokenExpiresAt);
    }

    public long clientId() {
        return grant.clientId();
    }
}
