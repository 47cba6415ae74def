package io.github.authletetestkit.mock.internal.store;

import java.time.Instant;
import java.util.List;

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
        String certificateThumbprint,
        List<String> accessTokenResources) {

    /** A token whose audience is every resource of its grant (RFC 8707). */
    public TokenRecord(String accessToken, Instant accessTokenExpiresAt, String refreshToken, Instant refreshTokenExpiresAt,
                       Grant grant, String dpopJkt, Instant createdAt, Instant lastRefreshedAt, String certificateThumbprint) {
        this(accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt, grant, dpopJkt, createdAt, lastRefreshedAt,
                certificateThumbprint, null);
    }

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

    /** The access token's audience (RFC 8707): the resources asked for at the token request, else the grant's. */
    public List<String> audience() {
        return accessTokenResources != null ? accessTokenResources : grant.grantedResources();
    }

    public long clientId() {
        return grant.clientId();
    }

    public TokenRecord withAccessTokenExpiresAt(Instant expiresAt) {
        return new TokenRecord(accessToken, expiresAt, refreshToken, refreshTokenExpiresAt, grant, dpopJkt, createdAt, lastRefreshedAt,
                certificateThumbprint, accessTokenResources);
    }

    public TokenRecord withRefreshTokenExpiresAt(Instant expiresAt) {
        return new TokenRecord(accessToken, accessTokenExpiresAt, refreshToken, expiresAt, grant, dpopJkt, createdAt, lastRefreshedAt,
                certificateThumbprint, accessTokenResources);
    }

    public TokenRecord withGrant(Grant newGrant) {
        return new TokenRecord(accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt, newGrant, dpopJkt, createdAt, lastRefreshedAt,
                certificateThumbprint, accessTokenResources);
    }
}
