package io.github.authletetestkit.mock.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shape of a mock's whole state, as {@code state()} writes it and {@code loadSeed} reads it; described for
 * readers by {@code io/github/authletetestkit/mock/state-document.schema.json}. These records are the document's own:
 * {@link StateExport} maps the store's records to them and {@link SeedReader} maps them back, so that renaming a field
 * of a store record cannot change the format. Every member is optional unless its reader says otherwise; services and
 * clients carry Authlete's own JSON; instants are ISO-8601 text.
 *
 * @param schemaVersion      the version of this format ({@link StateMigrations#CURRENT} when written; documents of earlier
 *                           versions are migrated when read)
 * @param organizationTokens tokens valid for every service, besides the configured organization token
 * @param clock              the mock clock, when it does not run at real time
 */
record StateDocument(Integer schemaVersion, List<ServiceEntry> services, List<String> organizationTokens, ClockSetting clock) {

    /**
     * One service and everything it holds.
     *
     * @param serviceId            the service's API key: required
     * @param serviceTokens        service access tokens that may call this service's APIs
     * @param config               Authlete service members, laid over the defaults of a new service
     * @param clients              Authlete client members, laid over the defaults of a new client; {@code clientId} required
     * @param tokens               live access tokens with their refresh tokens
     * @param tickets              authorization requests waiting for the end-user's decision
     * @param authorizationCodes   authorization codes not yet exchanged
     * @param tokenTickets         password token requests waiting for the service's check
     * @param deviceAuthorizations device flow requests (RFC 8628)
     * @param backchannelRequests  CIBA requests
     * @param pushedRequests       pushed authorization requests (RFC 9126)
     * @param grantedScopes        what each subject granted each client
     * @param grants               Grant Management's grants, which tokens name by {@code grantId}
     */
    record ServiceEntry(
            Long serviceId,
            List<String> serviceTokens,
            ObjectNode config,
            List<ObjectNode> clients,
            List<TokenEntry> tokens,
            List<TicketEntry> tickets,
            List<AuthorizationCodeEntry> authorizationCodes,
            List<TokenTicketEntry> tokenTickets,
            List<DeviceAuthorizationEntry> deviceAuthorizations,
            List<BackchannelRequestEntry> backchannelRequests,
            List<PushedRequestEntry> pushedRequests,
            List<GrantedScopesEntry> grantedScopes,
            List<ManagedGrantEntry> grants) {}

    /**
     * An access token and its refresh token with the grant they carry, flat so that a seed can write one by hand:
     * only {@code accessToken} and {@code clientId} are required.
     *
     * @param accessToken          the access token: required
     * @param clientId             the client it was issued to: required, one of the service's clients
     * @param subject              the end-user; null for a client's own token
     * @param scopes               the scopes granted
     * @param expiresAt            when the access token expires; default: the service's access token duration from now
     * @param refreshToken         the refresh token; null for none
     * @param refreshTokenExpiresAt when the refresh token expires; default: the service's refresh token duration from now
     * @param grantType            the grant type it was issued by (Authlete's names); default: {@code AUTHORIZATION_CODE} with
     *                             a subject, else {@code CLIENT_CREDENTIALS}
     * @param properties           extra properties of the grant
     * @param sub                  the {@code sub} of the ID token when it differs from the subject
     * @param authTime             when the end-user authenticated, in seconds since the epoch
     * @param acr                  the authentication context class reference
     * @param claims               the ID token claims granted, a JSON object as text
     * @param nonce                the authorization request's nonce
     * @param sessionId            the end-user's session ID ({@code sid})
     * @param idTokenAudType       {@code array} or {@code string}: how ID tokens carry {@code aud}
     * @param dpopJkt              the DPoP key thumbprint the token is bound to; null for none
     * @param createdAt            when the token was issued; default: now
     * @param lastRefreshedAt      when the token was last refreshed; null for never
     * @param grantId              the service's managed grant the token was issued under; null for none
     * @param certificateThumbprint the client certificate the token is bound to (RFC 8705 {@code x5t#S256}); null for none
     * @param authorizationDetails the grant's authorization details (RFC 9396, a JSON array); null for none
     * @param resources            the grant's resources (RFC 8707); null for none
     * @param accessTokenResources the access token's audience when a token request narrowed it; null: the grant's resources
     */
    record TokenEntry(
            String accessToken,
            Long clientId,
            String subject,
            List<String> scopes,
            Instant expiresAt,
            String refreshToken,
            Instant refreshTokenExpiresAt,
            String grantType,
            List<PropertyEntry> properties,
            String sub,
            Long authTime,
            String acr,
            String claims,
            String nonce,
            String sessionId,
            String idTokenAudType,
            String dpopJkt,
            Instant createdAt,
            Instant lastRefreshedAt,
            String grantId,
            String certificateThumbprint,
            JsonNode authorizationDetails,
            List<String> resources,
            List<String> accessTokenResources) {}

    /**
     * An extra property of a grant.
     *
     * @param key    the property's name
     * @param value  its value
     * @param hidden true when only the resource server may see it (introspection), never the client
     */
    record PropertyEntry(String key, String value, boolean hidden) {}

    /**
     * What an end-user or a client was granted, as carried by codes, token tickets and decisions.
     *
     * @param clientId             the client: required, one of the service's clients
     * @param subject              the end-user; null for a client's own grant
     * @param sub                  the {@code sub} of the ID token when it differs from the subject
     * @param scopes               the scopes granted: required
     * @param grantType            the grant type tokens are issued by (Authlete's names)
     * @param properties           extra properties: required (may be empty)
     * @param authTime             when the end-user authenticated, in seconds since the epoch
     * @param acr                  the authentication context class reference
     * @param claims               the ID token claims granted, a JSON object as text
     * @param nonce                the authorization request's nonce
     * @param sessionId            the end-user's session ID ({@code sid})
     * @param idTokenAudType       {@code array} or {@code string}: how ID tokens carry {@code aud}
     * @param grantId              the managed grant (Grant Management) the tokens belong to; null for none
     * @param claimsRequest        the OpenID Connect {@code claims} request parameter, JSON as text
     * @param authorizationDetails authorization details (RFC 9396), a JSON array
     * @param resources            resources (RFC 8707)
     */
    record GrantEntry(
            Long clientId,
            String subject,
            String sub,
            List<String> scopes,
            String grantType,
            List<PropertyEntry> properties,
            Long authTime,
            String acr,
            String claims,
            String nonce,
            String sessionId,
            String idTokenAudType,
            String grantId,
            String claimsRequest,
            JsonNode authorizationDetails,
            List<String> resources) {}

    /**
     * A Grant Management action an authorization request asked for, applied when its first access token is issued.
     *
     * @param action  the {@code grant_management_action} as Grant Management spells it: {@code create}, {@code merge} or
     *                {@code replace}: required
     * @param grantId the grant merged into or replaced; null for create
     */
    record GrantManagementEntry(String action, String grantId) {}

    /**
     * A validated authorization request waiting for the end-user's decision.
     *
     * @param ticket              the ticket: required
     * @param clientId            the client: required, one of the service's clients
     * @param clientIdAliasUsed   whether the request named the client by its alias
     * @param redirectUri         where the response goes
     * @param redirectUriExplicit whether the request gave {@code redirect_uri}
     * @param responseType        the response type as requested, e.g. {@code code id_token}: required
     * @param responseMode        the {@code response_mode} as OAuth spells it: {@code query}, {@code fragment}, {@code form_post},
     *                            {@code jwt}, {@code query.jwt}, {@code fragment.jwt} or {@code form_post.jwt}
     * @param scopes              the scopes requested: required
     * @param state               the request's {@code state}
     * @param nonce               the request's {@code nonce}
     * @param codeChallenge       the PKCE code challenge
     * @param codeChallengeMethod the PKCE method, {@code plain} or {@code S256}
     * @param maxAge              the request's {@code max_age} in seconds, 0 when absent
     * @param fixedSubject        the subject the request insists on ({@code claims}' {@code sub} value)
     * @param context             the context the service attached, given back at issue
     * @param expiresAt           when the ticket expires: required
     * @param grantManagement     the Grant Management action asked for; null for none
     * @param claimsRequest       the OpenID Connect {@code claims} request parameter, JSON as text
     * @param authorizationDetails authorization details (RFC 9396), a JSON array
     * @param resources           resources (RFC 8707)
     */
    record TicketEntry(
            String ticket,
            Long clientId,
            boolean clientIdAliasUsed,
            String redirectUri,
            boolean redirectUriExplicit,
            String responseType,
            String responseMode,
            List<String> scopes,
            String state,
            String nonce,
            String codeChallenge,
            String codeChallengeMethod,
            long maxAge,
            String fixedSubject,
            String context,
            Instant expiresAt,
            GrantManagementEntry grantManagement,
            String claimsRequest,
            JsonNode authorizationDetails,
            List<String> resources) {}

    /**
     * An authorization code not yet exchanged.
     *
     * @param code      the code: required
     * @param request   the authorization request it answers: required
     * @param grant     what the end-user granted: required
     * @param expiresAt when the code expires: required
     */
    record AuthorizationCodeEntry(String code, TicketEntry request, GrantEntry grant, Instant expiresAt) {}

    /**
     * A password token request waiting for the service to check the resource owner's password.
     *
     * @param ticket                the ticket: required
     * @param grant                 what the tokens are to carry: required
     * @param username              the resource owner's user name
     * @param expiresAt             when the ticket expires: required
     * @param certificateThumbprint the client certificate the tokens are to be bound to; null for none
     */
    record TokenTicketEntry(String ticket, GrantEntry grant, String username, Instant expiresAt, String certificateThumbprint) {}

    /**
     * What the end-user decided on a device flow or CIBA request.
     *
     * @param result               {@code AUTHORIZED}, {@code ACCESS_DENIED} or {@code TRANSACTION_FAILED} (the {@code result} of
     *                             Authlete's {@code /device/complete} and {@code /backchannel/authentication/complete}): required
     * @param grant                what was granted: required when authorized
     * @param errorDescription     the {@code error_description} of the client's error, when not authorized
     * @param errorUri             the {@code error_uri} of the client's error, when not authorized
     * @param accessTokenDuration  lifetime of the access token to issue in seconds; 0: the service's
     * @param refreshTokenDuration lifetime of the refresh token to issue in seconds; 0: the service's
     * @param accessToken          a caller-chosen access token value; null for a new one
     */
    record DecisionEntry(
            String result,
            GrantEntry grant,
            String errorDescription,
            String errorUri,
            long accessTokenDuration,
            long refreshTokenDuration,
            String accessToken) {}

    /**
     * A device authorization request (RFC 8628).
     *
     * @param deviceCode        the device code: required, unique
     * @param userCode          the user code: required, unique
     * @param clientId          the client: required, one of the service's clients
     * @param clientIdAliasUsed whether the request named the client by its alias
     * @param scopes            the scopes requested: required
     * @param acrs              the ACR values requested
     * @param expiresAt         when the codes expire: required
     * @param intervalSeconds   the minimum time between two polls; 0: no limit
     * @param lastPolledAt      when the client last polled; null for never
     * @param decision          the end-user's decision; null while pending
     * @param grantManagement   the Grant Management action asked for; null for none
     */
    record DeviceAuthorizationEntry(
            String deviceCode,
            String userCode,
            Long clientId,
            boolean clientIdAliasUsed,
            List<String> scopes,
            List<String> acrs,
            Instant expiresAt,
            long intervalSeconds,
            Instant lastPolledAt,
            DecisionEntry decision,
            GrantManagementEntry grantManagement) {}

    /**
     * A CIBA backchannel authentication request.
     *
     * @param ticket                  the ticket: required, unique
     * @param clientId                the client: required, one of the service's clients
     * @param clientIdAliasUsed       whether the request named the client by its alias
     * @param scopes                  the scopes requested: required
     * @param acrs                    the ACR values requested
     * @param deliveryMode            {@code POLL}, {@code PING} or {@code PUSH}, as Authlete spells it (a client's
     *                                {@code bcDeliveryMode}): required
     * @param clientNotificationToken the client's notification token (ping, push)
     * @param hintType                {@code LOGIN_HINT}, {@code LOGIN_HINT_TOKEN} or {@code ID_TOKEN_HINT}, as Authlete's
     *                                {@code /backchannel/authentication} response spells it
     * @param hint                    the hint's value
     * @param sub                     the {@code sub} of the ID token hint
     * @param bindingMessage          the binding message
     * @param userCode                the user code
     * @param requestedExpiry         the {@code requested_expiry} in seconds, 0 when absent
     * @param authReqId               the {@code auth_req_id}; null until issued
     * @param expiresAt               the ticket's expiry until issued, the {@code auth_req_id}'s after: required
     * @param intervalSeconds         the minimum time between two polls; 0: no limit
     * @param lastPolledAt            when the client last polled; null for never
     * @param decision                the end-user's decision; null while pending
     * @param grantManagement         the Grant Management action asked for; null for none
     */
    record BackchannelRequestEntry(
            String ticket,
            Long clientId,
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
            DecisionEntry decision,
            GrantManagementEntry grantManagement) {}

    /**
     * A pushed authorization request (RFC 9126), redeemable once.
     *
     * @param requestUri the request URI: required, unique
     * @param clientId   the client: required, one of the service's clients
     * @param parameters the request's parameters, form-encoded: required
     * @param expiresAt  when the request URI expires: required
     */
    record PushedRequestEntry(String requestUri, Long clientId, String parameters, Instant expiresAt) {}

    /**
     * What one subject granted one client.
     *
     * @param clientId   the client: required, one of the service's clients
     * @param subject    the end-user
     * @param latest     the scopes of the latest grant: required
     * @param merged     every scope ever granted: required
     * @param modifiedAt when it last changed: required
     */
    record GrantedScopesEntry(Long clientId, String subject, List<String> latest, List<String> merged, Instant modifiedAt) {}

    /**
     * A grant as Grant Management tracks it.
     *
     * @param grantId   the grant's ID: required, unique
     * @param clientId  the client: required, one of the service's clients
     * @param subject   the end-user: required
     * @param scopes    the scopes granted: required
     * @param claims    the ID token claims granted, a JSON object as text; null for none
     * @param createdAt when the grant was created: required
     * @param updatedAt when it last changed: required
     */
    record ManagedGrantEntry(String grantId, Long clientId, String subject, List<String> scopes, String claims,
                             Instant createdAt, Instant updatedAt) {}
}
