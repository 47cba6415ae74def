package io.github.authletetestkit.mock.store;

import java.time.Instant;

/**
 * An access token and, when issued, its refresh token: the pair Authlete keeps per issuance. A token may be bound to a
 * DPoP key ({@code dpopJkt}, RFC 9449) and to a client certificate ({@code certificateThumbprint}: base64url SHA-256 of
 * the certificate's DER, RFC 8705's {@code x5t#S256}); null when not bound.
 */
public record TokenRecord(
        String accessToken,
        Instant accessTokenExpiresAt,
        String refreshToken,
        Instant refreshTokenExpiresAt,
        Grant grant,
        String dpopJkt,
        Instant createdAt,
        Instant lastRefreshedAt,
        String certificateThumbprint) {

    /** A token not bound to a client certificate (the shape before certificate binding existed). */
    public TokenRecord(String accessToken, Instant accessTokenExpiresAt, String refreshToken, Instant refreshTokenExpiresAt,
                       Grant grant, String dpopJkt, Instant createdAt, Instant lastRefreshedAt) {
        this(accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt, grant, dpopJkt, createdAt, lastRefreshedAt, null);
    }

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
        return new TokenRecord(accessToken, expiresAt, refreshToken, refreshTokenExpiresAt, grant, dpopJkt, createdAt, lastRefreshedAt,
                certificateThumbprint);
    }

    public TokenRecord withRefreshTokenExpiresAt(Instant expiresAt) {
        return new TokenRecord(accessToken, accessTokenExpiresAt, refreshToken, expiresAt, grant, dpopJkt, createdAt, lastRefreshedAt,
                certificateThumbprint);
    }

    public TokenRecord withGrant(Grant newGrant) {
        return new TokenRecord(accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt, newGrant, dpopJkt, createdAt, lastRefreshedAt,
                certificateThumbprint);
    }
}
