package io.github.authletetestkit.mock.control;

import io.github.authletetestkit.mock.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything a test does to a running mock besides calling its API — move the clock, plan faults, read and verify
 * the calls it answered, export and load its state, reset it — the same whether the mock runs in this JVM
 * ({@code AuthleteMockServer.control()}) or elsewhere ({@link #overHttp}, {@code AuthleteMockContainer.control()},
 * which use the admin API under {@code /__admin/authlete/}).
 *
 * <pre>{@code
 * AuthleteMockControl control = server.control();   // or container.control(), or AuthleteMockControl.overHttp(url, null)
 * control.advanceClock(Duration.ofMinutes(11));      // codes issued before have expired
 * control.addFault("auth_token_api", Fault.status(503), 1);
 * // ... the app under test calls the mock
 * control.verify("auth_token_api", 2);               // AssertionError listing the calls when not exactly twice
 * String saved = control.state();                    // the whole state as a JSON document
 * control.reset();                                   // back to the seed
 * control.seed(saved);                               // and back to the saved state
 * }</pre>
 *
 * Mistakes — an unknown operation, a seed that cannot be loaded — throw {@link IllegalArgumentException} with the
 * admin API's message, in both implementations.
 */
public interface AuthleteMockControl {

    /** At most this many calls, the most recent, are read by {@link #calls()}. */
    int CALLS_READ = 1000;

    /** The operation a fault may name to hit the next call of any operation. */
    String ANY_OPERATION = "*";

    /** A control of the mock at {@code baseUrl} through its admin API; {@code adminToken} null when it is open. */
    static AuthleteMockControl overHttp(String baseUrl, String adminToken) {
        return new HttpControl(baseUrl, adminToken);
    }

    // ------------------------------------------------------------------ clock

    /** Where the mock's clock stands. */
    ClockReading clock();

    /** Moves the mock's time (back with a negative amount): tickets, codes and tokens expire as if that time had passed. */
    ClockReading advanceClock(Duration amount);

    /** Sets the mock's time; it keeps running from there unless frozen. */
    ClockReading setClock(Instant now);

    /** Stops the mock's time where it is, until {@link #unfreezeClock()} or {@link #reset()}. */
    ClockReading freezeClock();

    ClockReading unfreezeClock();

    // ------------------------------------------------------------------ faults

    /**
     * The next {@code calls} calls of {@code operation} (an operationId such as {@code auth_token_api}, or
     * {@code "*"} for any) get {@code fault}: {@code Fault.status(503)}, {@code Fault.latency(...)},
     * {@code Fault.resetConnection()}, {@code Fault.rateLimited(...)}.
     *
     * @throws IllegalArgumentException for an operation the mock's spec does not have, or a fault it cannot plan
     */
    void addFault(String operation, Fault fault, int calls);

    /** The faults still waiting, by operation, each operation's in the order they will be used. */
    List<PlannedFault> faults();

    void clearFaults();

    // ------------------------------------------------------------------ calls

    /** The calls the mock answered since its start or the last {@link #reset()}, oldest first (at most {@value #CALLS_READ}). */
    List<MockCall> calls();

    /** The calls of one operation, oldest first. */
    List<MockCall> calls(String operation);

    /** Forgets the calls answered so far. */
    void clearCalls();

    /**
     * Asserts that {@code operation} was called exactly {@code times} times (0: never) and returns those calls.
     *
     * @throws AssertionError naming the operation, the expected and actual count, and every call recorded
     */
    default List<MockCall> verify(String operation, int times) {
        return CallVerifier.verify(calls(), operation, times);
    }

    // ------------------------------------------------------------------ state

    /**
     * The whole state as one JSON document — services, clients, API tokens, live tickets, codes and tokens, and the
     * clock when it does not run at real time — which {@link #seed(String)} takes back.
     */
    String state();

    /**
     * Replaces the whole state with a seed (services, clients, tokens, clock) or a {@link #state()} document; {@link #reset()}
     * goes back to it from then on. All or nothing: on an error nothing has changed.
     *
     * @throws IllegalArgumentException naming the member at fault
     */
    void seed(String document);

    /** Back to the seed (or the default service): no tickets, codes or tokens but the seed's, clock at real time, no faults, no calls. */
    void reset();
}
