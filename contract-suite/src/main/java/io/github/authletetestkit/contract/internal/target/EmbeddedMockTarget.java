package io.github.authletetestkit.contract.internal.target;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.spec.internal.RateLimits;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Authlete mock in this JVM, on a free port, validating requests but not strict (the contract suite
 * reports response findings itself instead of having the mock turn them into 500s).
 */
public final class EmbeddedMockTarget implements Target {

    /**
     * The mock logs a warning for each of its responses that violates its own spec; the contract suite reports
     * those as findings (or, for 501s of operations the mock lacks, as skipped flows), so the log is noise here.
     * Held strongly: java.util.logging forgets the level of a logger nobody references.
     */
    private static final Logger MOCK_PIPELINE_LOG = Logger.getLogger("io.github.authletetestkit.mock.internal.http.ApiPipeline");

    private final AuthleteMockServer mock;
    private final Credentials credentials;

    private EmbeddedMockTarget(AuthleteMockServer mock) {
        this.mock = mock;
        this.credentials = new Credentials(Long.toString(mock.serviceId()), mock.serviceToken(), mock.orgToken());
    }

    /** Starts a fresh mock with its defaults. */
    public static EmbeddedMockTarget start() {
        MOCK_PIPELINE_LOG.setLevel(Level.SEVERE);
        return new EmbeddedMockTarget(AuthleteMockServer.builder().build().start());
    }

    public AuthleteMockServer server() {
        return mock;
    }

    @Override
    public String name() {
        return "mock";
    }

    @Override
    public String baseUrl() {
        return mock.baseUrl();
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public RateLimits limits() {
        return RateLimits.unlimited();
    }

    @Override
    public void elapse(Duration duration) {
        mock.clock().advance(duration);
    }

    @Override
    public void close() {
        mock.stop();
    }

    @Override
    public String toString() {
        return "embedded mock at " + mock.baseUrl();
    }
}
