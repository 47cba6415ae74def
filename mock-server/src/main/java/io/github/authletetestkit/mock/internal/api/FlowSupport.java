package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.grants.GrantRequest;
import io.github.authletetestkit.mock.internal.grants.GrantRules;
import io.github.authletetestkit.mock.internal.oauth.AuthorizationDetails;
import io.github.authletetestkit.mock.internal.oauth.FormParameters;
import io.github.authletetestkit.mock.internal.oauth.OAuthErrors;
import io.github.authletetestkit.mock.internal.store.EndUserDecision;
import io.github.authletetestkit.mock.internal.store.Grant;
import io.github.authletetestkit.mock.internal.store.Property;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.ScopeDefinition;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the device flow and CIBA share: scope checks, grant management parameters, the end-user's decision, and
 * the errors it leads to.
 */
final class FlowSupport {

    private FlowSupport() {}

    /** A numeric service member, or {@code fallback} when absent or not positive. */
    static long positiveNumber(ServiceConfig service, String member, long fallback) {
        long value = service.toJson().path(member).asLong(0);
        return value > 0 ? value : fallback;
    }

    /** A numeric service member; 0 when absent. */
    static long serviceNumber(ServiceConfig service, String member) {
        return Math.max(0, service.toJson().path(member).asLong(0));
    }

    static String clientText(ClientConfig client, String member) {
        JsonNode value = client.toJson().get(member);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    /** Whether the OAuth client identified itself by its alias rather than its numeric ID. */
    static boolean aliasUsed(String identifier, ClientConfig client) {
        return identifier != null && !identifier.equals(Long.toString(client.clientId()));
    }

    /** The scopes a request gets, or the first requested scope the service does not support. */
    record ScopeCheck(List<String> scopes, String unsupported) {
        boolean ok() {
            return unsupported == null;
        }
    }

    /**
     * The requested scopes (all must be supported by the service) narrowed to the client's requestable
     * ones, or the service's default scopes when none were requested.
     */
    static ScopeCheck grantedScopes(ServiceConfig service, ClientConfig client, List<String> requested) {
        List<String> supported = service.supportedScopes().stream().map(ScopeDefinition::name).toList();
        for (String scope : requested) {
            if (!supported.contains(scope)) {
                return new ScopeCheck(List.of(), scope);
            }
        }
        List<String> scopes = new ArrayList<>(requested);
        if (client.requestableScopesEnabled()) {
            scopes.retainAll(client.requestableScopes());
        }
        if (requested.isEmpty()) {
            Set<String> defaults = new LinkedHashSet<>();
            service.supportedScopes().stream().filter(ScopeDefinition::defaultEntry).forEach(s -> defaults.add(s.name()));
            scopes.addAll(defaults);
        }
        return new ScopeCheck(List.copyOf(scopes), null);
    }

    /** Scope objects as these APIs return them: the service's entries without {@code description(s)}, which Authlete nulls. */
    static void putScopes(ObjectNode body, ServiceConfig service, List<String> scopes) {
        ArrayNode array = body.putArray("scopes");
        for (JsonNode entry : service.scopeEntries(scopes)) {
            ObjectNode scope = (ObjectNode) entry;
            scope.remove("description");
            scope.remove("descriptions");
            array.add(scope);
        }
    }

    /** {@code claimNames}: the claims the OIDC scope shortcuts stand for, only for OpenID Connect requests. */
    static void putClaimNames(ObjectNode body, List<String> scopes) {
        List<String> claims = scopes.contains("openid") ? UserClaims.forScopes(scopes) : List.of();
        if (!claims.isEmpty()) {
            ArrayNode array = body.putArray("claimNames");
            claims.forEach(array::add);
        }
    }

    static void putStringsIfAny(ObjectNode body, String member, List<String> values) {
        if (values != null && !values.isEmpty()) {
            ArrayNode array = body.putArray(member);
            values.forEach(array::add);
        }
    }

    /**
     * The {@code grant_management_action} and {@code grant_id} of a request that stands for an authorization request
     * (device authorization, backchannel authentication), checked by the same rules as at the authorization endpoint.
     */
    static GrantRules.AuthorizationCheck grantManagement(ServiceState state, ClientConfig client, FormParameters params) {
        return GrantRules.checkAuthorization(params.first("grant_management_action"), params.first("grant_id"),
                state.config().grantManagementActionRequired(), client.clientId(), state::grant);
    }

    /** Why tokens are refused when the action's grant was revoked, or changed hands, between request and issue. */
    static String grantRefusal(GrantRequest request) {
        return "The grant to " + request.action().wireName() + " was revoked meanwhile or belongs to another end-user.";
    }

    /** {@code gmAction} and {@code grantId} of an accepted grant management request (nothing when there is none). */
    static void putGrantManagement(ObjectNode body, GrantRequest request) {
        if (request != null) {
            body.put("gmAction", request.action().name());
            putIfPresent(body, "grantId", request.grantId());
        }
    }

    /** {@code authorizationDetails} (RFC 9396) and {@code resources} (RFC 8707), each when there are any. */
    static void putTargets(ObjectNode body, String authorizationDetails, List<String> resources) {
        if (authorizationDetails != null) {
            body.set("authorizationDetails", AuthorizationDetails.toAuthlete(authorizationDetails));
        }
        if (resources != null && !resources.isEmpty()) {
            ArrayNode array = body.putArray("resources");
            resources.forEach(array::add);
        }
    }

    /** What a token response and an introspection add about a token's targets: the grant's, and the token's audience. */
    static void putTokenTargets(ObjectNode body, TokenRecord token) {
        putTargets(body, token.grant().authorizationDetails(), token.grant().resources());
        if (!token.audience().isEmpty()) {
            ArrayNode array = body.putArray("accessTokenResources");
            token.audience().forEach(array::add);
        }
    }

    static void putIfPresent(ObjectNode body, String member, String value) {
        if (value != null) {
            body.put(member, value);
        }
    }

    static Optional<EndUserDecision.Result> result(String value) {
        for (EndUserDecision.Result r : EndUserDecision.Result.values()) {
            if (r.name().equals(value)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The end-user's decision as a complete API reports it; the grant only when authorized. */
    static EndUserDecision decision(EndUserDecision.Result result, long clientId, String grantType, List<String> scopes,
                                    String subject, String sub, Long authTime, String acr, String claims,
                                    List<Property> properties, String idTokenAudType, String errorDescription, String errorUri,
                                    Long accessTokenDuration, Long refreshTokenDuration, String accessToken) {
        Grant grant = result != EndUserDecision.Result.AUTHORIZED ? null
                : new Grant(clientId, subject, sub, withoutNulls(scopes), grantType, withoutNulls(properties), authTime, acr, claims,
                        null, null, idTokenAudType, null);
        return new EndUserDecision(result, grant, errorDescription, errorUri, orZero(accessTokenDuration),
                orZero(refreshTokenDuration), accessToken);
    }

    /** Per-request token options: the token request's own choices first, then those of the complete call. */
    static TokenMinter.Options options(TokenMinter.Options fromTokenRequest, EndUserDecision decision) {
        return new TokenMinter.Options(
                fromTokenRequest.accessTokenDuration() > 0 ? fromTokenRequest.accessTokenDuration() : decision.accessTokenDuration(),
                fromTokenRequest.refreshTokenDuration() > 0 ? fromTokenRequest.refreshTokenDuration() : decision.refreshTokenDuration(),
                fromTokenRequest.accessToken() != null && !fromTokenRequest.accessToken().isEmpty()
                        ? fromTokenRequest.accessToken() : decision.accessToken(),
                fromTokenRequest.dpopJkt(), fromTokenRequest.certificateThumbprint());
    }

    /**
     * The OAuth error JSON for a request the end-user did not authorize: the complete call's
     * {@code errorDescription}/{@code errorUri} replace the mock's own.
     */
    static String decisionErrorJson(ServiceConfig service, String code, String error, String description, EndUserDecision decision) {
        return errorJson(service, code, error, description, decision.errorDescription(), decision.errorUri());
    }

    /** OAuth error JSON whose {@code error_description} and {@code error_uri} the service chose, when it did. */
    static String errorJson(ServiceConfig service, String code, String error, String description, String givenDescription,
                            String givenUri) {
        String standardDescription = service.errorDescriptionOmitted() ? null : ResultCodes.message(code, description);
        String standardUri = service.errorUriOmitted() ? null : RuntimeResult.ERROR_URI_BASE + code;
        return OAuthErrors.errorJson(error, givenDescription != null ? givenDescription : standardDescription,
                givenUri != null ? givenUri : standardUri);
    }

    /** A token-endpoint {@code BAD_REQUEST} for a request the end-user did not authorize. */
    static ObjectNode decisionError(ServiceConfig service, String code, String error, String description, EndUserDecision decision) {
        ObjectNode body = RuntimeResult.of(code, "BAD_REQUEST", description);
        body.put("responseContent", decisionErrorJson(service, code, error, description, decision));
        return body;
    }

    /** An immutable copy without null elements (a JSON array may hold nulls); empty for null. */
    static <T> List<T> withoutNulls(List<T> values) {
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull).toList();
    }

    static long orZero(Long value) {
        return value == null ? 0 : Math.max(0, value);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
