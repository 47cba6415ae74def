package io.github.authletetestkit.junit;

import io.github.authletetestkit.mock.Fault;
import java.time.Duration;
import java.util.Objects;

/**
 * What goes wrong with the next calls of one operation; from {@link AuthleteMock#onNext(String)} or
 * {@link AuthleteMock#onNext(String, int)}. Each method plans the fault and returns the handle:
 *
 * <pre>{@code
 * mock.onNext("auth_token_api").respond(503);                        // the next token call gets a 503
 * mock.onNext("auth_introspection_api", 3).respond(500);             // the next three get a 500
 * mock.onNext("auth_token_api").delay(Duration.ofSeconds(2));        // answered, two seconds late
 * mock.onNext("auth_token_api").resetConnection();                   // the connection drops
 * mock.onNext("auth_token_api").rateLimit(Duration.ofSeconds(30));   // 429 with Retry-After: 30
 * }</pre>
 *
 * After those calls the mock answers normally again. Faults for one operation are used in the order
 * they were planned; {@link AuthleteMock#reset()} drops the ones not used yet.
 */
public final class FaultInjection {

    private final AuthleteMock mock;
    private final String operationId;
    private final int calls;

    FaultInjection(AuthleteMock mock, String operationId, int calls) {
        if (calls < 1) {
            throw new IllegalArgumentException("the number of calls must be at least 1: " + calls);
        }
        this.mock = mock;
        this.operationId = operationId;
        this.calls = calls;
    }

    /** Answer with this HTTP status (400–599; 500 and 503 are the usual) and an Authlete error body. */
    public AuthleteMock respond(int status) {
        return inject(Fault.status(status));
    }

    /** Answer normally, but only after this delay: for client timeouts. */
    public AuthleteMock delay(Duration delay) {
        return inject(Fault.latency(delay));
    }

    /** Drop the connection without answering. */
    public AuthleteMock resetConnection() {
        return inject(Fault.resetConnection());
    }

    /** Answer 429 Too Many Requests with {@code Retry-After} (whole seconds). */
    public AuthleteMock rateLimit(Duration retryAfter) {
        return inject(Fault.rateLimited(Objects.requireNonNull(retryAfter, "retryAfter")));
    }

    /** Any fault, e.g. {@code Fault.status(503).after(Duration.ofMillis(500))}. */
    public AuthleteMock inject(Fault fault) {
        mock.internals().faults().add(operationId, Objects.requireNonNull(fault, "fault"), calls);
        return mock;
    }
}
