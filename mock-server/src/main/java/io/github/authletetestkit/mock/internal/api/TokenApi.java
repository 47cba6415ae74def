package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.oauth.AuthorizationDetails;
import io.github.authletetestkit.mock.internal.oauth.CannotSignException;
import io.github.authletetestkit.mock.internal.oauth.FormParameters;
import io.github.authletetestkit.mock.internal.oauth.IdTokenException;
import io.github.authletetestkit.mock.internal.oauth.InvalidDpopProofException;
import io.github.authletetestkit.mock.internal.oauth.InvalidParametersException;
import io.github.authletetestkit.mock.internal.oauth.Pkce;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import io.github.authletetestkit.mock.internal.oauth.ResourceIndicators;
import io.github.authletetestkit.mock.internal.store.AuthorizationCode;
import io.github.authletetestkit.mock.internal.store.AuthorizationTicket;
import io.github.authletetestkit.mock.internal.store.Grant;
import io.github.authletetestkit.mock.internal.store.Property;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.internal.store.TokenTicket;
import io.github.authletetestkit.mock.internal.vci.CredentialOffer;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ScopeDefinition;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /auth/token} (every grant the mock implements), {@code /auth/token/issue} and {@code /auth/token/fail}. */
public final class TokenApi {

    record TokenRequest(String parameters, String clientId, String clientSecret, List<Property> properties, String dpop,
                        String htm, String htu, String accessToken, Long accessTokenDuration, Long refreshTokenDuration,
                        String clientCertificate) {}

    record TokenIssueRequest(String ticket, String subject, List<Property> properties, String accessToken,
                             Long accessTokenDuration, Long refreshTokenDuration) {}

    record TokenFailRequest(String ticket, String reason) {}

    /** OAuth grant type wire names and Authlete's names for them. */
    private static final Map<String, String> GRANT_TYPES = Map.of(
            "authorization_code", "AUTHORIZATION_CODE",
            "refresh_token", "REFRESH_TOKEN",
            "client_credentials", "CLIENT_CREDENTIALS",
            "password", "PASSWORD",
            "urn:ietf:params:oauth:grant-type:device_code", "DEVICE_CODE",
            "urn:openid:params:grant-type:ciba", "CIBA",
            "urn:ietf:params:oauth:grant-type:token-exchange", "TOKEN_EXCHANGE",
            "urn:ietf:params:oauth:grant-type:jwt-bearer", "JWT_BEARER",
            CredentialOffer.PRE_AUTHORIZED_GRANT, "PRE_AUTHORIZED_CODE");

    private static final int API = 50;
    private static final int ISSUE_API = 60;
    private static final int FAIL_API = 67;
    private static final Duration PASSWORD_TICKET_LIFETIME = Duration.ofMinutes(10);

    /** A token request in progress: what every grant's step needs. */
    record Exchange(ApiCall call, ServiceState state, ServiceConfig service, TokenRequest request,
                            FormParameters params, ClientConfig client, String clientAuthMethod, String dpopJkt,
                            String certificateThumbprint) {
        ObjectNode error(int seq, String error, String description) {
            return RuntimeResult.error(service, ResultCodes.of(API, 3, seq), "BAD_REQUEST", error, description);
        }

        boolean aliasUsed() {
            String id = request.clientId() != null ? request.clientId() : params.first("client_id");
            return id != null && !id.equals(Long.toString(client.clientId()));
        }

        TokenMinter.Options options() {
            return new TokenMinter.Options(orZero(request.accessTokenDuration()), orZero(request.refreshTokenDuration()),
                    request.accessToken(), dpopJkt, certificateThumbprint);
        }

        /**
         * The options with the audience the request's {@code resource} parameters narrow {@code grant}'s resources to.
         *
         * @throws InvalidParametersException when a resource is malformed or was not granted
         */
        TokenMinter.Options narrowedOptions(Grant grant) {
            List<String> requested = params.all("resource");
            return requested.isEmpty() ? options() : options().withResources(ResourceIndicators.narrow(grant.grantedResources(), requested));
        }
    }

    /** A token request whose {@code resource} is malformed or was not granted (RFC 8707 {@code invalid_target}). */
    private static ObjectNode invalidTarget(Exchange x, InvalidParametersException e) {
        return x.error(90, "invalid_target", e.getMessage());
    }

    public ApiResponse token(ApiCall call) {
        ServiceState state = call.service();
        ServiceConfig service = state.config();
        TokenRequest request = call.body(TokenRequest.class);
        RequestParameters parsed = RequestParameters.parse(service, request.parameters(), true,
                ResultCodes.of(API, 3, 1), ResultCodes.of(API, 3, 2));
        if (parsed.refusal() != null) {
            return parsed.refusal();
        }
        FormParameters params = parsed.params();
        String grantTypeParam = params.first("grant_type");
        if (grantTypeParam == null || grantTypeParam.isEmpty()) {
            return badRequest(service, 3, "invalid_request", "The token request does not contain 'grant_type' parameter.");
        }
        String grantType = GRANT_TYPES.get(grantTypeParam);
        if (grantType == null || !service.supportsGrantType(grantType)) {
            return badRequest(service, 4, "unsupported_grant_type", "The grant type '" + grantTypeParam + "' is not supported by this service.");
        }
        ClientAuthentication.Result auth = ClientAuthentication.authenticate(state,
                new ClientAuthentication.Credentials(request.clientId(), request.clientSecret(), request.clientCertificate()), params, call.now());
        if (!auth.ok()) {
            String code = ResultCodes.of(API, 3, auth.invalidClient() ? 5 : 6);
            return ApiResponse.ok(RuntimeResult.error(service, code, auth.invalidClient() ? "INVALID_CLIENT" : "BAD_REQUEST",
                    auth.error(), auth.description()));
        }
        ClientConfig client = auth.client();
        if (!client.allowsGrantType(grantType)) {
            return badRequest(service, 7, "unauthorized_client", "The client is not allowed to use the grant type '" + grantTypeParam + "'.");
        }
        String dpopJkt = null;
        if (request.dpop() != null && !request.dpop().isEmpty()) {
            try {
                String htu = request.htu() != null ? request.htu() : service.endpoint("tokenEndpoint");
                dpopJkt = DpopProofs.verify(state, request.dpop(), request.htm() != null ? request.htm() : "POST", htu, null, call.now());
            } catch (InvalidDpopProofException e) {
                return badRequest(service, 8, "invalid_dpop_proof", e.getMessage());
            }
        } else if (client.dpopRequired()) {
            return badRequest(service, 9, "invalid_dpop_proof", "The client requires DPoP but the request carries no DPoP proof.");
        }
        CertificateBinding.Outcome binding = CertificateBinding.forTokenRequest(service, client, request.clientCertificate());
        if (binding.problem() != null) {
            return badRequest(service, 11, "invalid_request", binding.problem());
        }
        Exchange exchange = new Exchange(call, state, service, request, params, client, auth.method(), dpopJkt, binding.thumbprint());
        try {
            ObjectNode body = switch (grantType) {
                case "AUTHORIZATION_CODE" -> authorizationCode(exchange);
                case "REFRESH_TOKEN" -> refreshToken(exchange);
                case "CLIENT_CREDENTIALS" -> clientCredentials(exchange);
                case "PASSWORD" -> password(exchange);
                case "DEVICE_CODE" -> DeviceFlowApi.tokenGrant(exchange);
                case "CIBA" -> CibaApi.tokenGrant(exchange);
                case "PRE_AUTHORIZED_CODE" -> PreAuthorizedCodeGrant.grant(exchange);
                case "TOKEN_EXCHANGE" -> DelegationGrants.tokenExchange(exchange);
                case "JWT_BEARER" -> DelegationGrants.jwtBearer(exchange);
                default -> exchange.error(10, "unsupported_grant_type", "The mock does not implement the grant type '" + grantTypeParam + "' yet.");
            };
            return ApiResponse.ok(body);
        } catch (IdTokenException | CannotSignException e) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(API, 1, 1), "INTERNAL_SERVER_ERROR", "server_error", e.getMessage()));
        }
    }

    private ObjectNode authorizationCode(Exchange x) {
        String codeValue = x.params().first("code");
        if (codeValue == null || codeValue.isEmpty()) {
            return x.error(20, "invalid_request", "The token request does not contain 'code' parameter.");
        }
        Optional<AuthorizationCode> found = x.state().code(codeValue);
        if (found.isEmpty() || found.get().isExpired(x.call().now())) {
            return x.error(21, "invalid_grant", "The authorization code is unknown, expired or already used.");
        }
        AuthorizationCode code = found.get();
        AuthorizationTicket authorization = code.request();
        if (code.grant().clientId() != x.client().clientId()) {
            return x.error(22, "invalid_grant", "The authorization code was issued to another client.");
        }
        String redirectUri = x.params().first("redirect_uri");
        if (authorization.redirectUriExplicit() ? !authorization.redirectUri().equals(redirectUri)
                : redirectUri != null && !authorization.redirectUri().equals(redirectUri)) {
            return x.error(23, "invalid_grant", "'redirect_uri' differs from the one in the authorization request.");
        }
        String verifier = x.params().first("code_verifier");
        if (authorization.codeChallenge() == null) {
            if (verifier != null) {
                return x.error(24, "invalid_grant", "'code_verifier' is given but the authorization request had no code challenge.");
            }
        } else {
            if (verifier == null) {
                return x.error(25, "invalid_grant", "The token request does not contain 'code_verifier' although the authorization request had a code challenge.");
            }
            Pkce.Method method = Pkce.Method.fromWireName(authorization.codeChallengeMethod()).orElse(Pkce.Method.PLAIN);
            if (!Pkce.isWellFormed(verifier) || !Pkce.verify(authorization.codeChallenge(), method, verifier)) {
                return x.error(26, "invalid_grant", "The code verifier does not match the code challenge.");
            }
        }
        Grant grant = withRequestProperties(code.grant().withGrantType("AUTHORIZATION_CODE"), x.request());
        TokenMinter.Options narrowed;
        try {
            narrowed = x.narrowedOptions(grant);
        } catch (InvalidParametersException e) {
            return invalidTarget(x, e);
        }
        // the ID token is signed before anything changes, so a signing failure leaves the code usable
        TokenMinter.Options options = narrowed.withAccessToken(x.service(), x.client(), grant,
                TokenMinter.refreshAllowed(x.service(), x.client()), x.call().now());
        String idToken = grant.hasScope("openid")
                ? IdTokens.issue(x.service(), x.client(), grant, x.call().now(), options.accessToken(), null, authorization.clientIdAliasUsed())
                : null;
        if (!x.state().consumeCode(code)) {
            return x.error(21, "invalid_grant", "The authorization code is unknown, expired or already used.");
        }
        Optional<TokenRecord> token = TokenMinter.mintUnderGrant(x.state(), x.client(), grant, authorization.grantManagement(),
                TokenMinter.refreshAllowed(x.service(), x.client()), x.call().now(), options);
        if (token.isEmpty()) {
            return x.error(27, "invalid_grant", "The grant the tokens were to belong to was revoked meanwhile or belongs to another end-user.");
        }
        return ok(x, token.get(), idToken, ResultCodes.of(API, 0, 1));
    }

    private ObjectNode refreshToken(Exchange x) {
        String refreshValue = x.params().first("refresh_token");
        if (refreshValue == null || refreshValue.isEmpty()) {
            return x.error(30, "invalid_request", "The token request does not contain 'refresh_token' parameter.");
        }
        Optional<TokenRecord> found = x.state().byRefreshToken(refreshValue);
        if (found.isEmpty() || !found.get().refreshTokenUsable(x.call().now())) {
            return x.error(31, "invalid_grant", "The refresh token is unknown, expired or revoked.");
        }
        TokenRecord old = found.get();
        if (old.clientId() != x.client().clientId()) {
            return x.error(32, "invalid_grant", "The refresh token was issued to another client.");
        }
        Grant grant = old.grant();
        String scope = x.params().first("scope");
        if (scope != null) {
            List<String> narrowed = AuthorizationRules.splitScopes(scope);
            if (!grant.scopes().containsAll(narrowed)) {
                return x.error(33, "invalid_scope", "The requested scope exceeds the scope of the original grant.");
            }
            grant = grant.withScopes(narrowed);
        }
        TokenMinter.Options options;
        try {
            options = x.narrowedOptions(grant);
        } catch (InvalidParametersException e) {
            return invalidTarget(x, e);
        }
        if (!x.state().consumePair(old)) {
            return x.error(31, "invalid_grant", "The refresh token is unknown, expired or revoked.");
        }
        grant = withRequestProperties(grant, x.request());
        TokenRecord token = TokenMinter.refresh(x.state(), x.client(), old, grant, x.call().now(), options);
        return ok(x, token, null, ResultCodes.of(API + 3, 0, 1));
    }

    private ObjectNode clientCredentials(Exchange x) {
        if (x.client().isPublic()) {
            return x.error(40, "unauthorized_client", "A public client cannot use the client credentials grant.");
        }
        Optional<List<String>> scopes = supportedScopes(x.service(), x.params().first("scope"));
        if (scopes.isEmpty()) {
            return x.error(41, "invalid_scope", "The requested scope is not supported by this service.");
        }
        List<String> resources;
        try {
            resources = ResourceIndicators.check(x.params().all("resource"));
        } catch (InvalidParametersException e) {
            return invalidTarget(x, e);
        }
        Grant grant = withRequestProperties(Grant.forClient(x.client().clientId(), scopes.get(), "CLIENT_CREDENTIALS")
                .withResources(resources), x.request());
        TokenRecord token = TokenMinter.mint(x.state(), x.client(), grant, false, x.call().now(), x.options());
        return ok(x, token, null, ResultCodes.of(API + 2, 0, 1));
    }

    private ObjectNode password(Exchange x) {
        String username = x.params().first("username");
        String password = x.params().first("password");
        if (username == null || password == null) {
            return x.error(50, "invalid_request", "The token request must contain 'username' and 'password'.");
        }
        Optional<List<String>> scopes = supportedScopes(x.service(), x.params().first("scope"));
        if (scopes.isEmpty()) {
            return x.error(51, "invalid_scope", "The requested scope is not supported by this service.");
        }
        Grant grant = withRequestProperties(Grant.forClient(x.client().clientId(), scopes.get(), "PASSWORD"), x.request());
        TokenTicket ticket = new TokenTicket(RandomValues.token(), grant, username, x.call().now().plus(PASSWORD_TICKET_LIFETIME),
                x.certificateThumbprint());
        x.state().putTokenTicket(ticket);
        ObjectNode body = RuntimeResult.of(ResultCodes.of(API + 4, 0, 1), "PASSWORD",
                "The token request (grant_type=password) is valid; the service must check the resource owner's credentials.");
        body.put("ticket", ticket.ticket());
        body.put("username", username);
        body.put("password", password);
        body.put("grantType", "PASSWORD");
        body.put("clientId", x.client().clientId());
        body.put("clientIdAlias", x.client().clientIdAlias());
        body.put("clientIdAliasUsed", x.aliasUsed());
        putStrings(body.putArray("scopes"), scopes.get());
        return body;
    }

    public ApiResponse issue(ApiCall call) {
        ServiceState state = call.service();
        ServiceConfig service = state.config();
        TokenIssueRequest request = call.body(TokenIssueRequest.class);
        if (request.subject() == null || request.subject().isEmpty()) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(ISSUE_API, 2, 1), "INTERNAL_SERVER_ERROR",
                    "server_error", "The request does not contain 'subject'."));
        }
        Optional<TokenTicket> taken = state.consumeTokenTicket(request.ticket());
        if (taken.isEmpty() || taken.get().isExpired(call.now())) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(ISSUE_API, 2, 2), "INTERNAL_SERVER_ERROR",
                    "server_error", "The ticket is unknown, expired or already used."));
        }
        Grant base = taken.get().grant();
        Optional<ClientConfig> client = state.client(base.clientId());
        if (client.isEmpty()) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(ISSUE_API, 2, 3), "INTERNAL_SERVER_ERROR",
                    "server_error", "The client of the ticket no longer exists."));
        }
        List<Property> properties = new ArrayList<>(base.properties());
        if (request.properties() != null) {
            properties.addAll(request.properties());
        }
        Grant grant = new Grant(base.clientId(), request.subject(), null, base.scopes(), "PASSWORD", List.copyOf(properties),
                null, null, null, null, null, null, null);
        TokenRecord token = TokenMinter.mint(state, client.get(), grant, TokenMinter.refreshAllowed(service, client.get()), call.now(),
                new TokenMinter.Options(orZero(request.accessTokenDuration()), orZero(request.refreshTokenDuration()), request.accessToken(),
                        null, taken.get().certificateThumbprint()));
        ObjectNode body = RuntimeResult.of(ResultCodes.of(ISSUE_API, 0, 1), "OK", "The token was issued.");
        putTokenFields(body, service, client.get(), token, null, call, false);
        return ApiResponse.ok(body);
    }

    public ApiResponse fail(ApiCall call) {
        ServiceConfig service = call.service().config();
        TokenFailRequest request = call.body(TokenFailRequest.class);
        String reason = request.reason();
        if (!List.of("UNKNOWN", "INVALID_RESOURCE_OWNER_CREDENTIALS", "INVALID_TARGET").contains(String.valueOf(reason))) {
            throw ApiException.badRequest("'reason' must be UNKNOWN, INVALID_RESOURCE_OWNER_CREDENTIALS or INVALID_TARGET.");
        }
        if (call.service().consumeTokenTicket(request.ticket()).isEmpty()) {
            return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(FAIL_API, 2, 1), "INTERNAL_SERVER_ERROR",
                    "server_error", "The ticket is unknown, expired or already used."));
        }
        return ApiResponse.ok(switch (reason) {
            case "INVALID_RESOURCE_OWNER_CREDENTIALS" -> RuntimeResult.error(service, ResultCodes.of(FAIL_API, 3, 1), "BAD_REQUEST",
                    "invalid_request", "The credentials (username & password) passed to the token endpoint are invalid.");
            case "INVALID_TARGET" -> RuntimeResult.error(service, ResultCodes.of(FAIL_API, 3, 2), "BAD_REQUEST",
                    "invalid_target", "The requested resource is invalid.");
            default -> RuntimeResult.error(service, ResultCodes.of(FAIL_API, 1, 1), "INTERNAL_SERVER_ERROR",
                    "server_error", "The token request failed for an unknown reason.");
        });
    }

    static ObjectNode ok(Exchange x, TokenRecord token, String idToken, String code) {
        ObjectNode body = RuntimeResult.of(code, "OK", "The token request (grant_type="
                + x.params().first("grant_type") + ") was processed successfully.");
        putTokenFields(body, x.service(), x.client(), token, idToken, x.call(), x.aliasUsed());
        body.put("grantType", token.grant().grantType());
        body.put("clientAuthMethod", x.clientAuthMethod());
        return body;
    }

    /** The token members of a token response, and the RFC 6749 JSON the service returns to the client. */
    static void putTokenFields(ObjectNode body, ServiceConfig service, ClientConfig client, TokenRecord token, String idToken,
                               ApiCall call, boolean aliasUsed) {
        Grant grant = token.grant();
        long expiresIn = Math.max(0, token.accessTokenExpiresAt().getEpochSecond() - call.nowSeconds());
        ObjectNode content = Json.object();
        content.put("access_token", token.accessToken());
        content.put("token_type", token.dpopJkt() != null ? "DPoP" : service.accessTokenType());
        content.put("expires_in", expiresIn);
        content.put("scope", grant.scopes().isEmpty() ? null : String.join(" ", grant.scopes()));
        if (token.refreshToken() != null) {
            content.put("refresh_token", token.refreshToken());
        }
        if (idToken != null) {
            content.put("id_token", idToken);
        }
        if (grant.grantId() != null) {
            content.put("grant_id", grant.grantId());
        }
        if (grant.authorizationDetails() != null) {
            content.set("authorization_details", AuthorizationDetails.toJson(grant.authorizationDetails()));
        }
        for (Property p : grant.properties()) {
            if (!p.hidden() && p.key() != null && !content.has(p.key())) {
                content.put(p.key(), p.value());
            }
        }
        body.put("responseContent", Json.write(content));
        body.put("accessToken", token.accessToken());
        body.put("accessTokenExpiresAt", token.accessTokenExpiresAt().toEpochMilli());
        body.put("accessTokenDuration", expiresIn);
        if (token.refreshToken() != null) {
            body.put("refreshToken", token.refreshToken());
            body.put("refreshTokenExpiresAt", token.refreshTokenExpiresAt().toEpochMilli());
            body.put("refreshTokenDuration", Math.max(0, token.refreshTokenExpiresAt().getEpochSecond() - call.nowSeconds()));
            putStrings(body.putArray("refreshTokenScopes"), grant.scopes());
        }
        if (idToken != null) {
            body.put("idToken", idToken);
        }
        body.put("clientId", client.clientId());
        body.put("clientIdAlias", client.clientIdAlias());
        body.put("clientIdAliasUsed", aliasUsed);
        if (grant.subject() != null) {
            body.put("subject", grant.subject());
        }
        putStrings(body.putArray("scopes"), grant.scopes());
        putProperties(body, grant.properties());
        if (grant.sessionId() != null) {
            body.put("sessionId", grant.sessionId());
        }
        if (grant.grantId() != null) {
            body.put("grantId", grant.grantId());
        }
        FlowSupport.putTokenTargets(body, token);
    }

    static void putProperties(ObjectNode body, List<Property> properties) {
        if (!properties.isEmpty()) {
            ArrayNode array = body.putArray("properties");
            for (Property p : properties) {
                ObjectNode entry = array.addObject();
                if (p.key() != null) {
                    entry.put("key", p.key());
                }
                if (p.value() != null) {
                    entry.put("value", p.value());
                }
                entry.put("hidden", p.hidden());
            }
        }
    }

    static void putStrings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** The requested scopes when the service supports them all, the service's defaults when none; empty when unsupported. */
    private static Optional<List<String>> supportedScopes(ServiceConfig service, String scopeParam) {
        List<String> requested = AuthorizationRules.splitScopes(scopeParam);
        List<String> supported = service.supportedScopes().stream().map(ScopeDefinition::name).toList();
        if (!supported.containsAll(requested)) {
            return Optional.empty();
        }
        if (requested.isEmpty()) {
            return Optional.of(service.supportedScopes().stream().filter(ScopeDefinition::defaultEntry).map(ScopeDefinition::name).toList());
        }
        return Optional.of(requested);
    }

    static Grant withRequestProperties(Grant grant, TokenRequest request) {
        if (request.properties() == null || request.properties().isEmpty()) {
            return grant;
        }
        List<Property> merged = new ArrayList<>(grant.properties());
        merged.addAll(request.properties());
        return grant.withProperties(List.copyOf(merged));
    }

    private static ApiResponse badRequest(ServiceConfig service, int seq, String error, String description) {
        return ApiResponse.ok(RuntimeResult.error(service, ResultCodes.of(API, 3, seq), "BAD_REQUEST", error, description));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
