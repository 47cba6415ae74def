package io.github.authletetestkit.mock.internal.store;

import io.github.authletetestkit.mock.internal.grants.GrantRequest;
import java.time.Instant;
import java.util.List;

/**
 * A CIBA backchannel authentication request: created with a {@code ticket} by
 * {@code /backchannel/authentication}, given an {@code auth_req_id} by {@code /issue}, decided by
 * {@code /complete}, and taken by the token endpoint (poll, ping) or by {@code /complete} itself (push).
 *
 * @param deliveryMode            {@code POLL}, {@code PING} or {@code PUSH}, the client's mode at request time
 * @param hintType                {@code LOGIN_HINT}, {@code LOGIN_HINT_TOKEN} or {@code ID_TOKEN_HINT}
 * @param sub                     the {@code sub} of the ID token hint, or null
 * @param requestedExpiry         the {@code requested_expiry} parameter in seconds, 0 when absent
 * @param authReqId               null until {@code /backchannel/authentication/issue}
 * @param expiresAt               the ticket's expiry until issued, the {@code auth_req_id}'s after
 * @param intervalSeconds         the minimum time between two polls of the token endpoint; 0 means no limit
 * @param lastPolledAt            when the client last polled the token endpoint, or null
 * @param decision                the end-user's decision, null while pending
 * @param grantManagement         the request's grant management action, applied when the tokens are issued; null for none
 */
public record BackchannelRequest(
        String ticket,
        long clientId,
        boolean clientIdAliasUsed,
        List<String> scopes,
        List<String> acrs,
        String deliveryMode,
        String clientNotificationToken,
        String hintType,
        String hint,
        String sub,
        String bindingMessage,
        String userCode,
        long requestedExpiry,
        String authReqId,
        Instant expiresAt,
        long intervalSeconds,
        Instant lastPolledAt,
        EndUserDecision decision,
        GrantRequest grantManagement) {

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean issued() {
        return authReqId != null;
    }

    public boolean pending() {
        return decision == null;
    }

    /** Whether a poll at {@code now} comes sooner than the interval allows after the previous one. */
    public boolean tooSoon(Instant now) {
        return intervalSeconds > 0 && lastPolledAt != null && now.isBefore(lastPolledAt.plusSeconds(intervalSeconds));
    }

    public BackchannelRequest issuedAs(String newAuthReqId, Instant newExpiresAt, long newIntervalSeconds) {
        return new BackchannelRequest(ticket, clientId, clientIdAliasUsed, scopes, acrs, deliveryMode, clientNotificationToken,
                hintType, hint, sub, bindingMessage, userCode, requestedExpiry, newAuthReqId, newExpiresAt, newIntervalSeconds,
                lastPolledAt, decision, grantManagement);
    }

    public BackchannelRequest polledAt(Instant now) {
        return new BackchannelRequest(ticket, clientId, clientIdAliasUsed, scopes, acrs, deliveryMode, clientNotificationToken,
                hintType, hint, sub, bindingMessage, userCode, requestedExpiry, authReqId, expiresAt, intervalSeconds, now, decision,
                grantManagement);
    }

    public BackchannelRequest decided(EndUserDecision newDecision) {
        return new BackchannelRequest(ticket, clientId, clientIdAliasUsed, scopes, acrs, deliveryMode, clientNotificationToken,
                hintType, hint, sub, bindingMessage, userCode, requestedExpiry, authReqId, expiresAt, intervalSeconds,
                lastPolledAt, newDecision, grantManagement);
    }
}
