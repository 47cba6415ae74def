package io.github.authletetestkit.mock.internal.api;

import com.nimbusds.jose.jwk.JWKSet;
import io.github.authletetestkit.mock.internal.grants.GrantRequest;
import io.github.authletetestkit.mock.internal.grants.GrantRules;
import io.github.authletetestkit.mock.internal.oauth.AuthorizationDetails;
import io.github.authletetestkit.mock.internal.oauth.CannotSignException;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.internal.oauth.JwtAccessTokens;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import io.github.authletetestkit.mock.internal.store.Grant;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Mints access/refresh token pairs with the lifetimes Authlete would choose, and stores them. */
final class TokenMinter {

    /**
     * Per-request choices: explicit lifetimes (0 = default), a caller-chosen access token, a DPoP key binding, a client
     * certificate binding (RFC 8705 thumbprint), the resources the token request narrowed the audience to (RFC 8707;
     * null: the grant's).
     */
    record Options(long accessTokenDuration, long refreshTokenDuration, String accessToken, String dpopJkt,
                   String certificateThumbprint, List<String> resources) {
        static final Options DEFAULT = new Options(0, 0, null, null, null);

        /** Options whose token has the audience of its grant. */
        Options(long accessTokenDuration, long refreshTokenDuration, String accessToken, String dpopJkt, String certificateThumbprint) {
            this(accessTokenDuration, refreshTokenDuration, accessToken, dpopJkt, certificateThumbprint, null);
        }

        /** These options with the token's audience narrowed to {@code narrowed}. */
        Options withResources(List<String> narrowed) {
            return new Options(accessTokenDuration, refreshTokenDuration, accessToken, dpopJkt, certificateThumbprint, narrowed);
        }

        /** Options without a certificate binding. */
        Options(long accessTokenDuration, long refreshTokenDuration, String accessToken, String dpopJkt) {
            this(accessTokenDuration, refreshTokenDuration, accessToken, dpopJkt, null);
        }

        /**
         * These options with the access token value chosen now, for an ID token's at_hash minted before the token: the
         * caller's, else a random one, else — when the service issues JWT access tokens — the signed JWT.
         */
        Options withAccessToken(ServiceConfig service, ClientConfig client, Grant grant, boolean withRefresh, Instant now) {
            if (accessToken != null && !accessToken.isEmpty()) {
                return this;
            }
            Instant expiresAt = accessExpiresAt(service, client, withRefresh, now, this);
            return new Options(accessTokenDuration, refreshTokenDuration,
                    accessTokenValue(service, client, grant, now, expiresAt, dpopJkt, certificateThumbprint, resources), dpopJkt,
                    certificateThumbprint, resources);
        }
    }

    private TokenMinter() {}

    static TokenRecord mint(ServiceState state, ClientConfig client, Grant grant, boolean withRefresh, Instant now, Options options) {
        ServiceConfig service = state.config();
        if (service.singleAccessTokenPerSubject() && grant.subject() != null) {
            state.removeTokens(t -> t.clientId() == grant.clientId() && grant.subject().equals(t.grant().subject()));
        }
        Instant refreshExpiresAt = withRefresh ? now.plusSeconds(refreshDuration(service, client, options.refreshTokenDuration())) : null;
        Instant accessExpiresAt = accessExpiresAt(service, client, withRefresh, now, options);
        String accessToken = options.accessToken() != null && !options.accessToken().isEmpty() ? options.accessToken()
                : accessTokenValue(service, client, grant, now, accessExpiresAt, options.dpopJkt(), options.certificateThumbprint(),
                        options.resources());
        TokenRecord record = new TokenRecord(accessToken, accessExpiresAt, withRefresh ? RandomValues.token() : null,
                refreshExpiresAt, grant, options.dpopJkt(), now, null, options.certificateThumbprint(), options.resources());
        state.putToken(record);
        if (grant.subject() != null) {
            state.recordGrant(grant.clientId(), grant.subject(), grant.scopes(), now);
        }
        return record;
    }

    /**
     * Mints tokens for {@code grant} under Grant Management. With a {@code request} (the authorization request's
     * action, not yet applied), first creates, merges into or replaces the managed grant the tokens then belong to.
     * Without one, a {@code grant} that already names a managed grant (the code of a hybrid response whose token
     * applied the action) mints only while that grant still exists for the same client and end-user. Either way the
     * check, the change and the minting happen under the grant's lock, so a concurrent revocation sees all or none.
     * Empty, changing nothing, when the grant to use was revoked meanwhile or is another end-user's.
     */
    static Optional<TokenRecord> mintUnderGrant(ServiceState state, ClientConfig client, Grant grant, GrantRequest request,
                                                boolean withRefresh, Instant now, Options options) {
        if (request == null && grant.grantId() == null) {
            return Optional.of(mint(state, client, grant, withRefresh, now, options));
        }
        String grantId = request == null ? grant.grantId() : request.grantId() != null ? request.grantId() : RandomValues.token();
        return state.changeGrant(grantId,
                current -> request == null ? GrantRules.keep(current, grant.clientId(), grant.subject())
                        : GrantRules.apply(request, current, grantId, grant.clientId(), grant.subject(), grant.scopes(), grant.claims(), now),
                managed -> mint(state, client, grant.withGrantId(managed.grantId()), withRefresh, now, options));
    }

    /**
     * The pair that replaces {@code old} on a refresh: a new access token always; the refresh token kept
     * or rotated, its lifetime reset or inherited, as the service says.
     */
    static TokenRecord refresh(ServiceState state, ClientConfig client, TokenRecord old, Grant grant, Instant now, Options options) {
        ServiceConfig service = state.config();
        long refreshSeconds = refreshDuration(service, client, options.refreshTokenDuration());
        String refreshToken;
        Instant refreshExpiresAt;
        if (service.refreshTokenKept()) {
            refreshToken = old.refreshToken();
            refreshExpiresAt = service.refreshTokenDurationReset() ? now.plusSeconds(refreshSeconds) : old.refreshTokenExpiresAt();
        } else {
            refreshToken = RandomValues.token();
            refreshExpiresAt = service.refreshTokenDurationKept() ? old.refreshTokenExpiresAt() : now.plusSeconds(refreshSeconds);
        }
        Instant accessExpiresAt = now.plusSeconds(accessDuration(service, client, options.accessTokenDuration()));
        if (service.tokenExpirationLinked() && accessExpiresAt.isAfter(refreshExpiresAt)) {
            accessExpiresAt = refreshExpiresAt;
        }
        String dpopJkt = options.dpopJkt() != null ? options.dpopJkt() : old.dpopJkt();
        String thumbprint = options.certificateThumbprint() != null ? options.certificateThumbprint() : old.certificateThumbprint();
        TokenRecord record = new TokenRecord(
                accessTokenValue(service, client, grant, now, accessExpiresAt, dpopJkt, thumbprint, options.resources()),
                accessExpiresAt, refreshToken, refreshExpiresAt, grant, dpopJkt, old.createdAt(), now, thumbprint, options.resources());
        state.putToken(record);
        return record;
    }

    /** When a new access token expires: its lifetime, cut to the refresh token's when the service links the two. */
    private static Instant accessExpiresAt(ServiceConfig service, ClientConfig client, boolean withRefresh, Instant now, Options options) {
        Instant accessExpiresAt = now.plusSeconds(accessDuration(service, client, options.accessTokenDuration()));
        if (withRefresh && service.tokenExpirationLinked()) {
            Instant refreshExpiresAt = now.plusSeconds(refreshDuration(service, client, options.refreshTokenDuration()));
            return accessExpiresAt.isAfter(refreshExpiresAt) ? refreshExpiresAt : accessExpiresAt;
        }
        return accessExpiresAt;
    }

    /**
     * A new access token's value: random, or a JWT signed with the service's key when it sets {@code accessTokenSignAlg}.
     *
     * @throws CannotSignException when the JWT cannot be signed
     */
    private static String accessTokenValue(ServiceConfig service, ClientConfig client, Grant grant, Instant now, Instant expiresAt,
                                           String dpopJkt, String certificateThumbprint, List<String> resources) {
        String alg = service.accessTokenSignAlg();
        if (!JwtAccessTokens.wanted(alg)) {
            return RandomValues.token();
        }
        String clientId = client != null ? Long.toString(client.clientId()) : Long.toString(grant.clientId());
        JwtAccessTokens.Claims claims = new JwtAccessTokens.Claims(service.issuer(), grant.subject(), clientId, grant.scopes(),
                now, expiresAt, RandomValues.token(), dpopJkt, certificateThumbprint,
                AuthorizationDetails.toJson(grant.authorizationDetails()), resources != null ? resources : grant.grantedResources());
        JWKSet keys;
        try {
            keys = Jwks.parse(service.jwks());
        } catch (IllegalArgumentException e) {
            throw new CannotSignException("The service's JWK Set cannot sign access tokens: " + e.getMessage());
        }
        return JwtAccessTokens.sign(claims, keys, service.accessTokenSignatureKeyId(), alg);
    }

    static long accessDuration(ServiceConfig service, ClientConfig client, long requested) {
        if (requested > 0) {
            return requested;
        }
        long perClient = client == null ? 0 : client.extensionDuration("accessTokenDuration");
        return perClient > 0 ? perClient : service.accessTokenDuration();
    }

    static long refreshDuration(ServiceConfig service, ClientConfig client, long requested) {
        if (requested > 0) {
            return requested;
        }
        long perClient = client == null ? 0 : client.extensionDuration("refreshTokenDuration");
        return perClient > 0 ? perClient : service.refreshTokenDuration();
    }

    /** Whether a refresh token comes with this grant: the service and the client must both allow the refresh grant. */
    static boolean refreshAllowed(ServiceConfig service, ClientConfig client) {
        return service.supportsGrantType("REFRESH_TOKEN") && client.allowsGrantType("REFRESH_TOKEN");
    }
}
