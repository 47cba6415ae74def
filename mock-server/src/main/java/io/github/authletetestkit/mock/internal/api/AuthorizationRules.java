package io.github.authletetestkit.mock.internal.api;

import io.github.authletetestkit.mock.internal.grants.GrantRequest;
import io.github.authletetestkit.mock.internal.grants.GrantRules;
import io.github.authletetestkit.mock.internal.grants.ManagedGrant;
import io.github.authletetestkit.mock.internal.oauth.AuthorizationDetails;
import io.github.authletetestkit.mock.internal.oauth.FormParameters;
import io.github.authletetestkit.mock.internal.oauth.InvalidParametersException;
import io.github.authletetestkit.mock.internal.oauth.Pkce;
import io.github.authletetestkit.mock.internal.oauth.RedirectUris;
import io.github.authletetestkit.mock.internal.oauth.ResourceIndicators;
import io.github.authletetestkit.mock.internal.store.ResponseMode;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.ScopeDefinition;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Authlete's decision sequence for an authorization request, as pure logic: errors before a trusted
 * redirect URI is known are {@link Failure#redirect() not redirected}; the rest go back to the client.
 */
final class AuthorizationRules {

    static final int API = 4;
    private static final Set<String> PROMPTS = Set.of("none", "login", "consent", "select_account", "create");
    private static final Set<String> DISPLAYS = Set.of("page", "popup", "touch", "wap");

    /** A request that passed every rule. */
    record Accepted(ClientConfig client, boolean clientIdAliasUsed, String redirectUri, boolean redirectUriExplicit,
                    String responseType, ResponseMode responseMode, List<String> scopes, String state, String nonce,
                    String codeChallenge, String codeChallengeMethod, long maxAge, List<String> prompts,
                    String loginHint, String display, GrantRequest grantManagement, String authorizationDetails,
                    List<String> resources) {}

    /** A rule that failed; {@code redirectUri} is null when the error must not go back to the client. */
    record Failure(String code, String error, String description, String redirectUri, ResponseMode mode, String state,
                   ClientConfig client) {
        boolean redirect() {
            return redirectUri != null;
        }
    }

    /** Either an accepted request or a failure. */
    record Outcome(Accepted accepted, Failure failure) {}

    private AuthorizationRules() {}

    static Outcome evaluate(ServiceConfig service, FormParameters params, Function<String, Optional<ClientConfig>> clients,
                            Function<String, Optional<ManagedGrant>> grants, boolean viaPar) {
        String clientIdParam = params.first("client_id");
        if (clientIdParam == null || clientIdParam.isEmpty()) {
            return fail(2, "invalid_request", "The authorization request does not contain 'client_id' parameter.");
        }
        Optional<ClientConfig> found = clients.apply(clientIdParam);
        if (found.isEmpty()) {
            return fail(3, "invalid_request", "The client ID '" + clientIdParam + "' is not registered.");
        }
        ClientConfig client = found.get();
        if (client.locked()) {
            throw new ApiException(403, ResultCodes.CLIENT_LOCKED, "The client (ID = " + client.clientId() + ") is locked.");
        }
        List<String> requestedScopes = splitScopes(params.first("scope"));
        String requestedRedirect = params.first("redirect_uri");
        if (requestedRedirect == null && requestedScopes.contains("openid")) {
            return fail(4, "invalid_request", "The authorization request does not contain 'redirect_uri' although it is an OpenID Connect request.");
        }
        Optional<String> redirect = RedirectUris.resolve(client.redirectUris(), requestedRedirect, service.loopbackRedirectionUriVariable());
        if (redirect.isEmpty()) {
            return fail(5, "invalid_request", requestedRedirect == null
                    ? "The client has not exactly one registered redirect URI and the request does not contain 'redirect_uri'."
                    : "The redirect URI '" + requestedRedirect + "' is not registered for the client.");
        }
        return new Redirecting(service, client, params, redirect.get(), requestedRedirect != null, requestedScopes, grants, viaPar).evaluate();
    }

    /** A failure before the redirect URI is trusted: the error is shown, never redirected. */
    private static Outcome fail(int seq, String error, String description) {
        return new Outcome(null, new Failure(ResultCodes.of(9, 3, 50 + seq), error, description, null, null, null, null));
    }

    static List<String> splitScopes(String scope) {
        List<String> out = new ArrayList<>();
        if (scope != null) {
            for (String s : scope.trim().split(" +")) {
                if (!s.isEmpty() && !out.contains(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** The rules that apply once the redirect URI can be trusted: their failures go back to the client. */
    private record Redirecting(ServiceConfig service, ClientConfig client, FormParameters params, String redirectUri,
                               boolean explicit, List<String> requestedScopes, Function<String, Optional<ManagedGrant>> grants,
                               boolean viaPar) {

        Outcome evaluate() {
            String state = params.first("state");
            String responseTypeParam = params.first("response_type");
            Optional<String> responseType = ResponseTypes.authleteName(responseTypeParam);
            ResponseMode defaultMode = responseType.map(t -> t.equals("CODE") || t.equals("NONE") ? ResponseMode.QUERY : ResponseMode.FRAGMENT)
                    .orElse(ResponseMode.QUERY);
            String modeParam = params.first("response_mode");
            Optional<ResponseMode> mode = modeParam == null ? Optional.of(defaultMode) : ResponseMode.fromWireName(modeParam)
                    .map(m -> m.resolve(defaultMode));
            ResponseMode errorMode = mode.orElse(defaultMode);
            Rejector reject = new Rejector(redirectUri, errorMode, state, client);

            if ((service.parRequired() || client.parRequired()) && !viaPar) {
                return reject.with(1, "invalid_request", "A pushed authorization request is required by the "
                        + (service.parRequired() ? "service." : "client."));
            }
            if (responseTypeParam == null || responseTypeParam.isEmpty()) {
                return reject.with(1, "invalid_request", "The authorization request does not contain 'response_type' parameter.");
            }
            if (responseType.isEmpty() || !service.supportedResponseTypes().contains(responseType.get())) {
                return reject.with(5, "unsupported_response_type", "The response type '" + responseTypeParam + "' is not supported by this service.");
            }
            String type = responseType.get();
            if (!client.responseTypes().isEmpty() && !client.responseTypes().contains(type)) {
                return reject.with(6, "unauthorized_client", "The response type '" + responseTypeParam + "' is not allowed for the client.");
            }
            for (String grantType : impliedGrantTypes(type)) {
                if (!service.supportsGrantType(grantType) || !client.allowsGrantType(grantType)) {
                    return reject.with(7, "unauthorized_client", "The grant type '" + grantType + "' is not allowed for the client or the service.");
                }
            }
            if (mode.isEmpty()) {
                return reject.with(8, "invalid_request", "The response mode '" + modeParam + "' is not supported.");
            }
            boolean openid = requestedScopes.contains("openid");
            if (type.contains("ID_TOKEN") && !openid) {
                return reject.with(9, "invalid_request", "The response type '" + responseTypeParam + "' needs 'openid' in the scope.");
            }
            List<String> supported = service.supportedScopes().stream().map(ScopeDefinition::name).toList();
            for (String scope : requestedScopes) {
                if (!supported.contains(scope)) {
                    return reject.with(10, "invalid_scope", "The scope '" + scope + "' is not supported by this service.");
                }
            }
            List<String> scopes = grantedScopes();
            if (scopes.isEmpty() && service.scopeRequired()) {
                return reject.with(11, "invalid_scope", "The authorization request does not contain 'scope' parameter and the service requires one.");
            }
            String challenge = params.first("code_challenge");
            String method = params.first("code_challenge_method");
            if (challenge == null) {
                if (method != null) {
                    return reject.with(12, "invalid_request", "'code_challenge_method' is given without 'code_challenge'.");
                }
                if (service.pkceRequired() || client.pkceRequired()) {
                    return reject.with(13, "invalid_request", "The authorization request does not contain 'code_challenge' although PKCE is required.");
                }
            } else {
                Optional<Pkce.Method> parsed = method == null ? Optional.of(Pkce.Method.PLAIN) : Pkce.Method.fromWireName(method);
                if (parsed.isEmpty()) {
                    return reject.with(14, "invalid_request", "The code challenge method '" + method + "' is not supported.");
                }
                if (!Pkce.isWellFormed(challenge)) {
                    return reject.with(15, "invalid_request", "'code_challenge' must be 43 to 128 characters of [A-Za-z0-9-._~].");
                }
                if ((service.pkceS256Required() || client.pkceS256Required()) && parsed.get() != Pkce.Method.S256) {
                    return reject.with(16, "invalid_request", "'code_challenge_method' must be S256.");
                }
                method = parsed.get().wireName();
            }
            String nonce = params.first("nonce");
            if (type.contains("ID_TOKEN") && (nonce == null || nonce.isEmpty())) {
                return reject.with(17, "invalid_request", "The authorization request does not contain 'nonce' although the response type contains id_token.");
            }
            List<String> prompts = splitScopes(params.first("prompt"));
            for (String prompt : prompts) {
                if (!PROMPTS.contains(prompt)) {
                    return reject.with(18, "invalid_request", "The prompt value '" + prompt + "' is not supported.");
                }
            }
            if (prompts.contains("none") && prompts.size() > 1) {
                return reject.with(19, "invalid_request", "'prompt=none' cannot be combined with other prompt values.");
            }
            long maxAge = client.defaultMaxAge();
            String maxAgeParam = params.first("max_age");
            if (maxAgeParam != null) {
                try {
                    maxAge = Long.parseLong(maxAgeParam);
                    if (maxAge < 0) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    return reject.with(20, "invalid_request", "'max_age' must be a non-negative integer.");
                }
            }
            String display = params.first("display");
            if (display != null && !DISPLAYS.contains(display)) {
                return reject.with(21, "invalid_request", "The display value '" + display + "' is not supported.");
            }
            String claims = params.first("claims");
            if (claims != null) {
                try {
                    if (!io.github.authletetestkit.mock.model.Json.parse(claims).isObject()) {
                        throw new IllegalArgumentException();
                    }
                } catch (IllegalArgumentException e) {
                    return reject.with(22, "invalid_request", "'claims' must be a JSON object.");
                }
            }
            GrantRules.AuthorizationCheck grantManagement = GrantRules.checkAuthorization(params.first("grant_management_action"),
                    params.first("grant_id"), service.grantManagementActionRequired(), client.clientId(), grants);
            if (grantManagement.refusal() != null) {
                return reject.with(23 + grantManagement.refusal().ordinal(), grantManagement.refusal().error(), grantManagement.description());
            }
            String authorizationDetails;
            List<String> resources;
            try {
                authorizationDetails = AuthorizationDetails.check(params.first("authorization_details"),
                        service.supportedAuthorizationDetailsTypes());
            } catch (InvalidParametersException e) {
                return reject.with(41, "invalid_authorization_details", e.getMessage());
            }
            try {
                resources = ResourceIndicators.check(params.all("resource"));
            } catch (InvalidParametersException e) {
                return reject.with(42, "invalid_target", e.getMessage());
            }
            String clientIdParam = params.first("client_id");
            boolean aliasUsed = !clientIdParam.equals(Long.toString(client.clientId()));
            return new Outcome(new Accepted(client, aliasUsed, redirectUri, explicit, type, mode.get(), scopes, state,
                    nonce, challenge, method, maxAge, prompts, params.first("login_hint"),
                    display == null ? "PAGE" : display.toUpperCase(), grantManagement.request(), authorizationDetails, resources), null);
        }

        /** Requested scopes, narrowed to the client's requestable ones, or the service's defaults when none. */
        private List<String> grantedScopes() {
            List<String> scopes = new ArrayList<>(requestedScopes);
            if (client.requestableScopesEnabled()) {
                scopes.retainAll(client.requestableScopes());
            }
            if (requestedScopes.isEmpty()) {
                Set<String> defaults = new LinkedHashSet<>();
                service.supportedScopes().stream().filter(ScopeDefinition::defaultEntry).forEach(s -> defaults.add(s.name()));
                scopes.addAll(defaults);
            }
            return List.copyOf(scopes);
        }
    }

    /** Grant types a response type uses: a code means the code grant; an access or ID token without a code, implicit. */
    static List<String> impliedGrantTypes(String responseType) {
        List<String> parts = List.of(ResponseTypes.wireValue(responseType).split(" "));
        List<String> out = new ArrayList<>();
        if (parts.contains("code")) {
            out.add("AUTHORIZATION_CODE");
        }
        if (parts.contains("token") || parts.contains("id_token") && !parts.contains("code")) {
            out.add("IMPLICIT");
        }
        return out;
    }

    /** Makes failures that go back to the client's redirect URI. */
    private record Rejector(String redirectUri, ResponseMode mode, String state, ClientConfig client) {
        Outcome with(int seq, String error, String description) {
            return new Outcome(null, new Failure(ResultCodes.of(9, 3, seq), error, description, redirectUri, mode, state, client));
        }
    }
}
