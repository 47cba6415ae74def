package io.github.authletetestkit.mock.internal.store;

import io.github.authletetestkit.mock.internal.grants.GrantRequest;
import java.time.Instant;
import java.util.List;

/**
 * A validated authorization request waiting for the end-user's decision; consumed by the first
 * {@code /auth/authorization/issue} or {@code /fail}. {@code grantManagement} is what the request asked of
 * Grant Management (null when nothing); it takes effect when the first access token is issued: at the issue call
 * for response types with {@code token}, else when the code is exchanged.
 */
public record AuthorizationTicket(
        String ticket,
        long clientId,
        boolean clientIdAliasUsed,
        String redirectUri,
        boolean redirectUriExplicit,
        String responseType,
        ResponseMode responseMode,
        List<String> scopes,
        String state,
        String nonce,
        String codeChallenge,
        String codeChallengeMethod,
        long maxAge,
        String fixedSubject,
        String context,
        Instant expiresAt,
        GrantRequest grantManagement,
        String claimsRequest,
        String authorizationDetails,
        List<String> resources) {

    /** A ticket without authorization details (RFC 9396) or resources (RFC 8707). */
    public AuthorizationTicket(String ticket, long clientId, boolean clientIdAliasUsed, String redirectUri, boolean redirectUriExplicit,
                               String responseType, ResponseMode responseMode, List<String> scopes, String state, String nonce,
                               String codeChallenge, String codeChallengeMethod, long maxAge, String fixedSubject, String context,
                               Instant expiresAt, GrantRequest grantManagement, String claimsRequest) {
        this(ticket, clientId, clientIdAliasUsed, redirectUri, redirectUriExplicit, responseType, responseMode, scopes, state, nonce,
                codeChallenge, codeChallengeMethod, maxAge, fixedSubject, context, expiresAt, grantManagement, claimsRequest, null, null);
    }

    /** A ticket without an OpenID Connect {@code claims} request parameter. */
    public AuthorizationTicket(String ticket, long clientId, boolean clientIdAliasUsed, String redirectUri, boolean redirectUriExplicit,
                               String responseType, ResponseMode responseMode, List<String> scopes, String state, String nonce,
                               String codeChallenge, String codeChallengeMethod, long maxAge, String fixedSubject, String context,
                               Instant expiresAt, GrantRequest grantManagement) {
        this(ticket, clientId, clientIdAliasUsed, redirectUri, redirectUriExplicit, responseType, responseMode, scopes, state, nonce,
                codeChallenge, codeChallengeMethod, maxAge, fixedSubject, context, expiresAt, grantManagement, null);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean requests(String responseTypePart) {
        return List.of(responseType.split(" ")).contains(responseTypePart);
    }

    public AuthorizationTicket withContext(String newContext) {
        return new AuthorizationTicket(ticket, clientId, clientIdAliasUsed, redirectUri, redirectUriExplicit, responseType,
                responseMode, scopes, state, nonce, codeChallenge, codeChallengeMethod, maxAge, fixedSubject, newContext, expiresAt,
                grantManagement, claimsRequest, authorizationDetails, resources);
    }

    /** This ticket with its grant management action spent (applied at the issue call), for the code issued with it. */
    public AuthorizationTicket withoutGrantManagement() {
        return new AuthorizationTicket(ticket, clientId, clientIdAliasUsed, redirectUri, redirectUriExplicit, responseType,
                responseMode, scopes, state, nonce, codeChallenge, codeChallengeMethod, maxAge, fixedSubject, context, expiresAt,
                null, claimsRequest, authorizationDetails, resources);
    }
}
