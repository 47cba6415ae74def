package io.github.authletetestkit.mock.internal.grants;

import java.time.Instant;
import java.util.List;

/**
 * A grant as Grant Management for OAuth 2.0 tracks it: what one end-user ({@code subject}) granted one client
 * under {@code grantId}, across the authorization requests that created, merged into or replaced it.
 *
 * @param claims the ID token claims granted, as a JSON object (Authlete's {@code claims} string); null when none
 */
public record ManagedGrant(
        String grantId,
        long clientId,
        String subject,
        List<String> scopes,
        String claims,
        Instant createdAt,
        Instant updatedAt) {

    public ManagedGrant {
        // null passes through so that a seed without scopes is refused by the seed reader, naming the member
        scopes = scopes == null ? null : List.copyOf(scopes);
    }
}
