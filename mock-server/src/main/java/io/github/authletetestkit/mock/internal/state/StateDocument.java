package io.github.authletetestkit.mock.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.grants.ManagedGrant;
import io.github.authletetestkit.mock.internal.store.AuthorizationCode;
import io.github.authletetestkit.mock.internal.store.AuthorizationTicket;
import io.github.authletetestkit.mock.internal.store.BackchannelRequest;
import io.github.authletetestkit.mock.internal.store.DeviceAuthorization;
import io.github.authletetestkit.mock.internal.store.GrantedScopes;
import io.github.authletetestkit.mock.internal.store.Property;
import io.github.authletetestkit.mock.internal.store.PushedRequest;
import io.github.authletetestkit.mock.internal.store.TokenTicket;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shape of a mock's whole state, as {@code state()} writes it and {@code loadSeed} reads it. Every
 * member is optional unless its reader says otherwise; services and clients carry Authlete's own JSON.
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
     * @param serviceId     the service's API key: required
     * @param serviceTokens service access tokens that may call this service's APIs
     * @param config        Authlete service members, laid over the defaults of a new service
     * @param clients       Authlete client members, laid over the defaults of a new client; {@code clientId} required
     * @param grants        Grant Management's grants, which tokens name by {@code grantId}
     */
    record ServiceEntry(
            Long serviceId,
            List<String> serviceTokens,
            ObjectNode config,
            List<ObjectNode> clients,
            List<TokenEntry> tokens,
            List<AuthorizationTicket> tickets,
            List<AuthorizationCode> authorizationCodes,
            List<TokenTicket> tokenTickets,
            List<DeviceAuthorization> deviceAuthorizations,
            List<BackchannelRequest> backchannelRequests,
            List<PushedRequest> pushedRequests,
            List<GrantedScopes> grantedScopes,
            List<ManagedGrant> grants) {}

    /**
     * An access token and its refresh token with the grant they carry, flat so that a seed can write one by hand:
     * only {@code accessToken} and {@code clientId} are required.
     *
     * @param expiresAt          when the access token expires; default: the service's access token duration from now
         * @param grantId            the service's managed grant the token was issued under; null for none
     * @param certificateThumbprint the client certificate the token is bound to (RFC 8705 {@code x5t#S256}); null for none
     * @param authorizationDetails the grant's authorization details (RFC 9396, a JSON array); null for none
     * @param resources          the grant's resources (RFC 8707); null for none
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
            List<Property> properties,
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
}
