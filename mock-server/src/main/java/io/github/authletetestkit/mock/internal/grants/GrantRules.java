package io.github.authletetestkit.mock.internal.grants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.model.Json;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules of Grant Management for OAuth 2.0, as pure functions: which {@code grant_management_action} and
 * {@code grant_id} an authorization request may carry, what create, merge and replace make of a grant, who may
 * query or revoke it, and how a query shows it.
 */
public final class GrantRules {

    /** Why an authorization request's grant management parameters are refused, and the OAuth error each becomes. */
    public enum AuthorizationRefusal {
        ACTION_REQUIRED("invalid_request"),
        UNKNOWN_ACTION("invalid_request"),
        GRANT_ID_WITHOUT_ACTION("invalid_request"),
        GRANT_ID_WITH_CREATE("invalid_request"),
        GRANT_ID_MISSING("invalid_request"),
        UNKNOWN_GRANT_ID("invalid_grant_id");

        private final String error;

        AuthorizationRefusal(String error) {
            this.error = error;
        }

        public String error() {
            return error;
        }
    }

    /** An accepted request (null when it asks nothing of grant management) or a refusal with its description. */
    public record AuthorizationCheck(GrantRequest request, AuthorizationRefusal refusal, String description) {

        static AuthorizationCheck accepted(GrantRequest request) {
            return new AuthorizationCheck(request, null, null);
        }

        static AuthorizationCheck refused(AuthorizationRefusal refusal, String description) {
            return new AuthorizationCheck(null, refusal, description);
        }
    }

    /** What the grant management endpoint is asked to do, and the scope a token needs for it. */
    public enum Management {
        QUERY("grant_management_query"), REVOKE("grant_management_revoke");

        private final String scope;

        Management(String scope) {
            this.scope = scope;
        }

        public String scope() {
            return scope;
        }

        public static Optional<Management> fromName(String name) {
            for (Management m : values()) {
                if (m.name().equals(name)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    /** Why the grant management endpoint refuses a request whose access token is valid. */
    public enum ManagementRefusal { INSUFFICIENT_SCOPE, NOT_FOUND, OTHER_CLIENT }

    private GrantRules() {}

    /**
     * Checks the grant management parameters of an authorization request by {@code clientId}: a known action;
     * a grant ID with merge and replace (one of the client's grants) and none with create; an action at all when
     * the service requires one.
     */
    public static AuthorizationCheck checkAuthorization(String actionParam, String grantIdParam, boolean actionRequired,
                                                        long clientId, Function<String, Optional<ManagedGrant>> grants) {
        boolean hasGrantId = grantIdParam != null && !grantIdParam.isEmpty();
        if (actionParam == null || actionParam.isEmpty()) {
            if (hasGrantId) {
                return AuthorizationCheck.refused(AuthorizationRefusal.GRANT_ID_WITHOUT_ACTION,
                        "'grant_id' is given without 'grant_management_action'.");
            }
            return actionRequired
                    ? AuthorizationCheck.refused(AuthorizationRefusal.ACTION_REQUIRED,
                            "The authorization request does not contain 'grant_management_action' although the service requires it.")
                    : AuthorizationCheck.accepted(null);
        }
        Optional<GrantAction> action = GrantAction.fromWireName(actionParam);
        if (action.isEmpty()) {
            return AuthorizationCheck.refused(AuthorizationRefusal.UNKNOWN_ACTION,
                    "The grant management action '" + actionParam + "' is not one of create, merge and replace.");
        }
        if (!action.get().needsGrantId()) {
            return hasGrantId
                    ? AuthorizationCheck.refused(AuthorizationRefusal.GRANT_ID_WITH_CREATE, "'grant_id' must not be given with 'create'.")
                    : AuthorizationCheck.accepted(new GrantRequest(action.get(), null));
        }
        if (!hasGrantId) {
            return AuthorizationCheck.refused(AuthorizationRefusal.GRANT_ID_MISSING,
                    "'grant_management_action=" + actionParam + "' needs 'grant_id'.");
        }
        // another client's grant is reported as unknown: its existence is none of this client's business
        if (grants.apply(grantIdParam).filter(g -> g.clientId() == clientId).isEmpty()) {
            return AuthorizationCheck.refused(AuthorizationRefusal.UNKNOWN_GRANT_ID,
                    "The grant ID '" + grantIdParam + "' is unknown or does not belong to the client.");
        }
        return AuthorizationCheck.accepted(new GrantRequest(action.get(), grantIdParam));
    }

    /**
     * The grant a token exchange leaves behind. Create makes a new grant under {@code newGrantId} ({@code current}
     * is then null); merge adds the scopes and claims to {@code current}; replace swaps them. Empty when merge or
     * replace find no grant (revoked meanwhile) or one of another client or end-user.
     */
    public static Optional<ManagedGrant> apply(GrantRequest request, ManagedGrant current, String newGrantId, long clientId,
                                               String subject, List<String> scopes, String claims, Instant now) {
        if (request.action() == GrantAction.CREATE) {
            return current != null ? Optional.empty()
                    : Optional.of(new ManagedGrant(newGrantId, clientId, subject, scopes, objectOrNull(claims), now, now));
        }
        if (keep(current, clientId, subject).isEmpty()) {
            return Optional.empty();
        }
        if (request.action() == GrantAction.REPLACE) {
            return Optional.of(new ManagedGrant(current.grantId(), clientId, subject, scopes, objectOrNull(claims), current.createdAt(), now));
        }
        Set<String> union = new LinkedHashSet<>(current.scopes());
        union.addAll(scopes);
        return Optional.of(new ManagedGrant(current.grantId(), clientId, subject, List.copyOf(union),
                mergeClaims(current.claims(), claims), current.createdAt(), now));
    }

    /** {@code current} unchanged while it still belongs to this client and end-user; empty when revoked or another's. */
    public static Optional<ManagedGrant> keep(ManagedGrant current, long clientId, String subject) {
        return current != null && current.clientId() == clientId && java.util.Objects.equals(current.subject(), subject)
                ? Optional.of(current) : Optional.empty();
    }

    /**
     * Whether a valid token of {@code tokenClientId} with {@code tokenScopes} may {@code management} the grant.
     * The {@code grant_management_query}/{@code _revoke} scopes are demanded only when the service defines them
     * ({@code serviceScopes}): a service that has not set them up manages grants by client alone, as the draft allows.
     */
    public static Optional<ManagementRefusal> refusal(Management management, long tokenClientId, List<String> tokenScopes,
                                                      List<String> serviceScopes, Optional<ManagedGrant> grant) {
        if (serviceScopes.contains(management.scope()) && !tokenScopes.contains(management.scope())) {
            return Optional.of(ManagementRefusal.INSUFFICIENT_SCOPE);
        }
        if (grant.isEmpty()) {
            return Optional.of(ManagementRefusal.NOT_FOUND);
        }
        return grant.get().clientId() == tokenClientId ? Optional.empty() : Optional.of(ManagementRefusal.OTHER_CLIENT);
    }

    /** The body of a query response: the granted scopes (one entry, space-separated) and the names of the granted claims. */
    public static ObjectNode queryView(ManagedGrant grant) {
        ObjectNode view = Json.object();
        ArrayNode scopes = view.putArray("scopes");
        if (!grant.scopes().isEmpty()) {
            scopes.addObject().put("scope", String.join(" ", grant.scopes()));
        }
        ArrayNode claims = view.putArray("claims");
        claimsObject(grant.claims()).fieldNames().forEachRemaining(claims::add);
        return view;
    }

    /** The members of both claim objects, the newer winning; null when neither has any. */
    static String mergeClaims(String older, String newer) {
        ObjectNode merged = claimsObject(older);
        merged.setAll(claimsObject(newer));
        return merged.isEmpty() ? null : Json.write(merged);
    }

    private static String objectOrNull(String claims) {
        ObjectNode object = claimsObject(claims);
        return object.isEmpty() ? null : Json.write(object);
    }

    /** A claims string as a JSON object; an empty one when it is absent or not a JSON object (nothing usable was granted). */
    private static ObjectNode claimsObject(String claims) {
        if (claims == null || claims.isBlank()) {
            return Json.object();
        }
        try {
            JsonNode parsed = Json.parse(claims);
            return parsed instanceof ObjectNode object ? object.deepCopy() : Json.object();
        } catch (IllegalArgumentException notJson) {
            return Json.object();
        }
    }
}
