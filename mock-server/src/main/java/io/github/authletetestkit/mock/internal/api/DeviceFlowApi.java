package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.grants.GrantRequest;
import io.github.authletetestkit.mock.internal.grants.GrantRules;
import io.github.authletetestkit.mock.internal.oauth.FormParameters;
import io.github.authletetestkit.mock.internal.oauth.InvalidParametersException;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import io.github.authletetestkit.mock.internal.store.DeviceAuthorization;
import io.github.authletetestkit.mock.internal.store.EndUserDecision;
import io.github.authletetestkit.mock.internal.store.Grant;
import io.github.authletetestkit.mock.internal.store.Property;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The device flow (RFC 8628): {@code /device/authorization}, {@code /device/verification},
 * {@code /device/complete}, and the token endpoint's {@code urn:ietf:params:oauth:grant-type:device_code} grant.
 */
public final class DeviceFlowApi {

    record DeviceAuthorizationRequest(String parameters, String clientId, String clientSecret, String clientCertificate) {}

    record DeviceVerificationRequest(String userCode) {}

    record DeviceCompleteRequest(String userCode, String result, String subject, String sub, Long authTime, String acr,
                                 String claims, List<Property> properties, List<String> scopes, String errorDescription,
                                 String errorUri, Long accessTokenDuration, Long refreshTokenDuration, String idTokenAudType) {}

    private static final int AUTHORIZATION_API = 220;
    private static final int VERIFICATION_API = 224;
    private static final int COMPLETE_API = 241;
    private static final int TOKEN_API = 50;
    /** Lifetime of device codes when the service sets none. */
    static final long DEFAULT_CODE_SECONDS = 600;
    static final String USER_CODE_PLACEHOLDER = "USER_CODE";
    private static final int USER_CODE_ATTEMPTS = 100;
    /** Bounds what a service's {@code userCodeLength} can make the mock draw. */
    private static final long MAX_USER_CODE_LENGTH = 128;

    // ---- /device/authorization

    public ApiResponse authorization(ApiCall call) {
        ServiceState state = call.service();
        ServiceConfig service = state.config();
        DeviceAuthorizationRequest request = call.body(DeviceAuthorizationRequest.class);
        // an empty body is a valid device authorization request (Basic authentication, default scopes)
        if (request.parameters() == null) {
            return error(service, ResultCodes.of(AUTHORIZATION_API, 2, 1), "BAD_REQUEST", "invalid_request",
                    "The request does not contain 'parameters'.");
        }
        FormParameters params;
        try {
            params = FormParameters.parse(request.parameters());
        } catch (InvalidParametersException e) {
            return error(service, ResultCodes.of(AUTHORIZATION_API, 3, 1), "BAD_REQUEST", "invalid_request", e.getMessage());
        }
        ClientAuthentication.Result auth = ClientAuthentication.authenticate(state,
                new ClientAuthentication.Credentials(request.clientId(), request.clientSecret(), request.clientCertificate()), params, call.now());
        if (!auth.ok()) {
            return error(service, ResultCodes.of(AUTHORIZATION_API, 3, auth.invalidClient() ? 2 : 3),
                    auth.invalidClient() ? "UNAUTHORIZED" : "BAD_REQUEST", auth.error(), auth.description());
        }
        ClientConfig client = auth.client();
        if (!service.supportsGrantType("DEVICE_CODE")) {
            return error(service, ResultCodes.of(AUTHORIZATION_API, 3, 4), "BAD_REQUEST", "unauthorized_client",
                    "The service does not support the device flow (grant type DEVICE_CODE).");
        }
        if (!client.allowsGrantType("DEVICE_CODE")) {
            return error(service, ResultCodes.of(AUTHORIZATION_API, 3, 5), "BAD_REQUEST", "unauthorized_client",
                    "The client is not allowed to use the device flow (grant type DEVICE_CODE).");
        }
        FlowSupport.ScopeCheck scopes = FlowSupport.grantedScopes(service, client, AuthorizationRules.splitScopes(params.first("scope")));
        if (!scopes.ok()) {
            return error(service, ResultCodes.of(AUTHORIZATION_API, 3, 6), "BAD_REQUEST", "invalid_scope",
                    "The scope '" + scopes.unsupported() + "' is not supported by this service.");
        }
        if (scopes.scopes().isEmpty() && service.scopeRequired()) {
            return error(service, ResultCodes.of(AUTHORIZATION_API, 3, 7), "BAD_REQUEST", "invalid_scope",
                    "The device authorization request does not contain 'scope' parameter and the service requires one.");
        }
        GrantRules.AuthorizationCheck grantManagement = FlowSupport.grantManagement(state, client, params);
        if (grantManagement.refusal() != null) {
            return error(service, ResultCodes.of(AUTHORIZATION_API, 3, 10 + grantManagement.refusal().ordinal()), "BAD_REQUEST",
                    grantManagement.refusal().error(), grantManagement.description());
        }
        String verificationUri = service.endpoint("deviceVerificationUri");
        if (FlowSupport.blank(verificationUri)) {
            return error(service, ResultCodes.of(AUTHORIZATION_API, 2, 2), "INTERNAL_SERVER_ERROR", "server_error",
                    "The service has no 'deviceVerificationUri'.");
        }
        long expiresIn = FlowSupport.positiveNumber(service, "deviceFlowCodeDuration", DEFAULT_CODE_SECONDS);
        long interval = FlowSupport.serviceNumber(service, "deviceFlowPollingInterval");
        String clientIdentifier = request.clientId() != null && !request.clientId().isEmpty() ? request.clientId() : params.first("client_id");
        boolean aliasUsed = FlowSupport.aliasUsed(clientIdentifier, client);
        List<String> acrs = AuthorizationRules.splitScopes(params.first("acr_values"));
        Optional<DeviceAuthorization> stored = store(state, service, client, aliasUsed, scopes.scopes(), acrs,
                call.now().plusSeconds(expiresIn), interval, grantManagement.request());
        if (stored.isEmpty()) {
            return error(service, ResultCodes.of(AUTHORIZATION_API, 1, 1), "INTERNAL_SERVER_ERROR", "server_error",
                    "No unused user code could be drawn; the service's user codes are too short.");
        }
        DeviceAuthorization authorization = stored.get();
        String complete = service.endpoint("deviceVerificationUriComplete");
        String verificationUriComplete = FlowSupport.blank(complete) ? null
                : complete.replace(USER_CODE_PLACEHOLDER, authorization.userCode());

        ObjectNode content = Json.object();
        content.put("device_code", authorization.deviceCode());
        content.put("user_code", authorization.userCode());
        content.put("verification_uri", verificationUri);
        FlowSupport.putIfPresent(content, "verification_uri_complete", verificationUriComplete);
        content.put("expires_in", expiresIn);
        if (interval > 0) {
            content.put("interval", interval);
        }

        ObjectNode body = RuntimeResult.of(ResultCodes.of(AUTHORIZATION_API, 0, 1), "OK",
                "The device authorization request was processed successfully.");
        body.put("responseContent", Json.write(content));
        putClient(body, client, aliasUsed);
        body.put("clientAuthMethod", auth.method());
        FlowSupport.putScopes(body, service, authorization.scopes());
        FlowSupport.putClaimNames(body, authorization.scopes());
        FlowSupport.putStringsIfAny(body, "acrs", acrs);
        body.put("deviceCode", authorization.deviceCode());
        body.put("userCode", authorization.userCode());
        body.put("verificationUri", verificationUri);
        FlowSupport.putIfPresent(body, "verificationUriComplete", verificationUriComplete);
        body.put("expiresIn", (int) expiresIn);
        body.put("interval", (int) interval);
        FlowSupport.putGrantManagement(body, authorization.grantManagement());
        return ApiResponse.ok(body);
    }

    /** A new record under a fresh device code and a user code not in use; empty when no free user code was found. */
    private static Optional<DeviceAuthorization> store(ServiceState state, ServiceConfig service, ClientConfig client, boolean aliasUsed,
                                                       List<String> scopes, List<String> acrs, Instant expiresAt, long interval,
                                                       GrantRequest grantManagement) {
        String charset = service.endpoint("userCodeCharset");
        int length = (int) Math.min(MAX_USER_CODE_LENGTH, FlowSupport.positiveNumber(service, "userCodeLength", 8));
        for (int attempt = 0; attempt < USER_CODE_ATTEMPTS; attempt++) {
            DeviceAuthorization authorization = new DeviceAuthorization(RandomValues.token(), RandomValues.userCode(charset, length),
                    client.clientId(), aliasUsed, scopes, acrs, expiresAt, interval, null, null, grantManagement);
            if (state.putDeviceAuthorization(authorization)) {
                return Optional.of(authorization);
            }
        }
        return Optional.empty();
    }

    // ---- /device/verification

    public ApiResponse verification(ApiCall call) {
        ServiceState state = call.service();
        DeviceVerificationRequest request = call.body(DeviceVerificationRequest.class);
        if (FlowSupport.blank(request.userCode())) {
            throw ApiException.badRequest("The request does not contain 'userCode'.");
        }
        Optional<DeviceAuthorization> found = state.deviceAuthorizationByUserCode(request.userCode());
        Optional<ClientConfig> client = found.flatMap(d -> state.client(d.clientId()));
        if (found.isEmpty() || client.isEmpty()) {
            return ApiResponse.ok(RuntimeResult.of(ResultCodes.of(VERIFICATION_API, 3, 1), "NOT_EXIST",
                    "The user code does not exist."));
        }
        DeviceAuthorization authorization = found.get();
        if (authorization.isExpired(call.now())) {
            return ApiResponse.ok(RuntimeResult.of(ResultCodes.of(VERIFICATION_API, 3, 2), "EXPIRED",
                    "The user code has expired."));
        }
        ObjectNode body = RuntimeResult.of(ResultCodes.of(VERIFICATION_API, 0, 1), "VALID", "The user code is valid.");
        putClient(body, client.get(), authorization.clientIdAliasUsed());
        FlowSupport.putScopes(body, state.config(), authorization.scopes());
        FlowSupport.putClaimNames(body, authorization.scopes());
        FlowSupport.putStringsIfAny(body, "acrs", authorization.acrs());
        body.put("expiresAt", authorization.expiresAt().toEpochMilli());
        FlowSupport.putGrantManagement(body, authorization.grantManagement());
        return ApiResponse.ok(body);
    }

    // ---- /device/complete

    public ApiResponse complete(ApiCall call) {
        ServiceState state = call.service();
        DeviceCompleteRequest request = call.body(DeviceCompleteRequest.class);
        Optional<EndUserDecision.Result> result = FlowSupport.result(request.result());
        if (result.isEmpty()) {
            return completeAction(2, 1, "INVALID_REQUEST", "'result' must be AUTHORIZED, ACCESS_DENIED or TRANSACTION_FAILED.");
        }
        if (FlowSupport.blank(request.userCode())) {
            return completeAction(2, 2, "INVALID_REQUEST", "The request does not contain 'userCode'.");
        }
        if (result.get() == EndUserDecision.Result.AUTHORIZED && FlowSupport.blank(request.subject())) {
            return completeAction(2, 3, "INVALID_REQUEST", "'subject' is required when 'result' is AUTHORIZED.");
        }
        Optional<DeviceAuthorization> found = state.deviceAuthorizationByUserCode(request.userCode());
        if (found.isEmpty()) {
            return completeAction(3, 1, "USER_CODE_NOT_EXIST", "The user code does not exist.");
        }
        DeviceAuthorization authorization = found.get();
        if (authorization.isExpired(call.now())) {
            return completeAction(3, 2, "USER_CODE_EXPIRED", "The user code has expired.");
        }
        EndUserDecision decision = FlowSupport.decision(result.get(), authorization.clientId(), "DEVICE_CODE",
                request.scopes() != null ? request.scopes() : authorization.scopes(), request.subject(), request.sub(),
                request.authTime(), request.acr(), request.claims(), request.properties(), request.idTokenAudType(),
                request.errorDescription(), request.errorUri(), request.accessTokenDuration(), request.refreshTokenDuration(), null);
        if (state.decideDeviceAuthorization(request.userCode(), decision).isEmpty()) {
            return completeAction(3, 1, "USER_CODE_NOT_EXIST", "The user code does not exist.");
        }
        return completeAction(0, 1, "SUCCESS", "The API call was processed successfully.");
    }

    private static ApiResponse completeAction(int category, int seq, String action, String message) {
        return ApiResponse.ok(RuntimeResult.of(ResultCodes.of(COMPLETE_API, category, seq), action, message));
    }

    // ---- /auth/token, grant_type=urn:ietf:params:oauth:grant-type:device_code

    /** The token endpoint's step for the device code grant; the client is already authenticated and allowed the grant. */
    static ObjectNode tokenGrant(TokenApi.Exchange x) {
        String deviceCode = x.params().first("device_code");
        if (FlowSupport.blank(deviceCode)) {
            return x.error(60, "invalid_request", "The token request does not contain 'device_code' parameter.");
        }
        Instant now = x.call().now();
        while (true) {
            Optional<DeviceAuthorization> found = x.state().deviceAuthorization(deviceCode);
            if (found.isEmpty()) {
                return x.error(61, "invalid_grant", "The device code is unknown or its tokens have already been issued.");
            }
            DeviceAuthorization authorization = found.get();
            if (authorization.clientId() != x.client().clientId()) {
                return x.error(62, "invalid_grant", "The device code was issued to another client.");
            }
            if (authorization.isExpired(now)) {
                return x.error(63, "expired_token", "The device code has expired.");
            }
            if (authorization.pending()) {
                if (!x.state().replaceDeviceAuthorization(authorization, authorization.polledAt(now))) {
                    continue; // decided or polled concurrently: look again
                }
                return authorization.tooSoon(now)
                        ? x.error(64, "slow_down", "The client polls faster than every " + authorization.intervalSeconds() + " seconds.")
                        : x.error(65, "authorization_pending", "The end-user has not yet completed the authorization.");
            }
            EndUserDecision decision = authorization.decision();
            switch (decision.result()) {
                case ACCESS_DENIED -> {
                    String code = ResultCodes.of(TOKEN_API, 3, 66);
                    return FlowSupport.decisionError(x.service(), code, "access_denied", "The end-user denied the authorization request.", decision);
                }
                case TRANSACTION_FAILED -> {
                    // Authlete reports a failed transaction as expired_token, the same as for CIBA
                    String code = ResultCodes.of(TOKEN_API, 3, 67);
                    return FlowSupport.decisionError(x.service(), code, "expired_token",
                            "The authorization server could not obtain the end-user's decision.", decision);
                }
                case AUTHORIZED -> {
                    // nothing changes before the ID token is signed, so a signing failure leaves the device code usable
                    Grant grant = TokenApi.withRequestProperties(decision.grant(), x.request());
                    TokenMinter.Options options = FlowSupport.options(x.options(), decision)
                            .withAccessToken(x.service(), x.client(), grant, TokenMinter.refreshAllowed(x.service(), x.client()), now);
                    String idToken = grant.hasScope("openid")
                            ? IdTokens.issue(x.service(), x.client(), grant, now, options.accessToken(), null, authorization.clientIdAliasUsed())
                            : null;
                    if (!x.state().consumeDeviceAuthorization(authorization)) {
                        continue; // taken concurrently: look again
                    }
                    Optional<TokenRecord> token = TokenMinter.mintUnderGrant(x.state(), x.client(), grant,
                            authorization.grantManagement(), TokenMinter.refreshAllowed(x.service(), x.client()), now, options);
                    if (token.isEmpty()) {
                        return x.error(68, "invalid_grant", FlowSupport.grantRefusal(authorization.grantManagement()));
                    }
                    return TokenApi.ok(x, token.get(), idToken, ResultCodes.of(TOKEN_API, 0, 2));
                }
                default -> throw new IllegalStateException("unknown result " + decision.result());
            }
        }
    }

    // ---- shared members

    static void putClient(ObjectNode body, ClientConfig client, boolean aliasUsed) {
        body.put("clientId", client.clientId());
        body.put("clientIdAlias", client.clientIdAlias());
        body.put("clientIdAliasUsed", aliasUsed);
        FlowSupport.putIfPresent(body, "clientName", client.clientName());
    }

    private static ApiResponse error(ServiceConfig service, String code, String action, String error, String description) {
        return ApiResponse.ok(RuntimeResult.error(service, code, action, error, description));
    }
}
