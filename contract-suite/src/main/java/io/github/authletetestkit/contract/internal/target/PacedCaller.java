package io.github.authletetestkit.contract.internal.target;

import io.github.authletetestkit.flows.internal.ApiCaller;
import io.github.authletetestkit.flows.internal.ApiRequest;
import io.github.authletetestkit.flows.internal.ApiResponse;
import io.github.authletetestkit.flows.internal.Exchange;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Calls the target: picks the credential, paces under the hourly limits, retries a 429 with back-off.
 * Thread-safe; cleanup from a shutdown hook uses the same caller as the flows.
 */
public final class PacedCaller implements ApiCaller {

    private final Transport transport;
    private final Credentials credentials;
    private final Pacer pacer;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Object gate = new Object();
    private int inFlight;
    private Thread onlyCaller;

    public PacedCaller(Transport transport, Credentials credentials, Pacer pacer, RetryPolicy retry, Sleeper sleeper) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public String serviceId() {
        return credentials.serviceId();
    }

    /**
     * From now on only {@code thread} may call (an interrupted run's cleanup): a call from any other thread fails with
     * {@link InterruptedException}, so a flow can create nothing the cleanup does not see.
     */
    public void closeExceptFor(Thread thread) {
        synchronized (gate) {
            onlyCaller = thread;
        }
    }

    /**
     * Waits until no call that may create something (any method but GET and DELETE) is under way, at most {@code max};
     * true when none is. A read or a deletion in flight cannot leave anything behind, so it is not waited for.
     */
    public boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (gate) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                gate.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    @Override
    public Exchange call(ApiRequest request) throws IOException, InterruptedException {
        boolean mayCreate = !request.method().equals("GET") && !request.method().equals("DELETE");
        synchronized (gate) {
            if (onlyCaller != null && onlyCaller != Thread.currentThread()) {
                throw new InterruptedException("the run was interrupted");
            }
            inFlight += mayCreate ? 1 : 0;
        }
        try {
            return send(request);
        } finally {
            if (mayCreate) {
                synchronized (gate) {
                    inFlight--;
                    gate.notifyAll();
                }
            }
        }
    }

    private Exchange send(ApiRequest request) throws IOException, InterruptedException {
        String token = switch (request.auth()) {
            case SERVICE -> credentials.serviceToken();
            case MANAGEMENT -> credentials.managementToken();
            case NONE -> null;
        };
        Duration waited = Duration.ZERO;
        int retries = 0;
        while (true) {
            waited = waited.plus(pacer.acquire(request.operationId()));
            long started = System.nanoTime();
            ApiResponse response = transport.send(request, token);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (response.status() != 429 || retries >= retry.maxRetries()) {
                return new Exchange(request, response, elapsed, retries, waited);
            }
            retries++;
            Duration backoff = retry.backoff(retries, response.header("retry-after"));
            sleeper.sleep(backoff);
            waited = waited.plus(backoff);
        }
    }
}
