package io.github.authletetestkit.contract.internal.target;

import io.github.authletetestkit.spec.internal.RateLimits;
import java.time.Duration;
import java.util.Objects;

/** A base URL reached over the network: an Authlete region, or any server speaking the API. */
public final class RemoteTarget implements Target {

    private final String name;
    private final String baseUrl;
    private final Credentials credentials;
    private final RateLimits limits;
    private final Sleeper sleeper;

    public RemoteTarget(String name, String baseUrl, Credentials credentials, RateLimits limits, Sleeper sleeper) {
        this.name = Objects.requireNonNull(name, "name");
        this.baseUrl = stripSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public static RemoteTarget region(Region region, Credentials credentials) {
        return new RemoteTarget(region.id(), region.baseUrl(), credentials, RateLimits.authlete(), Sleeper.REAL);
    }

    public static RemoteTarget url(String baseUrl, Credentials credentials) {
        return new RemoteTarget(stripSlash(baseUrl), baseUrl, credentials, RateLimits.authlete(), Sleeper.REAL);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public RateLimits limits() {
        return limits;
    }

    @Override
    public void elapse(Duration duration) throws InterruptedException {
        sleeper.sleep(duration);
    }

    @Override
    public void close() {
        // nothing to release
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return name.equals(baseUrl) ? baseUrl : name + " (" + baseUrl + ")";
    }
}
