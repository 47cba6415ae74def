package io.github.authletetestkit.mock.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.Fault;
import io.github.authletetestkit.mock.MockClock;
import io.github.authletetestkit.mock.RecordedCall;
import io.github.authletetestkit.mock.SpecViolation;
import io.github.authletetestkit.mock.internal.api.ApiCall;
import io.github.authletetestkit.mock.internal.api.ApiException;
import io.github.authletetestkit.mock.internal.api.ApiHandler;
import io.github.authletetestkit.mock.internal.api.ApiResponse;
import io.github.authletetestkit.mock.internal.api.ApiRoutes;
import io.github.authletetestkit.mock.internal.api.ResultCodes;
import io.github.authletetestkit.mock.internal.faults.FaultPlan;
import io.github.authletetestkit.mock.internal.journal.CallJournal;
import io.github.authletetestkit.mock.internal.oauth.RandomSource;
import io.github.authletetestkit.mock.internal.ratelimit.RateLimiter;
import io.github.authletetestkit.mock.internal.store.ApiCredential;
import io.github.authletetestkit.mock.internal.store.MockStore;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.synth.ResponseSynthesizer;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import io.github.authletetestkit.spec.internal.OperationMatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One request through the mock: find the operation, authenticate the caller, check the request against
 * the spec, run the handler, check the response against the spec. Knows no HTTP server.
 */
public final class ApiPipeline {

    private static final Logger LOG = Logger.getLogger(ApiPipeline.class.getName());
    public static final String HEALTHCHECK_PATH = "/api/lifecycle/healthcheck";

    /** How much of the spec to enforce. */
    public record Validation(boolean requests, boolean responses, boolean strict) {}

    private final MockStore store;
    private final MockClock clock;
    private final ApiRoutes routes;
    private final OperationMatcher operations;
    private final RequestSchemas requestSchemas;
    private final ResponseSynthesizer synthesizer;
    private final SpecValidator validator;
    private final Validation validation;
    private final List<SpecViolation> violations = new CopyOnWriteArrayList<>();
    private final FaultPlan faults;
    private final CallJournal journal;
    private final RateLimiter rateLimiter;
    private final RandomSource randomness;

    public ApiPipeline(MockStore store, MockClock clock, ApiRoutes routes, AuthleteSpec spec, SpecValidator validator,
                       Validation validation, CallJournal journal, RateLimiter rateLimiter) {
        this(store, clock, routes, spec, validator, validation, journal, rateLimiter, new FaultPlan());
    }

    /** A pipeline whose planned faults are {@code faults} (shared by several mock processes, say). */
    public ApiPipeline(MockStore store, MockClock clock, ApiRoutes routes, AuthleteSpec spec, SpecValidator validator,
                       Validation validation, CallJournal journal, RateLimiter rateLimiter, FaultPlan faults) {
        this(store, clock, routes, spec, validator, validation, journal, rateLimiter, faults, RandomSource.secure());
    }

    /** @param randomness where the values of each call come from (bound to the thread while the call is handled) */
    public ApiPipeline(MockStore store, MockClock clock, ApiRoutes routes, AuthleteSpec spec, SpecValidator validator,
                       Validation validation, CallJournal journal, RateLimiter rateLimiter, FaultPlan faults, RandomSource randomness) {
        this.faults = faults;
        this.store = store;
        this.clock = clock;
        this.routes = routes;
        this.operations = spec.matcher();
        this.requestSchemas = new RequestSchemas(spec);
        this.synthesizer = new ResponseSynthesizer(spec);
        this.validator = validator;
        this.validation = validation;
        this.journal = journal;
        this.rateLimiter = rateLimiter;
        this.randomness = randomness;
    }

    /** Answers one request and records it in the journal. */
    public HttpExchange.Reply handle(HttpExchange exchange) {
        long started = System.nanoTime();
        Instant at = clock.instant();
        Optional<OperationMatcher.Match> resolved = operations.match(exchange.method(), exchange.path());
        CallNotes notes = new CallNotes();
        HttpExchange.Reply reply = randomness.aroundCall(() -> answer(exchange, resolved, notes));
        String operationId = resolved.map(OperationMatcher.Match::operationId).orElse(null);
        long micros = (System.nanoTime() - started) / 1_000;
        if (notes.responseCheck == null) {
            journal.record(recorded(exchange, operationId, reply, at, micros, notes));
        } else {
            // the answer does not depend on the check: the caller is answered while it runs (readers of the journal
            // and of the violations wait for it)
            journal.recordLater(() -> {
                notes.responseCheck.run();
                return recorded(exchange, operationId, reply, at, micros, notes);
            });
        }
        return reply;
    }

    /**
     * Prepares what the first call of a health check needs (its operation's request schemas, its path's validator and
     * the validator's classes) without answering anything: what a freshly started mock is first asked, usually by
     * something waiting for it to come up. Run while the server starts, on another core; a request that comes first
     * waits for a validator being built ({@link SpecValidator}) as it would for one it builds itself.
     */
    public void prepareFirstCall() {
        operations.match("GET", HEALTHCHECK_PATH).ifPresent(operation -> {
            requestSchemas.formKinds(operation.operationId());
            if (validator != null && (validation.requests() || validation.responses())) {
                String template = operation.operation().pathTemplate();
                validator.checkRequest(template, "GET", HEALTHCHECK_PATH, Map.of(), Map.of(), null);
                validator.checkResponse(template, "GET", HEALTHCHECK_PATH, 200, "text/plain", "OK");
            }
        });
    }

    /**
     * What one call leaves for its journal entry besides the reply: what the spec validator found wrong with the
     * request or the response, and the handler's answer fields, read from its tree before it was written (the
     * journal otherwise reads them back from the text).
     */
    private static final class CallNotes {
        final List<String> found = new java.util.ArrayList<>();
        /** The check of the mock's own response when it cannot change the answer (not strict), left for after the answer. */
        Runnable responseCheck;
        /** The text {@link #answer} was read from; a reply with any other body (an error, a strict-mode 500) is read itself. */
        String answerText;
        AnswerFields answer;
        /** The tree {@link #answerText} was written from, handed to the response check instead of the text being parsed again. */
        ObjectNode answerTree;

        AnswerFields answerOf(HttpExchange.Reply reply) {
            return answerText != null && reply.body() == answerText ? answer : AnswerFields.of(reply.body()); // the very same text: identity is meant
        }

        /** The tree the reply's body was written from; null when its body is any other text. */
        ObjectNode treeOf(HttpExchange.Reply reply) {
            return answerText != null && reply.body() == answerText ? answerTree : null;
        }
    }

    /** @param notes collects what the spec validator finds wrong with the request or the response */
    private HttpExchange.Reply answer(HttpExchange exchange, Optional<OperationMatcher.Match> resolved, CallNotes notes) {
        if (resolved.isEmpty() && exchange.path().equals(HEALTHCHECK_PATH) && exchange.method().equals("GET")) {
            // a loaded spec without the health check still leaves the mock checkable
            return new HttpExchange.Reply(200, "text/plain", "OK", Map.of());
        }
        if (resolved.isEmpty()) {
            return error(404, ResultCodes.of(1, 2, 9), apiPath(exchange.path(), false), "No Authlete API has this method and path.");
        }
        OperationMatcher.Match operation = resolved.get();
        String apiPath = apiPath(exchange.path(), operation.pathParameters().containsKey("serviceId"));
        Optional<Fault> fault = faults.next(operation.operationId());
        if (fault.isPresent() && fault.get().replacesAnswer()) {
            return injected(fault.get(), apiPath);
        }
        HttpExchange.Reply reply;
        try {
            reply = process(exchange, operation, apiPath, notes);
        } catch (ApiException e) {
            reply = error(e.status(), e.resultCode(), apiPath, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The mock failed on " + exchange.method() + " " + exchange.path(), e);
            reply = error(500, ResultCodes.SERVER_ERROR, apiPath, "Authlete Server error.");
        }
        if (validation.responses() && validator != null && !validation.strict()) {
            HttpExchange.Reply answered = reply;
            notes.responseCheck = () -> checkedResponse(exchange, operation, apiPath, answered, notes);
        } else {
            reply = checkedResponse(exchange, operation, apiPath, reply, notes);
        }
        return fault.map(f -> f.delay().toMillis()).map(reply::delayed).orElse(reply);
    }

    private RecordedCall recorded(HttpExchange exchange, String operationId, HttpExchange.Reply reply, Instant at, long micros,
                                  CallNotes notes) {
        JsonNode requestBody = null;
        String action = null;
        String resultCode = null;
        if (journal.keepsCalls()) {
            try {
                JsonNode tree = RequestBodies.parse(exchange, operationId == null ? Map.of() : requestSchemas.formKinds(operationId)).tree();
                requestBody = tree.isNull() ? null : tree;
            } catch (RuntimeException unreadable) {
                // recorded without a body: the reply already told the caller why
            }
        }
        if (reply.body() != null && "application/json".equals(reply.contentType()) && reply.body().startsWith("{")) {
            AnswerFields answer = notes.answerOf(reply); // a document the mock returns verbatim may be no JSON
            action = answer.action();
            resultCode = answer.resultCode();
        }
        RecordedCall.Wire wire = journal.keepsCalls()
                ? new RecordedCall.Wire(QueryStrings.of(exchange.query()), exchange.header("content-type"),
                        exchange.header("authorization"), exchange.body(), reply.body(), notes.found)
                : RecordedCall.Wire.NONE;
        return new RecordedCall(at, operationId, exchange.method(), exchange.path(), requestBody,
                reply.connectionReset() ? 0 : reply.status(), action, resultCode, micros, wire);
    }

    /** The answer a planned fault puts in place of the real one. */
    private static HttpExchange.Reply injected(Fault fault, String apiPath) {
        if (fault.connectionReset()) {
            return HttpExchange.Reply.reset().delayed(fault.delay().toMillis());
        }
        HttpExchange.Reply reply = switch (fault.status()) {
            case 429 -> error(429, ResultCodes.RATE_LIMITED, apiPath, "Too many requests.");
            case 503 -> error(503, ResultCodes.SERVER_ERROR, apiPath, "Authlete Server is temporarily unavailable.");
            default -> error(fault.status(), fault.status() >= 500 ? ResultCodes.SERVER_ERROR : ResultCodes.INVALID_REQUEST,
                    apiPath, "An injected fault.");
        };
        if (fault.retryAfter() != null) {
            reply = withRetryAfter(reply, fault.retryAfter());
        }
        return reply.delayed(fault.delay().toMillis());
    }

    /** Authlete's answer to a service over its hourly limit. */
    private static HttpExchange.Reply rateLimited(String apiPath, Duration untilFree) {
        return withRetryAfter(error(429, ResultCodes.RATE_LIMITED, apiPath, "Too many requests."), untilFree);
    }

    /** The reply with {@code Retry-After} in whole seconds, rounded up and at least 1. */
    private static HttpExchange.Reply withRetryAfter(HttpExchange.Reply reply, Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        return new HttpExchange.Reply(reply.status(), reply.contentType(), reply.body(), Map.of("Retry-After", Long.toString(seconds)));
    }

    private HttpExchange.Reply process(HttpExchange exchange, OperationMatcher.Match operation, String apiPath,
                                       CallNotes notes) {
        ApiCredential caller = operation.operation().authenticated() ? authenticate(exchange) : null;
        ServiceState service = null;
        String serviceIdParam = operation.pathParameters().get("serviceId");
        if (serviceIdParam != null) {
            service = parseServiceId(serviceIdParam).flatMap(store::service).orElseThrow(() -> ApiException.notFound(
                    ResultCodes.SERVICE_NOT_FOUND, "The service (API Key = " + serviceIdParam + ") does not exist."));
            if (caller != null && !caller.mayAccess(service.serviceId())) {
                throw ApiException.forbidden(ResultCodes.ACCESS_TOKEN_FORBIDDEN,
                        "The access token is not permitted to access the service (API Key = " + serviceIdParam + ").");
            }
        }
        if (caller != null) {
            // counted once the caller and service are known, as Authlete counts a service's calls; unauthenticated
            // operations (health check, info, echo) are not limited. The 429 passes response validation like
            // every other error status the spec does not list for an operation (see checkedResponse).
            Optional<Duration> wait = rateLimiter.acquire(service == null ? 0 : service.serviceId(), operation.operationId(), clock.instant());
            if (wait.isPresent()) {
                return rateLimited(apiPath, wait.get());
            }
        }
        RequestBodies.Parsed body = RequestBodies.parse(exchange, requestSchemas.formKinds(operation.operationId()));
        if (validation.requests() && validator != null) {
            String checked = body.jsonForValidation() != null ? body.jsonForValidation() : exchange.body();
            Map<String, String> headers = exchange.headers();
            if (body.fromForm()) {
                // the validator's own form reading neither makes a one-value member an array nor reads a 64-bit
                // number: check the members as typed by the spec (what handlers see), as JSON when the API takes JSON
                if (operation.operation().acceptsContentType("application/json")) {
                    headers = new java.util.LinkedHashMap<>(headers);
                    headers.put("content-type", "application/json");
                } else {
                    checked = exchange.body();
                }
            }
            List<String> findings = validator.checkRequest(operation.operation().pathTemplate(), exchange.method(), exchange.path(), exchange.query(), headers, checked);
            if (!findings.isEmpty()) {
                notes.found.addAll(findings);
                throw ApiException.badRequest("The request to " + operation.operationId() + " does not conform to the API: "
                        + String.join("; ", findings));
            }
        }
        requestSchemas.dropUndeclared(operation.operationId(), body.tree());
        Optional<ApiHandler> handler = routes.handler(operation.operationId());
        if (handler.isEmpty()) {
            return synthesised(operation.operationId());
        }
        Instant now = clock.instant();
        ApiCall call = new ApiCall(operation.operationId(), apiPath, store, service, caller, operation.pathParameters(),
                exchange.query(), body.tree(), now);
        return toReply(handler.get().handle(call), notes);
    }

    /** An operation without a handler answers from the spec: an example, or a value made from the schema. */
    private HttpExchange.Reply synthesised(String operationId) {
        ResponseSynthesizer.Synthesised answer = synthesizer.answer(operationId).orElseThrow(() -> new ApiException(501,
                ResultCodes.of(1, 1, 2), "The mock cannot answer " + operationId + ": the spec gives it no success response."));
        return new HttpExchange.Reply(answer.status(), answer.contentType(), answer.body(), Map.of(ResponseSynthesizer.HEADER, "true"));
    }

    private ApiCredential authenticate(HttpExchange exchange) {
        String authorization = exchange.header("authorization");
        if (authorization == null || authorization.isBlank()) {
            throw new ApiException(401, ResultCodes.AUTHORIZATION_HEADER_MISSING, "Authorization header is missing.");
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String token = space < 0 ? "" : authorization.substring(space + 1).trim();
        // the Java SDK sends DPoP-bound API tokens with the DPoP scheme; the proof itself is not checked
        if (!scheme.equalsIgnoreCase("Bearer") && !scheme.equalsIgnoreCase("DPoP") || token.isEmpty()) {
            throw new ApiException(401, ResultCodes.ACCESS_TOKEN_INVALID, "The Authorization header must carry a Bearer token.");
        }
        return store.credential(token).orElseThrow(() ->
                new ApiException(401, ResultCodes.ACCESS_TOKEN_INVALID, "The access token is invalid."));
    }

    private HttpExchange.Reply checkedResponse(HttpExchange exchange, OperationMatcher.Match operation, String apiPath,
                                               HttpExchange.Reply reply, CallNotes notes) {
        if (!validation.responses() || validator == null) {
            return reply;
        }
        List<String> findings = validator.checkResponse(operation.operation().pathTemplate(), exchange.method(), exchange.path(), reply.status(), reply.contentType(), reply.body(),
                        notes.treeOf(reply))
                .stream()
                // a spec that lists no 401 for an operation does not make the mock's 401 wrong
                .filter(f -> reply.status() < 400 || !f.startsWith(SpecValidator.UNDECLARED_STATUS))
                .toList();
        if (findings.isEmpty()) {
            return reply;
        }
        notes.found.addAll(findings);
        SpecViolation violation = new SpecViolation(operation.operationId(), exchange.method(), exchange.path(), reply.status(), findings);
        violations.add(violation);
        LOG.warning("The mock's response violates the spec: " + violation);
        if (!validation.strict()) {
            return reply;
        }
        return error(500, ResultCodes.SPEC_VIOLATION, apiPath, "The mock's response violates the API specification: "
                + String.join("; ", findings));
    }

    private static HttpExchange.Reply toReply(ApiResponse response, CallNotes notes) {
        if (response.body() == null) {
            return new HttpExchange.Reply(response.status(), null, null, Map.of());
        }
        String text = response.body() instanceof ApiResponse.RawText raw ? raw.text() : Json.write(response.body());
        if (response.body() instanceof ObjectNode tree && ApiResponse.JSON.equals(response.contentType())) {
            notes.answerText = text;
            notes.answer = AnswerFields.of(tree);
            notes.answerTree = tree;
        }
        return new HttpExchange.Reply(response.status(), response.contentType(), text, Map.of());
    }

    static HttpExchange.Reply error(int status, String code, String apiPath, String message) {
        String body = Json.write(Json.object()
                .put("resultCode", code)
                .put("resultMessage", ResultCodes.transportMessage(code, apiPath, message)));
        return new HttpExchange.Reply(status, "application/json", body, Map.of());
    }

    /**
     * The path as Authlete's messages name it, for a request refused before its operation is known: the
     * second segment counts as a service ID when it is all digits.
     */
    static String apiPathOf(String rawPath) {
        String[] segments = rawPath.split("/");
        return apiPath(rawPath, segments.length > 2 && !segments[2].isEmpty() && segments[2].chars().allMatch(Character::isDigit));
    }

    /** The path as Authlete's messages name it: without {@code /api} and the service ID. */
    static String apiPath(String path, boolean hasServiceId) {
        String p = path.startsWith("/api/") ? path.substring(4) : path;
        if (hasServiceId) {
            int next = p.indexOf('/', 1);
            p = next < 0 ? p : p.substring(next);
        }
        return p;
    }

    /** A service ID as Authlete writes it: decimal digits, no sign, no leading zero. */
    static Optional<Long> parseServiceId(String value) {
        // checked by hand: String.matches compiled its pattern on every request (3 % of a request's time)
        if (value.isEmpty() || value.length() > 19 || value.charAt(0) == '0') {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Faults planned for the next calls. */
    public FaultPlan faults() {
        return faults;
    }

    /** The emulation of Authlete's hourly rate limits. */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** Responses written so far that violate the spec (in strict mode each was replaced by a 500). */
    public List<SpecViolation> violations() {
        journal.settle(); // the checks of answers already given
        return List.copyOf(violations);
    }

    public void clearViolations() {
        journal.settle();
        violations.clear();
    }
}
