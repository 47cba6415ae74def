package io.github.authletetestkit.contract.target;

import io.github.authletetestkit.flows.ApiCaller;
import io.github.authletetestkit.flows.ApiRequest;
import io.github.authletetestkit.flows.ApiResponse;
import io.github.authletetestkit.flows.Exchange;
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

    @Override
    public Exchange call(ApiRequest request) throws IOException, InterruptedException {
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
