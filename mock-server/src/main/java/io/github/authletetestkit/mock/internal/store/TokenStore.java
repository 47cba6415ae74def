package io.github.authletetestkit.mock.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Token pairs — an access token and, when issued, its refresh token, which come and go together as Authlete's
 * token records do — found by either token; plus token creation batches and the DPoP proofs seen.
 */
public interface TokenStore {

    /** Stores the pair under its access token (replacing what was there) and under its refresh token. */
    void putToken(TokenRecord token);

    Optional<TokenRecord> byAccessToken(String accessToken);

    Optional<TokenRecord> byRefreshToken(String refreshToken);

    /**
     * Takes a refresh token's pair out of the store (both tokens stop working). False when a concurrent
     * refresh, update or revocation changed or took it first.
     */
    default boolean consumePair(TokenRecord pair) {
        return removeIf(pair.accessToken(), pair::equals);
    }

    /** Removes the pair stored under {@code pair}'s access token, whatever its current version. */
    default void removePair(TokenRecord pair) {
        removeIf(pair.accessToken(), current -> true);
    }

    /** Remove-if: removes the pair under {@code accessToken} when its current version matches; true when removed. */
    boolean removeIf(String accessToken, Predicate<TokenRecord> which);

    /** Compare-and-replace: false when the pair changed or was removed since {@code current} was read. */
    boolean replaceToken(TokenRecord current, TokenRecord updated);

    /**
     * Applies {@code change} to the pair under {@code accessToken} atomically (retried when a concurrent change
     * won); empty when there is no such pair, so that an update racing a revocation never brings it back.
     */
    default Optional<TokenRecord> updateToken(String accessToken, UnaryOperator<TokenRecord> change) {
        return AtomicChange.apply(() -> byAccessToken(accessToken).orElse(null), change, this::replaceToken);
    }

    /** Removes every pair that matches when it is removed; the number removed. */
    default int removeTokens(Predicate<TokenRecord> which) {
        int count = 0;
        for (TokenRecord token : tokens()) {
            if (removeIf(token.accessToken(), which)) {
                count++;
            }
        }
        return count;
    }

    /** Every pair. */
    List<TokenRecord> tokens();

    void putTokenBatch(TokenBatch batch);

    Optional<TokenBatch> tokenBatch(String requestId);

    /** Records a DPoP proof's {@code jti} for its key until {@code forgetAt}; false when the same key used it before (RFC 9449 11.1). */
    boolean firstUseOfDpopProof(String jwkThumbprint, String jti, Instant forgetAt);

    /** Throws when a replacement would move the pair to another access token. */
    static void requireSameAccessToken(TokenRecord current, TokenRecord updated) {
        if (!current.accessToken().equals(updated.accessToken())) {
            throw new IllegalArgumentException("A replacement keeps the access token");
        }
    }
}
