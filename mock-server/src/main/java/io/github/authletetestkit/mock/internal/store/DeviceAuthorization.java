package io.github.authletetestkit.mock.internal.store;

import io.github.authletetestkit.mock.internal.grants.GrantRequest;
import java.time.Instant;
import java.util.List;

/**
 * A device authorization request (RFC 8628): found by its {@code device_code} at the token endpoint and by
 * its {@code user_code} at the verification and complete APIs, until it expires or its tokens are issued.
 *
 * @param intervalSeconds the minimum time between two polls of the token endpoint; 0 means no limit
 * @param lastPolledAt    when the client last polled the token endpoint with the device code, or null
 * @param decision        the end-user's decision, null while pending
 * @param grantManagement the request's grant management action, applied when the tokens are issued; null for none
 */
public record DeviceAuthorization(
        String deviceCode,
        String userCode,
        long clientId,
        boolean clientIdAliasUsed,
        List<String> scopes,
        List<String> acrs,
        Instant expiresAt,
        long intervalSeconds,
        Instant lastPolledAt,
        EndUserDecision decision,
        GrantRequest grantManagement) {

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean pending() {
        return decision == null;
    }

    /** Whether a poll at {@code now} comes sooner than the interval allows after the previous one. */
    public boolean tooSoon(Instant now) {
        return intervalSeconds > 0 && lastPolledAt != null && now.isBefore(lastPolledAt.plusSeconds(intervalSeconds));
    }

    public DeviceAuthorization polledAt(Instant now) {
        return new DeviceAuthorization(deviceCode, userCode, clientId, clientIdAliasUsed, scopes, acrs, expiresAt,
                intervalSeconds, now, decision, grantManagement);
    }

    public DeviceAuthorization decided(EndUserDecision newDecision) {
        return new DeviceAuthorization(deviceCode, userCode, clientId, clientIdAliasUsed, scopes, acrs, expiresAt,
                intervalSeconds, lastPolledAt, newDecision, grantManagement);
    }
}
