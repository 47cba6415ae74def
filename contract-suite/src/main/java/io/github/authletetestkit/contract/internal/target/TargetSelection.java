package io.github.authletetestkit.contract.internal.target;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * What the user asked to run against: the embedded mock, a base URL or a region. Parsed from the command
 * line ({@code --target}, {@code --region}) or the JUnit entry's {@code contract.target} (which accepts a
 * region name too). Opening a live target reads its credentials from the environment.
 */
public record TargetSelection(Kind kind, String value) {

    public enum Kind { MOCK, URL, REGION }

    public static final String MOCK = "mock";

    public static TargetSelection mock() {
        return new TargetSelection(Kind.MOCK, MOCK);
    }

    /** {@code mock}, an {@code http(s)} URL, or (lenient form for system properties) a region name. */
    public static TargetSelection parse(String target, String region) {
        if (region != null && !region.isBlank()) {
            if (target != null && !target.isBlank() && !target.equalsIgnoreCase(MOCK)) {
                throw new IllegalArgumentException("give either --target or --region, not both");
            }
            return new TargetSelection(Kind.REGION, Region.parse(region).id());
        }
        if (target == null || target.isBlank() || target.trim().equalsIgnoreCase(MOCK)) {
            return mock();
        }
        String value = target.trim();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URI uri = URI.create(value);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("not a usable base URL: " + value);
            }
            if (uri.getUserInfo() != null || uri.getQuery() != null) {
                throw new IllegalArgumentException("the base URL must not carry user info or a query (credentials come from the environment)");
            }
            return new TargetSelection(Kind.URL, value);
        }
        try {
            return new TargetSelection(Kind.REGION, Region.parse(value).id());
        } catch (IllegalArgumentException notRegion) {
            throw new IllegalArgumentException("unknown target '" + value + "': use mock, an http(s) base URL, or a region (us, jp, eu, br)");
        }
    }

    public boolean live() {
        return kind != Kind.MOCK;
    }

    /**
     * Opens the target. For a live one the credentials come from {@code env}.
     *
     * @throws MissingCredentialsException when a live target lacks them
     */
    public Target open(Map<String, String> env) {
        return switch (kind) {
            case MOCK -> EmbeddedMockTarget.start();
            case URL -> RemoteTarget.url(value, usesMockDefaults(env) ? Credentials.mockDefaults() : Credentials.fromEnvironment(env));
            case REGION -> RemoteTarget.region(Region.parse(value), Credentials.fromEnvironment(env));
        };
    }

    /**
     * A URL on this machine (localhost, a loopback address) with no credentials in the environment is taken for a mock
     * started with its defaults, and gets the mock's default credentials.
     */
    public boolean usesMockDefaults(Map<String, String> env) {
        if (kind != Kind.URL || !Credentials.absentFrom(env)) {
            return false;
        }
        String host = URI.create(value).getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    /** Where the target listens: its base URL (the region's for a region); null for the embedded mock. */
    public String baseUrl() {
        return switch (kind) {
            case MOCK -> null;
            case URL -> value;
            case REGION -> Region.parse(value).baseUrl();
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MOCK -> "the embedded mock";
            case URL -> value;
            case REGION -> "region " + value + " (" + Region.parse(value).baseUrl() + ")";
        };
    }
}
