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

    public TokenRecord withAccessTokenExpiresAt(Instant expiresAt) {
        return new TokenRecord(accessToken, expiresAt, refreshToken, refreshTokenExpiresAt, grant, dpopJkt, createdAt, lastRefreshedAt);
    }

    public TokenRecord withRefreshTokenExpiresAt(Instant expiresAt) {
        return new TokenRecord(accessToken, accessTokenExpiresAt, refreshToken, expiresAt, grant, dpopJkt, createdAt, lastRefreshedAt);
    }

    public TokenRecord withGrant(Grant newGrant) {
        return new TokenRecord(accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt, newGrant, dpopJkt, createdAt, lastRefreshedAt);
    }
}
