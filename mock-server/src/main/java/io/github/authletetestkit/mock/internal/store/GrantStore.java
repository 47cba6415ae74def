package io.github.authletetestkit.mock.internal.store;

import io.github.authletetestkit.mock.internal.grants.ManagedGrant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** What end-users granted clients: the scopes per (client, subject), and Grant Management's grants. */
public interface GrantStore {

    /** Records that {@code subject} granted {@code scopes} to the client now. */
    void recordGrant(long clientId, String subject, List<String> scopes, Instant now);

    Optional<GrantedScopes> grantedScopes(long clientId, String subject);

    /** Forgets what the subject (or, with a null subject, everyone) granted the client. */
    void forgetGrantedScopes(long clientId, String subject);

    Optional<ManagedGrant> grant(String grantId);

    /**
     * Replaces the grant under {@code grantId} (null when there is none yet) by what {@code change} makes of it,
     * and runs {@code then} with the new grant (minting its tokens), so that a concurrent {@link #revokeGrant}
     * leaves the grant and its tokens together or neither. Empty, changing nothing, when {@code change} refuses.
     */
    <T> Optional<T> changeGrant(String grantId, Function<ManagedGrant, Optional<ManagedGrant>> change, Function<ManagedGrant, T> then);

    /** Deletes the grant and every token issued under it; false when it was unknown or a concurrent caller revoked it first. */
    boolean revokeGrant(String grantId);
}
