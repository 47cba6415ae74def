package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.oauth.AuthorizationDetails;
import io.github.authletetestkit.mock.internal.oauth.CannotSignException;
import io.github.authletetestkit.mock.internal.oauth.ClaimsRequest;
import io.github.authletetestkit.mock.internal.oauth.FormParameters;
import io.github.authletetestkit.mock.internal.oauth.IdTokenException;
import io.github.authletetestkit.mock.internal.oauth.InvalidParametersException;
import io.github.authletetestkit.mock.internal.oauth.InvalidRequestObjectException;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import io.github.authletetestkit.mock.internal.store.AuthorizationCode;
import io.github.authletetestkit.mock.internal.store.AuthorizationTicket;
import io.github.authletetestkit.mock.internal.store.Grant;
import io.github.authletetestkit.mock.internal.store.Property;
import io.github.authletetestkit.mock.internal.store.PushedRequest;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /auth/authorization}, {@code /auth/authorization/issue} and {@code /auth/authorization/fail}. */
public final class AuthorizationApi {

    record AuthorizationRequest(String parameters, String context) {}

    record IssueRequest(String ticket, String subject, Long authTime, String acr, String claims, List<Property> properties,
                        List<String> scopes, String sub, String accessToken, Long accessTokenDuration, String sessionId,
                        String idTokenAudType, JsonNode authorizationDetails) {}

    record FailRequest(String ticket, String reason, String description) {}

    /** Authlete's fail reasons and the OAuth/OIDC error each becomes. */
    private static final Map<String, String> FAIL_ERRORS = Map.ofEntries(
            Map.entry("UNKNOWN", "server_error"), Map.entry("NOT_LOGGED_IN", "login_required"),
            Map.entry("MAX_AGE_NOT_SUPPORTED", "login_required"), Map.entry("EXCEEDS_MAX_AGE", "login_required"),
            Map.entry("DIFFERENT_SUBJECT", "login_required"), Map.entry("ACR_NOT_SATISFIED", "login_required"),
            Map.entry("DENIED", "access_denied"), Map.entry("SERVER_ERROR", "server_error"),
            Map.entry("NOT_AUTHENTICATED", "login_required"), Map.entry("ACCOUNT_SELECTION_REQUIRED", "account_selection_required"),
            Map.entry("CONSENT_REQUIRED", "consent_required"), Map.entry("INTERACTION_REQUIRED", "interaction_required"),
            Map.entry("INVALID_TARGET", "invalid_target"));

    private static final int ISSUE_API = 40;
    private static final int FAIL_API = 41;

    public ApiResponse authorize(ApiCall call) {
        ServiceState state = call.service();
        ServiceConfig service = state.config();
        AuthorizationRequest request = call.body(AuthorizationRequest.class);
        RequestParameters parsed = RequestParameters.parse(service, request.parameters(), true,
                ResultCodes.of(4, 2, 1), ResultCodes.of(9, 3, 49));
        if (parsed.refusal() != null) {
            return parsed.refusal();
        }
        FormParameters params = parsed.params();
        boolean viaPar = params.has("request_uri");
        if (viaPar) {
            Optional<FormParameters> pushed = pushedParameters(state, params, call);
            if (pushed.isEmpty()) {
                return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(8, 3, 3), "BAD_REQUEST", "invalid_request_uri",
                        "The value of 'request_uri' parameter is not registered."));
            }
            params = pushed.get();
        }
        try {
            // pushed parameters had their request object opened (and checked) at PAR
            params = viaPar ? params : RequestObjectParameters.expand(state, params, call.now());
        } catch (InvalidRequestObjectException e) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(9, 3, 48), "BAD_REQUEST", "invalid_request_object",
                    e.getMessage()));
        }
        AuthorizationRules.Outcome outcome = AuthorizationRules.evaluate(service, params, state::findClient, state::grant, viaPar);
        if (outcome.failure() != null) {
            return ApiResponse.ok(failure(service, outcome.failure(), call.now()));
        }
        AuthorizationRules.Accepted accepted = outcome.accepted();
        ClaimsRequest claimsRequest;
        try {
            claimsRequest = ClaimsRequest.parse(params.first("claims"));
        } catch (InvalidParametersException e) {
            // the client and its redirect URI are known by now: the error goes back to the client
            return ApiResponse.ok(failure(service, new AuthorizationRules.Failure(ResultCodes.of(9, 3, 40), "invalid_request",
                    e.getMessage(), accepted.redirectUri(), accepted.responseMode(), accepted.state(), accepted.client()), call.now()));
        }
        AuthorizationTicket ticket = new AuthorizationTicket(RandomValues.token(), accepted.client().clientId(),
                accepted.clientIdAliasUsed(), accepted.redirectUri(), accepted.redirectUriExplicit(),
                ResponseTypes.wireValue(accepted.responseType()), accepted.responseMode(), accepted.scopes(), accepted.state(),
                accepted.nonce(), accepted.codeChallenge(), accepted.codeChallengeMethod(), accepted.maxAge(), null,
                request.context(), call.now().plusSeconds(ServiceConfig.TICKET_SECONDS), accepted.grantManagement(),
                claimsRequest.toJson(), accepted.authorizationDetails(), accepted.resources());
        state.putTicket(ticket);
        boolean noInteraction = accepted.prompts().equals(List.of("none"));
        String code = ResultCodes.of(4, 0, 1);
        ObjectNode body = RuntimeResult.of(code, noInteraction ? "NO_INTERACTION" : "INTERACTION",
                "Authlete has successfully issued a ticket to the service (API Key = " + service.apiKey()
                        + ") for the authorization request from the client (ID = " + accepted.client().clientId() + ").");
        body.put("ticket", ticket.ticket());
        body.set("client", ClientViews.of(accepted.client(), ClientViews.FOR_AUTHORIZATION));
        body.set("service", limitedService(service));
        ArrayNode scopes = body.putArray("scopes");
        service.scopeEntries(accepted.scopes()).forEach(scopes::add);
        body.put("display", accepted.display());
        body.put("maxAge", accepted.maxAge());
        body.put("clientIdAliasUsed", accepted.clientIdAliasUsed());
        body.put("acrEssential", false);
        putClaims(body, accepted.scopes(), claimsRequest, params.first("claims_locales"));
        if (!accepted.prompts().isEmpty()) {
            ArrayNode prompts = body.putArray("prompts");
            accepted.prompts().forEach(p -> prompts.add(p.toUpperCase()));
            body.put("lowestPrompt", accepted.prompts().contains("none") ? "NONE" : accepted.prompts().get(0).toUpperCase());
        }
        if (accepted.loginHint() != null) {
            body.put("loginHint", accepted.loginHint());
        }
        FlowSupport.putGrantManagement(body, accepted.grantManagement());
        FlowSupport.putTargets(body, accepted.authorizationDetails(), accepted.resources());
        return ApiResponse.ok(body);
    }

    /**
     * What the client asks to know about the end-user: {@code claims} for the ID token and {@code claimsAtUserInfo}
     * (from the scopes and the {@code claims} parameter), that parameter's parts as JSON, and {@code claimsLocales}.
     */
    private static void putClaims(ObjectNode body, List<String> scopes, ClaimsRequest claimsRequest, String claimsLocales) {
        List<String> byScope = UserClaims.forScopes(scopes);
        ArrayNode idToken = body.putArray("claims");
        union(byScope, claimsRequest.idTokenNames()).forEach(idToken::add);
        ArrayNode atUserInfo = body.putArray("claimsAtUserInfo");
        union(byScope, claimsRequest.userInfoNames()).forEach(atUserInfo::add);
        if (claimsRequest.idToken() != null) {
            body.put("idTokenClaims", Json.write(claimsRequest.idToken()));
        }
        if (claimsRequest.userInfo() != null) {
            body.put("userInfoClaims", Json.write(claimsRequest.userInfo()));
        }
        if (claimsLocales != null && !claimsLocales.isBlank()) {
            ArrayNode locales = body.putArray("claimsLocales");
            List.of(claimsLocales.trim().split("\\s+")).forEach(locales::add);
        }
    }

    static List<String> union(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        second.stream().filter(name -> !all.contains(name)).forEach(all::add);
        return all;
    }

    /**
     * The parameters pushed under the request's {@code request_uri} (they are authoritative), or empty when the
     * URI is unknown, used, expired, not a PAR URI, or pushed by another client than the request names.
     */
    private static Optional<FormParameters> pushedParameters(ServiceState state, FormParameters params, ApiCall call) {
        String requestUri = params.first("request_uri");
        if (!requestUri.startsWith(PushedRequest.URI_PREFIX)) {
            return Optional.empty();
        }
        Optional<PushedRequest> pushed = state.consumePushedRequest(requestUri).filter(p -> !p.isExpired(call.now()));
        Optional<ClientConfig> named = state.findClient(params.first("client_id"));
        if (pushed.isEmpty() || named.isEmpty() || named.get().clientId() != pushed.get().clientId()) {
            return Optional.empty();
        }
        return Optional.of(FormParameters.parse(pushed.get().parameters()));
    }

    public ApiResponse issue(ApiCall call) {
        ServiceState state = call.service();
        ServiceConfig service = state.config();
        IssueRequest request = call.body(IssueRequest.class);
        if (request.subject() == null || request.subject().isEmpty()) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(ISSUE_API, 2, 1), "INTERNAL_SERVER_ERROR",
                    "server_error", "The request does not contain 'subject'."));
        }
        String detailsOverride;
        try {
            detailsOverride = AuthorizationDetails.fromApi(request.authorizationDetails(), service.supportedAuthorizationDetailsTypes());
        } catch (InvalidParametersException e) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(ISSUE_API, 2, 2), "INTERNAL_SERVER_ERROR",
                    "server_error", e.getMessage()));
        }
        Optional<AuthorizationTicket> taken = state.consumeTicket(request.ticket());
        if (taken.isEmpty() || taken.get().isExpired(call.now())) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(ISSUE_API, 3, 1), "BAD_REQUEST", "invalid_request",
                    "The ticket is unknown, expired or already used."));
        }
        AuthorizationTicket ticket = taken.get();
        Optional<ClientConfig> client = state.client(ticket.clientId());
        if (client.isEmpty()) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(ISSUE_API, 3, 2), "BAD_REQUEST", "invalid_request",
                    "The client of the ticket no longer exists."));
        }
        List<String> scopes = request.scopes() != null ? request.scopes() : ticket.scopes();
        String grantType = ticket.requests("code") ? "AUTHORIZATION_CODE" : "IMPLICIT";
        Grant grant = new Grant(ticket.clientId(), request.subject(), request.sub(), List.copyOf(scopes), grantType,
                request.properties() == null ? List.of() : List.copyOf(request.properties()), request.authTime(), request.acr(),
                request.claims(), ticket.nonce(), request.sessionId(), request.idTokenAudType(), null, ticket.claimsRequest(),
                detailsOverride != null ? detailsOverride : ticket.authorizationDetails(), ticket.resources());
        try {
            return ApiResponse.ok(issueResponse(call, state, client.get(), ticket, grant, request));
        } catch (IdTokenException | CannotSignException e) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(ISSUE_API, 1, 1), "INTERNAL_SERVER_ERROR",
                    "server_error", e.getMessage()));
        }
    }

    private ObjectNode issueResponse(ApiCall call, ServiceState state, ClientConfig client, AuthorizationTicket ticket,
                                     Grant grant, IssueRequest request) {
        ServiceConfig service = state.config();
        // a JARM response that cannot be signed must fail before a token or a code exists
        AuthorizationResponder.checkSignable(service, recipient(ticket, client));
        Map<String, String> redirectParams = new LinkedHashMap<>();
        ObjectNode body = RuntimeResult.of(ResultCodes.of(ISSUE_API, 0, 1), "LOCATION",
                "The authorization request was processed successfully.");
        String code = ticket.requests("code") ? RandomValues.token() : null;
        if (code != null) {
            redirectParams.put("code", code);
            body.put("authorizationCode", code);
        }
        TokenMinter.Options options = null;
        if (ticket.requests("token")) {
            long duration = request.accessTokenDuration() == null ? 0 : request.accessTokenDuration();
            options = new TokenMinter.Options(duration, 0, request.accessToken(), null)
                    .withAccessToken(service, client, grant, false, call.now());
        }
        // the ID token is signed before anything changes, so a signing failure leaves no token and no grant change behind
        String idToken = ticket.requests("id_token") && grant.hasScope("openid")
                ? IdTokens.issue(service, client, grant, call.now(), options == null ? null : options.accessToken(), code,
                        ticket.clientIdAliasUsed())
                : null;
        AuthorizationTicket codeRequest = ticket;
        Grant codeGrant = grant;
        if (options != null) {
            // the first access token applies the grant management action; the code of a hybrid response then
            // belongs to the same grant and must not apply it again (a second create would make a second grant)
            Optional<TokenRecord> minted = TokenMinter.mintUnderGrant(state, client, grant, ticket.grantManagement(), false,
                    call.now(), options);
            if (minted.isEmpty()) {
                return grantRefused(service, ticket, client, call.now());
            }
            TokenRecord token = minted.get();
            codeRequest = ticket.withoutGrantManagement();
            codeGrant = token.grant();
            long expiresIn = token.accessTokenExpiresAt().getEpochSecond() - call.nowSeconds();
            // no grant_id here: the draft defines it for the token response only (its parameter registry names
            // "authorization request, token response"), and Authlete's issue response has no member for it either
            redirectParams.put("access_token", token.accessToken());
            redirectParams.put("token_type", service.accessTokenType());
            redirectParams.put("expires_in", Long.toString(expiresIn));
            redirectParams.put("scope", String.join(" ", grant.scopes()));
            body.put("accessToken", token.accessToken());
            body.put("accessTokenExpiresAt", token.accessTokenExpiresAt().toEpochMilli());
            body.put("accessTokenDuration", expiresIn);
        }
        if (code != null) {
            state.putCode(new AuthorizationCode(code, codeRequest, codeGrant, call.now().plusSeconds(ServiceConfig.AUTHORIZATION_CODE_SECONDS)));
        }
        if (idToken != null) {
            redirectParams.put("id_token", idToken);
            body.put("idToken", idToken);
        }
        redirectParams.put("state", ticket.state());
        if (!service.issSuppressed()) {
            redirectParams.put("iss", service.issuer());
        }
        AuthorizationResponder.respond(body, service, recipient(ticket, client), redirectParams, call.now());
        return body;
    }

    /** The merge or replace asked for found its grant revoked (or another end-user's) when the end-user approved. */
    private static ObjectNode grantRefused(ServiceConfig service, AuthorizationTicket ticket, ClientConfig client, Instant now) {
        String code = ResultCodes.of(ISSUE_API, 3, 3);
        String description = FlowSupport.grantRefusal(ticket.grantManagement());
        ObjectNode body = RuntimeResult.of(code, "LOCATION", description);
        AuthorizationResponder.respond(body, service, recipient(ticket, client),
                errorParams(service, code, "invalid_grant_id", description, ticket.state()), now);
        return body;
    }

    private static AuthorizationResponder.Recipient recipient(AuthorizationTicket ticket, ClientConfig client) {
        return new AuthorizationResponder.Recipient(ticket.redirectUri(), ticket.responseMode(), ticket.clientId(), client);
    }

    public ApiResponse fail(ApiCall call) {
        ServiceConfig service = call.service().config();
        FailRequest request = call.body(FailRequest.class);
        String error = request.reason() == null ? null : FAIL_ERRORS.get(request.reason());
        if (error == null) {
            throw ApiException.badRequest("'reason' must be one of " + FAIL_ERRORS.keySet() + ".");
        }
        Optional<AuthorizationTicket> taken = call.service().consumeTicket(request.ticket());
        if (taken.isEmpty() || taken.get().isExpired(call.now())) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(FAIL_API, 3, 1), "BAD_REQUEST", "invalid_request",
                    "The ticket is unknown, expired or already used."));
        }
        AuthorizationTicket ticket = taken.get();
        String code = ResultCodes.of(FAIL_API, 3, 10);
        String description = request.description() != null ? request.description()
                : "The authorization request failed: " + request.reason() + ".";
        ObjectNode body = RuntimeResult.of(code, "LOCATION", description);
        ClientConfig client = call.service().client(ticket.clientId()).orElse(null);
        try {
            AuthorizationResponder.respond(body, service, recipient(ticket, client),
                    errorParams(service, code, error, description, ticket.state()), call.now());
        } catch (CannotSignException e) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(FAIL_API, 1, 1), "INTERNAL_SERVER_ERROR",
                    "server_error", e.getMessage()));
        }
        return ApiResponse.ok(body);
    }

    private static ObjectNode failure(ServiceConfig service, AuthorizationRules.Failure failure, Instant now) {
        if (!failure.redirect()) {
            return RuntimeResult.error(service, failure.code(), "BAD_REQUEST", failure.error(), failure.description());
        }
        ObjectNode body = RuntimeResult.of(failure.code(), "LOCATION", failure.description());
        try {
            AuthorizationResponder.respond(body, service, new AuthorizationResponder.Recipient(failure.redirectUri(), failure.mode(),
                    failure.client().clientId(), failure.client()),
                    errorParams(service, failure.code(), failure.error(), failure.description(), failure.state()), now);
        } catch (CannotSignException e) {
            return RuntimeResult.error(service, ResultCodes.of(9, 1, 2), "INTERNAL_SERVER_ERROR", "server_error", e.getMessage());
        }
        return body;
    }

    private static Map<String, String> errorParams(ServiceConfig service, String code, String error, String description, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        if (!service.errorDescriptionOmitted()) {
            params.put("error_description", ResultCodes.message(code, description));
        }
        if (!service.errorUriOmitted()) {
            params.put("error_uri", RuntimeResult.ERROR_URI_BASE + code);
        }
        params.put("state", state);
        if (!service.issSuppressed()) {
            params.put("iss", service.issuer());
        }
        return params;
    }

    private static final List<String> LIMITED_SERVICE = List.of("number", "serviceName", "issuer", "apiKey", "supportedClaims",
            "supportedAcrs", "supportedScopes", "supportedDisplays", "supportedUiLocales");

    private static ObjectNode limitedService(ServiceConfig service) {
        return service.view(LIMITED_SERVICE);
    }
}
