package io.github.authletetestkit.mock.internal.store;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/** What one subject granted one client: the scopes of the latest grant and all scopes ever granted. */
public record GrantedScopes(long clientId, String subject, List<String> latest, List<String> merged, Instant modifiedAt) {

    public GrantedScopes plus(List<String> scopes, Instant now) {
        LinkedHashSet<String> union = new LinkedHashSet<>(merged);
        union.addAll(scopes);
        return new GrantedScopes(clientId, subject, List.copyOf(scopes), List.copyOf(union), now);
    }

    /** The key of the record of a (client, subject) pair. */
    public static String key(long clientId, String subject) {
        return clientId + " " + subject;
    }
}
