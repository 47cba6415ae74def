package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.oauth.CannotSignException;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import io.github.authletetestkit.mock.internal.oauth.TokenHashes;
import io.github.authletetestkit.mock.internal.store.Grant;
import io.github.authletetestkit.mock.internal.store.Property;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenBatch;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Token management: {@code /auth/token/create}, {@code /update}, {@code /delete/{id}}, {@code /revoke} and {@code /get/list}. */
public final class TokenOperationsApi {

    record TokenCreateRequest(String grantType, Long clientId, String clientIdentifier, String subject, List<String> scopes,
                              Long accessTokenDuration, Long refreshTokenDuration, List<Property> properties,
                              String accessToken, String dpopKeyThumbprint, String acr, Long authTime, String sessionId,
                              String certificateThumbprint) {}

    record TokenUpdateRequest(String accessToken, String accessTokenHash, Long accessTokenExpiresAt, List<String> scopes,
                              List<Property> properties, Long refreshTokenExpiresAt) {}

    record TokenRevokeRequest(String accessTokenIdentifier, String refreshTokenIdentifier, String clientIdentifier, String subject) {}

    /** Grant types whose tokens come with a refresh token. */
    private static final Set<String> REFRESHABLE = Set.of("AUTHORIZATION_CODE", "PASSWORD", "REFRESH_TOKEN", "DEVICE_CODE", "CIBA",
            "TOKEN_EXCHANGE", "JWT_BEARER");
    private static final int CREATE_API = 109;
    private static final int UPDATE_API = 135;
    private static final int REVOKE_API = 312;
    private static final int BATCH_API = 110;

    public ApiResponse create(ApiCall call) {
        return ApiResponse.ok(create(call, call.body(TokenCreateRequest.class), false));
    }

    /**
     * {@code /auth/token/create/batch}: every request is checked first, so a batch with a bad request
     * creates nothing; {@code dryRun=true} only checks. The outcome is kept for the status operation.
     */
    public ApiResponse createBatch(ApiCall call) {
        if (call.body() == null || !call.body().isArray()) {
            throw ApiException.badRequest("The request body must be a JSON array of token creation requests.");
        }
        List<TokenCreateRequest> requests = new java.util.ArrayList<>();
        for (var element : call.body()) {
            try {
                requests.add(Json.MAPPER.treeToValue(element, TokenCreateRequest.class));
            } catch (Exception e) {
                throw ApiException.badRequest("A token creation request of the batch is malformed: " + e.getMessage());
            }
        }
        Optional<ObjectNode> refusal = requests.stream().map(r -> create(call, r, true))
                .filter(answer -> !"OK".equals(answer.path("action").asText())).findFirst();
        boolean dryRun = "true".equals(call.queryParam("dryRun"));
        if (refusal.isEmpty() && !dryRun) {
            requests.forEach(r -> create(call, r, false));
        }
        TokenBatch batch = new TokenBatch(RandomValues.token(), refusal.isEmpty(),
                refusal.map(r -> r.path("resultCode").asText()).orElse(null),
                refusal.map(r -> r.path("resultMessage").asText()).orElse(null),
                refusal.isEmpty() && !dryRun ? requests.size() : 0, call.now());
        call.service().putTokenBatch(batch);
        ObjectNode body = ResultCodes.body(ResultCodes.of(BATCH_API, 0, 1), "The batch of " + requests.size()
                + " token creation request(s) was processed" + (dryRun ? " without creating tokens." : "."));
        return ApiResponse.ok(body.put("requestId", batch.requestId()));
    }

    public ApiResponse batchStatus(ApiCall call) {
        String requestId = call.pathParam("tokenBatchRequestId");
        TokenBatch batch = call.service().tokenBatch(requestId).orElseThrow(() -> ApiException.notFound(
                ResultCodes.of(1, 2, 11), "No token batch has the request ID '" + requestId + "'."));
        ObjectNode body = ResultCodes.body(ResultCodes.of(BATCH_API + 1, 0, 1), "The status of the token batch was found.");
        ObjectNode status = body.putObject("status");
        status.put("batchKind", "CREATE");
        status.put("requestId", batch.requestId());
        status.put("result", batch.succeeded() ? "SUCCEEDED" : "FAILED");
        if (batch.errorCode() != null) {
            status.put("errorCode", batch.errorCode());
            status.put("errorDescription", batch.errorDescription());
        }
        status.put("tokenCount", batch.tokenCount());
        status.put("createdAt", batch.createdAt().toEpochMilli());
        status.put("modifiedAt", batch.createdAt().toEpochMilli());
        return ApiResponse.ok(body);
    }

    /** Creates the token, or with {@code checkOnly} only says whether it could: the answer of /auth/token/create. */
    private ObjectNode create(ApiCall call, TokenCreateRequest request, boolean checkOnly) {
        Lifetimes.checkSeconds("accessTokenDuration", request.accessTokenDuration());
        Lifetimes.checkSeconds("refreshTokenDuration", request.refreshTokenDuration());
        ServiceState state = call.service();
        ServiceConfig service = state.config();
        if (request.grantType() == null) {
            return failure(CREATE_API, 1, "BAD_REQUEST", "The request does not contain 'grantType'.");
        }
        String identifier = request.clientIdentifier() != null ? request.clientIdentifier()
                : request.clientId() == null ? null : Long.toString(request.clientId());
        Optional<ClientConfig> client = state.findClient(identifier);
        if (client.isEmpty()) {
            return failure(CREATE_API, 2, "BAD_REQUEST", "No client has the identifier '" + identifier + "'.");
        }
        boolean clientCredentials = request.grantType().equals("CLIENT_CREDENTIALS");
        if (!clientCredentials && (request.subject() == null || request.subject().isEmpty())) {
            return failure(CREATE_API, 3, "BAD_REQUEST", "The request does not contain 'subject'.");
        }
        if (client.get().locked()) {
            return failure(CREATE_API, 4, "FORBIDDEN", "The client (ID = " + client.get().clientId() + ") is locked.");
        }
        if (checkOnly) {
            return RuntimeResult.of(ResultCodes.of(CREATE_API, 0, 1), "OK", "The token can be created.");
        }
        List<String> scopes = request.scopes() == null ? List.of() : List.copyOf(request.scopes());
        Grant grant = new Grant(client.get().clientId(), clientCredentials ? null : request.subject(), null, scopes, request.grantType(),
                request.properties() == null ? List.of() : List.copyOf(request.properties()), request.authTime(), request.acr(),
                null, null, request.sessionId(), null, null);
        boolean refresh = REFRESHABLE.contains(request.grantType()) && service.supportsGrantType("REFRESH_TOKEN");
        TokenRecord token;
        try {
            token = TokenMinter.mint(state, client.get(), grant, refresh, call.now(), new TokenMinter.Options(
                    orZero(request.accessTokenDuration()), orZero(request.refreshTokenDuration()), request.accessToken(),
                    request.dpopKeyThumbprint(), request.certificateThumbprint()));
        } catch (CannotSignException e) {
            return RuntimeResult.of(ResultCodes.of(CREATE_API, 1, 1), "INTERNAL_SERVER_ERROR", e.getMessage());
        }
        ObjectNode body = RuntimeResult.of(ResultCodes.of(CREATE_API, 0, 1), "OK", "An access token was created successfully.");
        body.put("accessToken", token.accessToken());
        body.put("clientId", token.clientId());
        body.put("expiresAt", token.accessTokenExpiresAt().toEpochMilli());
        body.put("expiresIn", token.accessTokenExpiresAt().getEpochSecond() - call.nowSeconds());
        body.put("grantType", request.grantType());
        TokenApi.putProperties(body, grant.properties());
        if (token.refreshToken() != null) {
            body.put("refreshToken", token.refreshToken());
            TokenApi.putStrings(body.putArray("refreshTokenScopes"), scopes);
        }
        TokenApi.putStrings(body.putArray("scopes"), scopes);
        if (grant.subject() != null) {
            body.put("subject", grant.subject());
        }
        body.put("tokenType", token.dpopJkt() != null ? "DPoP" : service.accessTokenType());
        return body;
    }

    public ApiResponse update(ApiCall call) {
        ServiceState state = call.service();
        TokenUpdateRequest request = call.body(TokenUpdateRequest.class);
        Lifetimes.checkEpochMillis("accessTokenExpiresAt", request.accessTokenExpiresAt());
        Lifetimes.checkEpochMillis("refreshTokenExpiresAt", request.refreshTokenExpiresAt());
        String identifier = request.accessToken() != null ? request.accessToken() : request.accessTokenHash();
        if (identifier == null) {
            return ApiResponse.ok(failure(UPDATE_API, 1, "BAD_REQUEST", "The request does not contain 'accessToken'."));
        }
        Optional<TokenRecord> found = byAccessTokenIdentifier(state, identifier)
                .flatMap(token -> state.updateToken(token.accessToken(), current -> updated(current, request)));
        if (found.isEmpty()) {
            return ApiResponse.ok(failure(UPDATE_API, 2, "NOT_FOUND", "The access token does not exist."));
        }
        TokenRecord updated = found.get();
        Grant grant = updated.grant();
        ObjectNode body = RuntimeResult.of(ResultCodes.of(UPDATE_API, 0, 1), "OK", "The access token was updated successfully.");
        body.put("accessToken", updated.accessToken());
        body.put("accessTokenExpiresAt", updated.accessTokenExpiresAt().toEpochMilli());
        TokenApi.putProperties(body, grant.properties());
        TokenApi.putStrings(body.putArray("scopes"), grant.scopes());
        body.put("tokenType", updated.dpopJkt() != null ? "DPoP" : state.config().accessTokenType());
        if (updated.refreshToken() != null) {
            body.put("refreshTokenExpiresAt", updated.refreshTokenExpiresAt().toEpochMilli());
        }
        return ApiResponse.ok(body);
    }

    /** The token as the update request changes it. */
    private static TokenRecord updated(TokenRecord token, TokenUpdateRequest request) {
        Grant grant = token.grant();
        if (request.scopes() != null) {
            grant = grant.withScopes(List.copyOf(request.scopes()));
        }
        if (request.properties() != null) {
            grant = grant.withProperties(List.copyOf(request.properties()));
        }
        TokenRecord updated = token.withGrant(grant);
        if (request.accessTokenExpiresAt() != null && request.accessTokenExpiresAt() > 0) {
            updated = updated.withAccessTokenExpiresAt(Instant.ofEpochMilli(request.accessTokenExpiresAt()));
        }
        if (request.refreshTokenExpiresAt() != null && request.refreshTokenExpiresAt() > 0 && updated.refreshToken() != null) {
            updated = updated.withRefreshTokenExpiresAt(Instant.ofEpochMilli(request.refreshTokenExpiresAt()));
        }
        return updated;
    }

    public ApiResponse delete(ApiCall call) {
        String identifier = call.pathParam("accessTokenIdentifier");
        TokenRecord token = byAccessTokenIdentifier(call.service(), identifier).orElseThrow(() -> ApiException.notFound(
                ResultCodes.of(1, 2, 10), "The access token does not exist."));
        call.service().removePair(token);
        return ApiResponse.noContent();
    }

    public ApiResponse revoke(ApiCall call) {
        ServiceState state = call.service();
        TokenRevokeRequest request = call.body(TokenRevokeRequest.class);
        Predicate<TokenRecord> which;
        if (request.accessTokenIdentifier() != null) {
            String id = request.accessTokenIdentifier();
            which = t -> t.accessToken().equals(id) || TokenHashes.sha256Base64Url(t.accessToken()).equals(id);
        } else if (request.refreshTokenIdentifier() != null) {
            String id = request.refreshTokenIdentifier();
            which = t -> t.refreshToken() != null && (t.refreshToken().equals(id) || TokenHashes.sha256Base64Url(t.refreshToken()).equals(id));
        } else if (request.clientIdentifier() != null) {
            ClientConfig client = state.findClient(request.clientIdentifier()).orElseThrow(() -> ApiException.notFound(
                    ResultCodes.CLIENT_NOT_FOUND, "No client has the identifier '" + request.clientIdentifier() + "'."));
            which = t -> t.clientId() == client.clientId() && (request.subject() == null || request.subject().equals(t.grant().subject()));
        } else {
            throw ApiException.badRequest("One of 'accessTokenIdentifier', 'refreshTokenIdentifier' and 'clientIdentifier' is required.");
        }
        int count = state.removeTokens(which);
        ObjectNode body = ResultCodes.body(ResultCodes.of(REVOKE_API, 0, 1), "Revoked " + count + " access token(s).");
        body.put("count", count);
        return ApiResponse.ok(body);
    }

    public ApiResponse list(ApiCall call) {
        ServiceState state = call.service();
        Paging paging = Paging.from(call);
        String clientIdentifier = call.queryParam("clientIdentifier");
        String subject = call.queryParam("subject");
        String status = call.queryParam("tokenStatus") == null ? "ALL" : call.queryParam("tokenStatus");
        Optional<ClientConfig> client = Optional.empty();
        if (clientIdentifier != null) {
            client = Optional.of(state.findClient(clientIdentifier).orElseThrow(() -> ApiException.notFound(
                    ResultCodes.CLIENT_NOT_FOUND, "No client has the identifier '" + clientIdentifier + "'.")));
        }
        Optional<ClientConfig> only = client;
        List<TokenRecord> matching = state.tokens().stream()
                .filter(t -> only.isEmpty() || t.clientId() == only.get().clientId())
                .filter(t -> subject == null || subject.equals(t.grant().subject()))
                .filter(t -> switch (status) {
                    case "VALID" -> !t.accessTokenExpired(call.now());
                    case "INVALID" -> t.accessTokenExpired(call.now());
                    default -> true;
                })
                .sorted(Comparator.comparing(TokenRecord::createdAt).thenComparing(TokenRecord::accessToken))
                .toList();
        ObjectNode body = Json.object();
        body.put("start", paging.start());
        body.put("end", paging.end());
        body.put("totalCount", matching.size());
        client.ifPresent(c -> body.set("client", ClientViews.of(c, ClientViews.LIMITED)));
        if (subject != null) {
            body.put("subject", subject);
        }
        ArrayNode tokens = body.putArray("accessTokens");
        for (TokenRecord token : paging.slice(matching)) {
            ObjectNode entry = tokens.addObject();
            entry.put("accessTokenHash", TokenHashes.sha256Base64Url(token.accessToken()));
            entry.put("accessTokenExpiresAt", token.accessTokenExpiresAt().toEpochMilli());
            if (token.refreshToken() != null) {
                entry.put("refreshTokenHash", TokenHashes.sha256Base64Url(token.refreshToken()));
                entry.put("refreshTokenExpiresAt", token.refreshTokenExpiresAt().toEpochMilli());
                TokenApi.putStrings(entry.putArray("refreshTokenScopes"), token.grant().scopes());
            }
            entry.put("createdAt", token.createdAt().toEpochMilli());
            if (token.lastRefreshedAt() != null) {
                entry.put("lastRefreshedAt", token.lastRefreshedAt().toEpochMilli());
            }
            entry.put("clientId", token.clientId());
            if (token.grant().subject() != null) {
                entry.put("subject", token.grant().subject());
            }
            entry.put("grantType", token.grant().grantType());
            TokenApi.putStrings(entry.putArray("scopes"), token.grant().scopes());
            TokenApi.putProperties(entry, token.grant().properties());
        }
        return ApiResponse.ok(body);
    }

    /** A token named by its value or by the SHA-256 hash of its value. */
    static Optional<TokenRecord> byAccessTokenIdentifier(ServiceState state, String identifier) {
        Optional<TokenRecord> byValue = state.byAccessToken(identifier);
        if (byValue.isPresent()) {
            return byValue;
        }
        return state.tokens().stream().filter(t -> TokenHashes.sha256Base64Url(t.accessToken()).equals(identifier)).findFirst();
    }

    private static ObjectNode failure(int api, int seq, String action, String message) {
        return RuntimeResult.of(ResultCodes.of(api, action.equals("FORBIDDEN") ? 3 : 2, seq), action, message);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
