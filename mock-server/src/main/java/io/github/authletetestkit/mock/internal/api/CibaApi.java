package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTParser;
import io.github.authletetestkit.mock.internal.grants.GrantRules;
import io.github.authletetestkit.mock.internal.oauth.CannotSignException;
import io.github.authletetestkit.mock.internal.oauth.FormParameters;
import io.github.authletetestkit.mock.internal.oauth.IdTokenException;
import io.github.authletetestkit.mock.internal.oauth.InvalidParametersException;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import io.github.authletetestkit.mock.internal.store.BackchannelRequest;
import io.github.authletetestkit.mock.internal.store.EndUserDecision;
import io.github.authletetestkit.mock.internal.store.Grant;
import io.github.authletetestkit.mock.internal.store.Property;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CIBA (OpenID Connect Client-Initiated Backchannel Authentication): {@code /backchannel/authentication},
 * its {@code /issue}, {@code /fail} and {@code /complete}, and the token endpoint's
 * {@code urn:openid:params:grant-type:ciba} grant.
 */
public final class CibaApi {

    record BackchannelAuthenticationRequest(String parameters, String clientId, String clientSecret, String clientCertificate) {}

    record BackchannelIssueRequest(String ticket) {}

    record BackchannelFailRequest(String ticket, String reason, String errorDescription, String errorUri) {}

    record BackchannelCompleteRequest(String ticket, String result, String subject, String sub, Long authTime, String acr,
                                      String claims, List<Property> properties, List<String> scopes, String errorDescription,
                                      String errorUri, String accessToken, Long accessTokenDuration, Long refreshTokenDuration,
                                      String idTokenAudType) {}

    private static final int AUTHENTICATION_API = 179;
    private static final int ISSUE_API = 183;
    private static final int FAIL_API = 185;
    private static final int COMPLETE_API = 198;
    private static final int TOKEN_API = 50;
    /** Authlete's code for a client without a backchannel token delivery mode (observed). */
    static final String NO_DELIVERY_MODE = "A169301";
    /** Lifetime of auth_req_id values when the service sets none. */
    static final long DEFAULT_AUTH_REQ_ID_SECONDS = 600;
    static final List<String> DELIVERY_MODES = List.of("POLL", "PING", "PUSH");
    /** CIBA Core 10.3.1: a pushed ID token names the auth_req_id it answers. */
    static final String AUTH_REQ_ID_CLAIM = "urn:openid:params:jwt:claim:auth_req_id";

    /** {@code /backchannel/authentication/fail} reasons: the action and OAuth error each becomes. */
    private static final Map<String, String[]> FAIL_REASONS = Map.of(
            "ACCESS_DENIED", new String[] {"FORBIDDEN", "access_denied"},
            "EXPIRED_LOGIN_HINT_TOKEN", new String[] {"BAD_REQUEST", "expired_login_hint_token"},
            "INVALID_BINDING_MESSAGE", new String[] {"BAD_REQUEST", "invalid_binding_message"},
            "INVALID_TARGET", new String[] {"BAD_REQUEST", "invalid_target"},
            "INVALID_USER_CODE", new String[] {"BAD_REQUEST", "invalid_user_code"},
            "MISSING_USER_CODE", new String[] {"BAD_REQUEST", "missing_user_code"},
            "SERVER_ERROR", new String[] {"INTERNAL_SERVER_ERROR", "server_error"},
            "UNAUTHORIZED_CLIENT", new String[] {"BAD_REQUEST", "unauthorized_client"},
            "UNKNOWN_USER_ID", new String[] {"BAD_REQUEST", "unknown_user_id"});

    /** The three hints of CIBA Core 7.1, by parameter, with Authlete's hint type names. */
    private static final List<String[]> HINTS = List.of(
            new String[] {"login_hint", "LOGIN_HINT"},
            new String[] {"login_hint_token", "LOGIN_HINT_TOKEN"},
            new String[] {"id_token_hint", "ID_TOKEN_HINT"});

    // ---- /backchannel/authentication

    public ApiResponse authentication(ApiCall call) {
        ServiceState state = call.service();
        ServiceConfig service = state.config();
        BackchannelAuthenticationRequest request = call.body(BackchannelAuthenticationRequest.class);
        if (FlowSupport.blank(request.parameters())) {
            return badRequest(service, ResultCodes.of(AUTHENTICATION_API, 2, 1), "invalid_request",
                    "The request does not contain 'parameters' or it is empty.");
        }
        FormParameters params;
        try {
            params = FormParameters.parse(request.parameters());
        } catch (InvalidParametersException e) {
            return badRequest(service, ResultCodes.of(AUTHENTICATION_API, 3, 1), "invalid_request", e.getMessage());
        }
        ClientAuthentication.Result auth = ClientAuthentication.authenticate(state,
                new ClientAuthentication.Credentials(request.clientId(), request.clientSecret(), request.clientCertificate()), params, call.now());
        if (!auth.ok()) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(AUTHENTICATION_API, 3, auth.invalidClient() ? 2 : 3),
                    auth.invalidClient() ? "UNAUTHORIZED" : "BAD_REQUEST", auth.error(), auth.description()));
        }
        ClientConfig client = auth.client();
        if (client.isPublic()) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(AUTHENTICATION_API, 3, 4), "UNAUTHORIZED",
                    "invalid_client", "Client authentication is required at the backchannel authentication endpoint; public clients cannot use CIBA."));
        }
        if (!service.supportsGrantType("CIBA")) {
            return badRequest(service, ResultCodes.of(AUTHENTICATION_API, 3, 5), "unauthorized_client",
                    "The service does not support CIBA (grant type CIBA).");
        }
        if (!client.allowsGrantType("CIBA")) {
            return badRequest(service, ResultCodes.of(AUTHENTICATION_API, 3, 6), "unauthorized_client",
                    "The client is not allowed to use CIBA (grant type CIBA).");
        }
        String mode = FlowSupport.clientText(client, "bcDeliveryMode");
        if (mode == null) {
            return badRequest(service, NO_DELIVERY_MODE, "unauthorized_client",
                    "The backchannel token delivery mode of the client is not set.");
        }
        List<String> serviceModes = service.toJson().has("supportedBackchannelTokenDeliveryModes")
                ? texts(service.toJson().get("supportedBackchannelTokenDeliveryModes")) : DELIVERY_MODES;
        if (!DELIVERY_MODES.contains(mode) || !serviceModes.contains(mode)) {
            return badRequest(service, ResultCodes.of(AUTHENTICATION_API, 3, 7), "unauthorized_client",
                    "The backchannel token delivery mode '" + mode + "' of the client is not supported by the service.");
        }
        if (params.has("request")) {
            return badRequest(service, ResultCodes.of(AUTHENTICATION_API, 3, 8), "invalid_request",
                    "The mock does not support signed backchannel authentication requests ('request' parameter).");
        }
        FlowSupport.ScopeCheck scopes = FlowSupport.grantedScopes(service, client, AuthorizationRules.splitScopes(params.first("scope")));
        if (!scopes.ok()) {
            return badRequest(service, ResultCodes.of(AUTHENTICATION_API, 3, 9), "invalid_scope",
                    "The scope '" + scopes.unsupported() + "' is not supported by this service.");
        }
        if (!scopes.scopes().contains("openid")) {
            return badRequest(service, ResultCodes.of(AUTHENTICATION_API, 3, 10), "invalid_request",
                    "The 'scope' parameter of a backchannel authentication request must contain 'openid'.");
        }
        List<String[]> hints = new ArrayList<>();
        for (String[] hint : HINTS) {
            String value = params.first(hint[0]);
            if (!FlowSupport.blank(value)) {
                hints.add(new String[] {hint[1], value});
            }
        }
        if (hints.size() != 1) {
            return badRequest(service, ResultCodes.of(AUTHENTICATION_API, 3, hints.isEmpty() ? 11 : 12), "invalid_request",
                    hints.isEmpty() ? "The request contains none of 'login_hint', 'login_hint_token' and 'id_token_hint'."
                            : "The request must contain only one of 'login_hint', 'login_hint_token' and 'id_token_hint'.");
        }
        String hintType = hints.get(0)[0];
        String hint = hints.get(0)[1];
        String sub = null;
        if (hintType.equals("ID_TOKEN_HINT")) {
            sub = subjectOf(hint);
            if (sub == null) {
                return badRequest(service, ResultCodes.of(AUTHENTICATION_API, 3, 13), "invalid_request",
                        "'id_token_hint' is not a JWT with a 'sub' claim.");
            }
        }
        String notificationToken = params.first("client_notification_token");
        if (!mode.equals("POLL")) {
            if (FlowSupport.blank(notificationToken)) {
                return badRequest(service, ResultCodes.of(AUTHENTICATION_API, 3, 14), "invalid_request",
                        "'client_notification_token' is required in the " + mode.toLowerCase() + " mode.");
            }
            if (FlowSupport.clientText(client, "bcNotificationEndpoint") == null) {
                return badRequest(service, ResultCodes.of(AUTHENTICATION_API, 3, 15), "unauthorized_client",
                        "The client has no backchannel client notification endpoint, which the " + mode.toLowerCase() + " mode needs.");
            }
        }
        long requestedExpiry = 0;
        String expiryParam = params.first("requested_expiry");
        if (expiryParam != null) {
            try {
                requestedExpiry = Long.parseLong(expiryParam);
            } catch (NumberFormatException e) {
                requestedExpiry = -1;
            }
            if (requestedExpiry <= 0 || requestedExpiry > Integer.MAX_VALUE) {
                return badRequest(service, ResultCodes.of(AUTHENTICATION_API, 3, 16), "invalid_request",
                        "'requested_expiry' must be a positive integer.");
            }
        }
        GrantRules.AuthorizationCheck grantManagement = FlowSupport.grantManagement(state, client, params);
        if (grantManagement.refusal() != null) {
            return badRequest(service, ResultCodes.of(AUTHENTICATION_API, 3, 20 + grantManagement.refusal().ordinal()),
                    grantManagement.refusal().error(), grantManagement.description());
        }
        boolean userCodeRequired = service.toJson().path("backchannelUserCodeParameterSupported").asBoolean(false)
                && client.toJson().path("bcUserCodeRequired").asBoolean(false);
        String userCode = params.first("user_code");
        if (userCodeRequired && FlowSupport.blank(userCode)) {
            return badRequest(service, ResultCodes.of(AUTHENTICATION_API, 3, 17), "missing_user_code",
                    "The client requires 'user_code' but the request does not contain it.");
        }
        String clientIdentifier = request.clientId() != null && !request.clientId().isEmpty() ? request.clientId() : params.first("client_id");
        boolean aliasUsed = FlowSupport.aliasUsed(clientIdentifier, client);
        List<String> acrs = AuthorizationRules.splitScopes(params.first("acr_values"));
        BackchannelRequest stored = new BackchannelRequest(RandomValues.token(), client.clientId(), aliasUsed, scopes.scopes(), acrs,
                mode, notificationToken, hintType, hint, sub, params.first("binding_message"), userCode, requestedExpiry, null,
                call.now().plusSeconds(ServiceConfig.TICKET_SECONDS), 0, null, null, grantManagement.request());
        state.putBackchannelRequest(stored);

        ObjectNode body = RuntimeResult.of(ResultCodes.of(AUTHENTICATION_API, 0, 1), "USER_IDENTIFICATION",
                "The backchannel authentication request was processed successfully.");
        DeviceFlowApi.putClient(body, client, aliasUsed);
        body.put("clientAuthMethod", auth.method());
        body.put("deliveryMode", mode);
        FlowSupport.putScopes(body, service, stored.scopes());
        FlowSupport.putClaimNames(body, stored.scopes());
        FlowSupport.putIfPresent(body, "clientNotificationToken", notificationToken);
        FlowSupport.putStringsIfAny(body, "acrs", acrs);
        body.put("hintType", hintType);
        body.put("hint", hint);
        FlowSupport.putIfPresent(body, "sub", sub);
        FlowSupport.putIfPresent(body, "bindingMessage", stored.bindingMessage());
        FlowSupport.putIfPresent(body, "userCode", userCode);
        body.put("userCodeRequired", userCodeRequired);
        body.put("requestedExpiry", (int) requestedExpiry);
        body.put("ticket", stored.ticket());
        FlowSupport.putGrantManagement(body, stored.grantManagement());
        return ApiResponse.ok(body);
    }

    /** The {@code sub} of a JWT (the signature is not checked), or null when it is no JWT or has none. */
    private static String subjectOf(String jwt) {
        try {
            return JWTParser.parse(jwt).getJWTClaimsSet().getSubject();
        } catch (java.text.ParseException | RuntimeException e) {
            return null;
        }
    }

    // ---- /backchannel/authentication/issue

    public ApiResponse issue(ApiCall call) {
        ServiceState state = call.service();
        ServiceConfig service = state.config();
        BackchannelIssueRequest request = call.body(BackchannelIssueRequest.class);
        Optional<BackchannelRequest> found = state.backchannelRequest(request.ticket());
        if (found.isEmpty() || found.get().issued() || found.get().isExpired(call.now())) {
            return invalidTicket(service);
        }
        BackchannelRequest pending = found.get();
        long expiresIn = pending.requestedExpiry() > 0 ? pending.requestedExpiry()
                : FlowSupport.positiveNumber(service, "backchannelAuthReqIdDuration", DEFAULT_AUTH_REQ_ID_SECONDS);
        long interval = FlowSupport.serviceNumber(service, "backchannelPollingInterval");
        BackchannelRequest issued = pending.issuedAs(RandomValues.token(), call.now().plusSeconds(expiresIn), interval);
        if (!state.replaceBackchannelRequest(pending, issued)) {
            return invalidTicket(service);
        }
        ObjectNode content = Json.object();
        content.put("auth_req_id", issued.authReqId());
        content.put("interval", interval);
        content.put("expires_in", expiresIn);
        ObjectNode body = RuntimeResult.of(ResultCodes.of(ISSUE_API, 0, 1), "OK", "An auth_req_id was issued successfully.");
        body.put("responseContent", Json.write(content));
        body.put("authReqId", issued.authReqId());
        body.put("expiresIn", (int) expiresIn);
        body.put("interval", (int) interval);
        return ApiResponse.ok(body);
    }

    private static ApiResponse invalidTicket(ServiceConfig service) {
        return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(ISSUE_API, 2, 1), "INVALID_TICKET", "server_error",
                "The ticket is unknown, expired or already used."));
    }

    // ---- /backchannel/authentication/fail

    public ApiResponse fail(ApiCall call) {
        ServiceConfig service = call.service().config();
        BackchannelFailRequest request = call.body(BackchannelFailRequest.class);
        String reason = request.reason() == null ? "SERVER_ERROR" : request.reason();
        String[] outcome = FAIL_REASONS.get(reason);
        if (outcome == null) {
            throw ApiException.badRequest("'reason' must be one of " + FAIL_REASONS.keySet() + ".");
        }
        // the ticket is optional here: when given, it is deleted (Authlete's API description)
        call.service().removeBackchannelRequest(request.ticket());
        String code = ResultCodes.of(FAIL_API, outcome[0].equals("INTERNAL_SERVER_ERROR") ? 1 : 3, 1);
        String description = "The backchannel authentication request failed: " + reason + ".";
        ObjectNode body = RuntimeResult.of(code, outcome[0], description);
        body.put("responseContent", FlowSupport.errorJson(service, code, outcome[1], description, request.errorDescription(),
                request.errorUri()));
        return ApiResponse.ok(body);
    }

    // ---- /backchannel/authentication/complete

    public ApiResponse complete(ApiCall call) {
        ServiceState state = call.service();
        ServiceConfig service = state.config();
        BackchannelCompleteRequest request = call.body(BackchannelCompleteRequest.class);
        Optional<EndUserDecision.Result> result = FlowSupport.result(request.result());
        if (result.isEmpty()) {
            return serverError(1, "'result' must be AUTHORIZED, ACCESS_DENIED or TRANSACTION_FAILED.");
        }
        if (result.get() == EndUserDecision.Result.AUTHORIZED && FlowSupport.blank(request.subject())) {
            return serverError(2, "'subject' is required when 'result' is AUTHORIZED.");
        }
        while (true) {
            Optional<BackchannelRequest> found = state.backchannelRequest(request.ticket());
            if (found.isEmpty()) {
                return serverError(3, "The ticket is unknown or already used.");
            }
            BackchannelRequest current = found.get();
            if (!current.issued()) {
                return serverError(4, "No auth_req_id has been issued for the ticket; call /backchannel/authentication/issue first.");
            }
            if (!current.pending()) {
                return serverError(5, "The result of the backchannel authentication request has already been reported.");
            }
            Optional<ClientConfig> client = state.client(current.clientId());
            if (client.isEmpty()) {
                return serverError(6, "The client of the ticket no longer exists.");
            }
            if (current.isExpired(call.now())) {
                return expired(state, service, client.get(), current);
            }
            EndUserDecision decision = FlowSupport.decision(result.get(), current.clientId(), "CIBA",
                    request.scopes() != null ? request.scopes() : current.scopes(), request.subject(), request.sub(),
                    request.authTime(), request.acr(), request.claims(), request.properties(), request.idTokenAudType(),
                    request.errorDescription(), request.errorUri(), request.accessTokenDuration(), request.refreshTokenDuration(),
                    request.accessToken());
            if (current.deliveryMode().equals("PUSH")) {
                Optional<ObjectNode> pushed = push(call, state, service, client.get(), current, decision);
                if (pushed.isEmpty()) {
                    continue; // changed concurrently: look again
                }
                return ApiResponse.ok(pushed.get());
            }
            if (!state.replaceBackchannelRequest(current, current.decided(decision))) {
                continue; // polled concurrently: look again
            }
            String message = "Successfully updated the database so that the token endpoint can generate tokens (mode = "
                    + current.deliveryMode().toLowerCase() + ", result = " + result.get() + ").";
            if (current.deliveryMode().equals("POLL")) {
                ObjectNode body = RuntimeResult.of(ResultCodes.of(COMPLETE_API, 0, 1), "NO_ACTION", message);
                putCompleteMembers(body, client.get(), current);
                return ApiResponse.ok(body);
            }
            ObjectNode content = Json.object().put("auth_req_id", current.authReqId());
            return ApiResponse.ok(notification(ResultCodes.of(COMPLETE_API, 0, 2), message, client.get(), current, content));
        }
    }

    /**
     * Push mode: the tokens (or the error) go to the client in the notification now, and the request is
     * taken. Empty when the request changed concurrently.
     */
    private static Optional<ObjectNode> push(ApiCall call, ServiceState state, ServiceConfig service, ClientConfig client,
                                             BackchannelRequest current, EndUserDecision decision) {
        Instant now = call.now();
        ObjectNode content = Json.object().put("auth_req_id", current.authReqId());
        if (!decision.authorized()) {
            if (!state.consumeBackchannelRequest(current)) {
                return Optional.empty();
            }
            String code = ResultCodes.of(COMPLETE_API, 3, 1);
            boolean denied = decision.result() == EndUserDecision.Result.ACCESS_DENIED;
            String description = denied ? "The end-user denied the backchannel authentication request."
                    : "The authorization server could not obtain the end-user's decision.";
            Json.parse(FlowSupport.decisionErrorJson(service, code, denied ? "access_denied" : "expired_token", description, decision))
                    .fields().forEachRemaining(e -> content.set(e.getKey(), e.getValue()));
            return Optional.of(notification(ResultCodes.of(COMPLETE_API, 0, 3), description, client, current, content));
        }
        Grant grant = withClaim(decision.grant(), AUTH_REQ_ID_CLAIM, current.authReqId());
        TokenMinter.Options options;
        String idToken;
        try {
            options = FlowSupport.options(TokenMinter.Options.DEFAULT, decision)
                    .withAccessToken(service, client, grant, TokenMinter.refreshAllowed(service, client), now);
            idToken = grant.hasScope("openid")
                    ? IdTokens.issue(service, client, grant, now, options.accessToken(), null, current.clientIdAliasUsed())
                    : null;
        } catch (IdTokenException | CannotSignException e) {
            return Optional.of(RuntimeResult.of(ResultCodes.of(COMPLETE_API, 1, 1), "SERVER_ERROR", e.getMessage()));
        }
        if (!state.consumeBackchannelRequest(current)) {
            return Optional.empty();
        }
        Optional<TokenRecord> minted = TokenMinter.mintUnderGrant(state, client, decision.grant(), current.grantManagement(),
                TokenMinter.refreshAllowed(service, client), now, options);
        if (minted.isEmpty()) {
            String description = FlowSupport.grantRefusal(current.grantManagement());
            // the request is taken: the client learns of the refusal from the notification, as of a denial
            content.setAll((ObjectNode) Json.parse(FlowSupport.errorJson(service, ResultCodes.of(COMPLETE_API, 3, 2), "invalid_grant",
                    description, null, null)));
            return Optional.of(notification(ResultCodes.of(COMPLETE_API, 0, 3), description, client, current, content));
        }
        TokenRecord token = minted.get();
        long accessSeconds = Math.max(0, token.accessTokenExpiresAt().getEpochSecond() - now.getEpochSecond());
        content.put("access_token", token.accessToken());
        content.put("token_type", service.accessTokenType());
        content.put("expires_in", accessSeconds);
        if (!grant.scopes().isEmpty()) {
            content.put("scope", String.join(" ", grant.scopes()));
        }
        FlowSupport.putIfPresent(content, "refresh_token", token.refreshToken());
        FlowSupport.putIfPresent(content, "id_token", idToken);
        FlowSupport.putIfPresent(content, "grant_id", token.grant().grantId());
        for (Property p : decision.grant().properties()) {
            if (!p.hidden() && p.key() != null && !content.has(p.key())) {
                content.put(p.key(), p.value());
            }
        }
        ObjectNode body = notification(ResultCodes.of(COMPLETE_API, 0, 3),
                "The tokens were issued; push them to the client notification endpoint.", client, current, content);
        body.put("accessToken", token.accessToken());
        body.put("accessTokenDuration", accessSeconds);
        if (token.refreshToken() != null) {
            body.put("refreshToken", token.refreshToken());
            body.put("refreshTokenDuration", Math.max(0, token.refreshTokenExpiresAt().getEpochSecond() - now.getEpochSecond()));
        }
        if (idToken != null) {
            body.put("idToken", idToken);
            body.put("idTokenDuration", service.idTokenDuration());
        }
        FlowSupport.putIfPresent(body, "grantId", token.grant().grantId());
        return Optional.of(body);
    }

    /** A request whose auth_req_id expired before the end-user's decision came. */
    private static ApiResponse expired(ServiceState state, ServiceConfig service, ClientConfig client, BackchannelRequest current) {
        String description = "The auth_req_id has expired.";
        switch (current.deliveryMode()) {
            case "PING" -> {
                // the client learns of the expiry at the token endpoint
                ObjectNode content = Json.object().put("auth_req_id", current.authReqId());
                return ApiResponse.ok(notification(ResultCodes.of(COMPLETE_API, 3, 2), description, client, current, content));
            }
            case "PUSH" -> {
                state.consumeBackchannelRequest(current);
                String code = ResultCodes.of(COMPLETE_API, 3, 2);
                ObjectNode content = Json.object().put("auth_req_id", current.authReqId());
                Json.parse(RuntimeResult.errorJson(service, code, "expired_token", description))
                        .fields().forEachRemaining(e -> content.set(e.getKey(), e.getValue()));
                return ApiResponse.ok(notification(code, description, client, current, content));
            }
            default -> {
                return serverError(7, description);
            }
        }
    }

    private static ObjectNode notification(String code, String message, ClientConfig client, BackchannelRequest request, ObjectNode content) {
        ObjectNode body = RuntimeResult.of(code, "NOTIFICATION", message);
        body.put("responseContent", Json.write(content));
        putCompleteMembers(body, client, request);
        FlowSupport.putIfPresent(body, "clientNotificationEndpoint", FlowSupport.clientText(client, "bcNotificationEndpoint"));
        FlowSupport.putIfPresent(body, "clientNotificationToken", request.clientNotificationToken());
        return body;
    }

    private static void putCompleteMembers(ObjectNode body, ClientConfig client, BackchannelRequest request) {
        DeviceFlowApi.putClient(body, client, request.clientIdAliasUsed());
        body.put("deliveryMode", request.deliveryMode());
        body.put("authReqId", request.authReqId());
    }

    private static ApiResponse serverError(int seq, String message) {
        return ApiResponse.ok(RuntimeResult.of(ResultCodes.of(COMPLETE_API, 2, seq), "SERVER_ERROR", message));
    }

    /** The grant with one more ID token claim added to its {@code claims} JSON. */
    private static Grant withClaim(Grant grant, String name, String value) {
        ObjectNode claims = Json.object();
        if (!FlowSupport.blank(grant.claims())) {
            try {
                if (Json.parse(grant.claims()) instanceof ObjectNode given) {
                    claims = given;
                }
            } catch (IllegalArgumentException notJson) {
                // unusable claims are left out, as IdTokens would
            }
        }
        claims.put(name, value);
        return new Grant(grant.clientId(), grant.subject(), grant.sub(), grant.scopes(), grant.grantType(), grant.properties(),
                grant.authTimeSeconds(), grant.acr(), Json.write(claims), grant.nonce(), grant.sessionId(), grant.idTokenAudType(), grant.grantId());
    }

    // ---- /auth/token, grant_type=urn:openid:params:grant-type:ciba

    /** The token endpoint's step for the CIBA grant (poll and ping modes); the client is already authenticated and allowed the grant. */
    static ObjectNode tokenGrant(TokenApi.Exchange x) {
        String authReqId = x.params().first("auth_req_id");
        if (FlowSupport.blank(authReqId)) {
            return x.error(70, "invalid_request", "The token request does not contain 'auth_req_id' parameter.");
        }
        if ("PUSH".equals(FlowSupport.clientText(x.client(), "bcDeliveryMode"))) {
            return x.error(71, "unauthorized_client", "A client in the push mode cannot use the CIBA grant at the token endpoint.");
        }
        Instant now = x.call().now();
        while (true) {
            Optional<BackchannelRequest> found = x.state().backchannelRequestByAuthReqId(authReqId);
            if (found.isEmpty()) {
                return x.error(72, "invalid_grant", "The auth_req_id is unknown or its tokens have already been issued.");
            }
            BackchannelRequest request = found.get();
            if (request.clientId() != x.client().clientId()) {
                return x.error(73, "invalid_grant", "The auth_req_id was issued to another client.");
            }
            if (request.deliveryMode().equals("PUSH")) {
                return x.error(71, "unauthorized_client", "A request in the push mode cannot be polled at the token endpoint.");
            }
            if (request.isExpired(now)) {
                return x.error(74, "expired_token", "The auth_req_id has expired.");
            }
            if (request.pending()) {
                if (!x.state().replaceBackchannelRequest(request, request.polledAt(now))) {
                    continue; // decided or polled concurrently: look again
                }
                return request.tooSoon(now)
                        ? x.error(75, "slow_down", "The client polls faster than every " + request.intervalSeconds() + " seconds.")
                        : x.error(76, "authorization_pending", "The end-user has not yet completed the authorization.");
            }
            EndUserDecision decision = request.decision();
            switch (decision.result()) {
                case ACCESS_DENIED -> {
                    return FlowSupport.decisionError(x.service(), ResultCodes.of(TOKEN_API, 3, 77), "access_denied",
                            "The end-user denied the backchannel authentication request.", decision);
                }
                case TRANSACTION_FAILED -> {
                    // Authlete: TRANSACTION_FAILED behaves like ACCESS_DENIED with the error expired_token
                    return FlowSupport.decisionError(x.service(), ResultCodes.of(TOKEN_API, 3, 78), "expired_token",
                            "The authorization server could not obtain the end-user's decision.", decision);
                }
                case AUTHORIZED -> {
                    Grant grant = TokenApi.withRequestProperties(decision.grant(), x.request());
                    TokenMinter.Options options = FlowSupport.options(x.options(), decision)
                            .withAccessToken(x.service(), x.client(), grant, TokenMinter.refreshAllowed(x.service(), x.client()), now);
                    String idToken = grant.hasScope("openid")
                            ? IdTokens.issue(x.service(), x.client(), grant, now, options.accessToken(), null, request.clientIdAliasUsed())
                            : null;
                    if (!x.state().consumeBackchannelRequest(request)) {
                        continue; // taken concurrently: look again
                    }
                    Optional<TokenRecord> token = TokenMinter.mintUnderGrant(x.state(), x.client(), grant,
                            request.grantManagement(), TokenMinter.refreshAllowed(x.service(), x.client()), now, options);
                    if (token.isEmpty()) {
                        return x.error(79, "invalid_grant", FlowSupport.grantRefusal(request.grantManagement()));
                    }
                    return TokenApi.ok(x, token.get(), idToken, ResultCodes.of(TOKEN_API, 0, 3));
                }
                default -> throw new IllegalStateException("unknown result " + decision.result());
            }
        }
    }

    // ---- helpers

    private static ApiResponse badRequest(ServiceConfig service, String code, String error, String description) {
        return ApiResponse.ok(RuntimeResult.error(service, code, "BAD_REQUEST", error, description));
    }

    private static List<String> texts(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(e -> out.add(e.asText()));
        }
        return out;
    }
}
