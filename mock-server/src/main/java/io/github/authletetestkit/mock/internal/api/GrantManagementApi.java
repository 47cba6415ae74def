package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.grants.GrantRules;
import io.github.authletetestkit.mock.internal.grants.ManagedGrant;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ScopeDefinition;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.util.List;
import java.util.Optional;

/**
 * {@code /gm}: the grant management endpoint (Grant Management for OAuth 2.0) querying or revoking a grant that
 * a code exchange with {@code grant_management_action} created. The rules live in {@link GrantRules}.
 */
public final class GrantManagementApi {

    record GrantManagementRequest(String accessToken, String gmAction, String grantId, String dpop, String htm, String htu) {}

    /** Minted: the published material shows no result code of this API. */
    private static final int API = 280;

    public ApiResponse manage(ApiCall call) {
        ServiceState state = call.service();
        ServiceConfig service = state.config();
        GrantManagementRequest request = call.body(GrantManagementRequest.class);
        Optional<GrantRules.Management> management = GrantRules.Management.fromName(request.gmAction());
        // what the service forgot to pass is its own (the caller's) error, before anything about the token
        if (management.isEmpty()) {
            return callerError(1, request.gmAction() == null ? "The request does not contain 'gmAction'."
                    : "'gmAction' must be QUERY or REVOKE, not " + request.gmAction() + ".");
        }
        if (request.grantId() == null || request.grantId().isEmpty()) {
            return callerError(2, "The request does not contain 'grantId'.");
        }
        Optional<TokenRecord> found = state.byAccessToken(request.accessToken()).filter(t -> !t.accessTokenExpired(call.now()));
        if (found.isEmpty()) {
            return unauthorized(service, 1, "Bearer", "The access token is missing, unknown or expired.");
        }
        TokenRecord token = found.get();
        String bindingProblem = TokenBinding.problem(state, token, request.dpop(), request.htm(), request.htu(), call.now());
        if (bindingProblem != null) {
            return unauthorized(service, 2, "DPoP", bindingProblem);
        }
        List<String> serviceScopes = service.supportedScopes().stream().map(ScopeDefinition::name).toList();
        Optional<ManagedGrant> grant = state.grant(request.grantId());
        Optional<GrantRules.ManagementRefusal> refusal = GrantRules.refusal(management.get(), token.clientId(), token.grant().scopes(),
                serviceScopes, grant);
        if (refusal.isPresent()) {
            return ApiResponse.ok(switch (refusal.get()) {
                case INSUFFICIENT_SCOPE -> RuntimeResult.error(service, ResultCodes.of(API, 3, 3), "FORBIDDEN", "insufficient_scope",
                        "The access token does not have the scope '" + management.get().scope() + "'.");
                case OTHER_CLIENT -> RuntimeResult.error(service, ResultCodes.of(API, 3, 4), "FORBIDDEN", "invalid_grant",
                        "The grant '" + request.grantId() + "' belongs to another client than the access token's.");
                case NOT_FOUND -> notFound(service, request.grantId());
            });
        }
        if (management.get() == GrantRules.Management.QUERY) {
            ObjectNode body = RuntimeResult.of(ResultCodes.of(API, 0, 1), "OK", "The grant '" + request.grantId() + "' was found.");
            body.put("responseContent", Json.write(GrantRules.queryView(grant.get())));
            return ApiResponse.ok(body);
        }
        if (!state.revokeGrant(request.grantId())) {
            return ApiResponse.ok(notFound(service, request.grantId()));
        }
        return ApiResponse.ok(RuntimeResult.of(ResultCodes.of(API, 0, 2), "NO_CONTENT",
                "The grant '" + request.grantId() + "' and its tokens were revoked."));
    }

    private static ObjectNode notFound(ServiceConfig service, String grantId) {
        return RuntimeResult.error(service, ResultCodes.of(API, 3, 5), "NOT_FOUND", "invalid_grant_id",
                "The grant '" + grantId + "' does not exist.");
    }

    private static ApiResponse unauthorized(ServiceConfig service, int seq, String scheme, String description) {
        return ApiResponse.ok(RuntimeResult.challenge(service, ResultCodes.of(API, 3, seq), "UNAUTHORIZED", scheme, "invalid_token",
                description));
    }

    private static ApiResponse callerError(int seq, String message) {
        return ApiResponse.ok(RuntimeResult.of(ResultCodes.of(API, 2, seq), "CALLER_ERROR", message));
    }
}
