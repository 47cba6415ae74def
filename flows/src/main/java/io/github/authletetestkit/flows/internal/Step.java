package io.github.authletetestkit.flows.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One API call of a flow and what it must answer: the HTTP status and, for runtime APIs, the
 * {@code action}; optionally the OAuth {@code error} inside {@code responseContent} and members the answer
 * must have. Built fluently:
 *
 * <pre>{@code
 * Step.post("authorization request", "auth_authorization_api", "/auth/authorization")
 *     .json(Map.of("parameters", form))
 *     .expect(200, "INTERACTION")
 *     .fields("ticket");
 * }</pre>
 *
 * Paths are relative to {@code /api/{serviceId}} unless built with {@link #atApiRoot()}.
 */
public final class Step {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final String name;
    private final String operationId;
    private final String method;
    private final String path;
    private boolean serviceScoped = true;
    private String body;
    private String contentType;
    private ApiRequest.Auth auth = ApiRequest.Auth.SERVICE;
    private Set<Integer> statuses = Set.of(200);
    private Set<String> actions = Set.of();
    private String contentError;
    private final List<String> fields = new ArrayList<>();

    private Step(String name, String operationId, String method, String path) {
        this.name = Objects.requireNonNull(name, "name");
        this.operationId = Objects.requireNonNull(operationId, "operationId");
        this.method = method;
        this.path = Objects.requireNonNull(path, "path");
    }

    public static Step get(String name, String operationId, String path) {
        return new Step(name, operationId, "GET", path);
    }

    public static Step post(String name, String operationId, String path) {
        return new Step(name, operationId, "POST", path);
    }

    public static Step delete(String name, String operationId, String path) {
        return new Step(name, operationId, "DELETE", path).expect(204);
    }

    /** A JSON body (a Map, a Jackson node or any bean Jackson can write). */
    public Step json(Object value) {
        try {
            this.body = MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the body of step '" + name + "'", e);
        }
        this.contentType = "application/json";
        return this;
    }

    /** The path is from the API root ({@code /api/...}), not under the service. */
    public Step atApiRoot() {
        this.serviceScoped = false;
        return this;
    }

    /** Management calls use the organisation token when one is configured. */
    public Step management() {
        this.auth = ApiRequest.Auth.MANAGEMENT;
        return this;
    }

    /** No {@code Authorization} header. */
    public Step anonymous() {
        this.auth = ApiRequest.Auth.NONE;
        return this;
    }

    /** The HTTP status(es) the step accepts; the first is the one the spec prefers. */
    public Step expect(int status, int... alternatives) {
        LinkedHashSet<Integer> accepted = new LinkedHashSet<>();
        accepted.add(status);
        Arrays.stream(alternatives).forEach(accepted::add);
        this.statuses = accepted;
        return this;
    }

    /** HTTP status and the {@code action} (one of several when more are acceptable). */
    public Step expect(int status, String action, String... alternatives) {
        expect(status);
        LinkedHashSet<String> accepted = new LinkedHashSet<>();
        accepted.add(action);
        accepted.addAll(Arrays.asList(alternatives));
        this.actions = accepted;
        return this;
    }

    /** The OAuth {@code error} the {@code responseContent} JSON must carry. */
    public Step error(String error) {
        this.contentError = error;
        return this;
    }

    /** Members the answer must have (non-null). */
    public Step fields(String... names) {
        fields.addAll(Arrays.asList(names));
        return this;
    }

    public String name() {
        return name;
    }

    public String operationId() {
        return operationId;
    }

    public String method() {
        return method;
    }

    public Set<Integer> statuses() {
        return statuses;
    }

    public Set<String> actions() {
        return actions;
    }

    String contentError() {
        return contentError;
    }

    List<String> fields() {
        return fields;
    }

    String path() {
        return path;
    }

    boolean serviceScoped() {
        return serviceScoped;
    }

    /** {@code HTTP 200, action OK, error invalid_grant}. */
    public String expectation() {
        StringBuilder text = new StringBuilder("HTTP ")
                .append(statuses.stream().map(String::valueOf).collect(Collectors.joining("|")));
        if (!actions.isEmpty()) {
            text.append(", action ").append(String.join("|", actions));
        }
        if (contentError != null) {
            text.append(", error ").append(contentError);
        }
        return text.toString();
    }

    /** The request for a service whose paths start with {@code servicePrefix} ({@code /api/123}). */
    ApiRequest toRequest(String servicePrefix) {
        return new ApiRequest(operationId, method, serviceScoped ? servicePrefix + path : path, contentType, body, auth);
    }

    /** Why the reply does not meet this step's expectation, or {@code null} when it does. */
    String mismatch(Reply reply) {
        if (!statuses.contains(reply.status())) {
            return "expected HTTP " + statuses.stream().map(String::valueOf).collect(Collectors.joining(" or "))
                    + " but got " + reply.status() + describeError(reply);
        }
        if (!actions.isEmpty() && !actions.contains(reply.action())) {
            return "expected action " + String.join(" or ", actions) + " but got " + reply.action() + describeError(reply);
        }
        if (contentError != null && !contentError.equals(reply.contentError())) {
            return "expected error " + contentError + " in responseContent but got " + reply.contentError();
        }
        for (String field : fields) {
            if (reply.text(field) == null) {
                return "the answer lacks '" + field + "'";
            }
        }
        return null;
    }

    private static String describeError(Reply reply) {
        String resultMessage = reply.text("resultMessage");
        String error = reply.contentError();
        if (error != null) {
            return " (error " + error + ")";
        }
        return resultMessage == null ? "" : " (" + resultMessage + ")";
    }

    @Override
    public String toString() {
        return name + ": " + method + " " + path + " → " + expectation();
    }
}
