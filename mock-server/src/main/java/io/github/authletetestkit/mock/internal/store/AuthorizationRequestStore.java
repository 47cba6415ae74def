package io.github.authletetestkit.mock.internal.store;

import java.util.Optional;

/**
 * Requests waiting for their next step: authorization tickets, pushed authorization requests and the password
 * grant's token tickets. Each is consumed once.
 */
public interface AuthorizationRequestStore {

    void putTicket(AuthorizationTicket ticket);

    Optional<AuthorizationTicket> ticket(String ticket);

    /** Takes the ticket out; empty when unknown or already taken by a concurrent caller. */
    Optional<AuthorizationTicket> consumeTicket(String ticket);

    /** Replaces the ticket while it is still there (a consumed ticket stays consumed). */
    void replaceTicket(AuthorizationTicket updated);

    void putPushedRequest(PushedRequest request);

    /** Takes the pushed request out: a request URI is good for one authorization request. */
    Optional<PushedRequest> consumePushedRequest(String requestUri);

    void putTokenTicket(TokenTicket ticket);

    Optional<TokenTicket> consumeTokenTicket(String ticket);
}
