package io.github.authletetestkit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.spec.internal.RateLimits;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a mock is configured: where it listens, its default service and tokens, which spec it loads and
 * how strictly it enforces it. Immutable; built with {@link #builder()}.
 *
 * @param spec a file, URL or {@code classpath:} resource; null for the bundled spec
 * @param strict a response that violates the spec is answered with a 500 that names the violation
 * @param rateLimits answer 429 once a service exceeds an hourly limit of {@code rateLimitTable}
 * @param rateLimitTable calls allowed per hour by category ({@code "service management"}, {@code "client management"},
 *                       {@code "authorization"}, {@code "token"}); Authlete's published ones unless a test needs small ones
 * @param adminToken the bearer token every {@code /__admin} request must carry; null leaves the admin API open
 * @param seedFile a seed document to load at start (see {@code loadSeed}), or null
 * @param seed a seed document given in-process, or null; at most one of {@code seedFile} and {@code seed} is set
 * @param stateFile where the state is saved and, when the file exists at start, loaded from (before any seed)
 * @param stateSaveInterval how often the state is saved to {@code stateFile}
 * @param adminCors the one web origin allowed to call {@code /__admin} from a browser; null allows none
 * @param rootDir WireMock's file root ({@code mappings/}, {@code __files/}); null uses no files at all
 * @param store where the state lives: null in this process's memory, {@code redis://host:port[/db][?deployment=name]}
 *              in Redis, shared with every mock process started with the same URI
 * @param deterministicSeed the seed of deterministic mode (the same calls in the same order give the same identifiers,
 *                          secrets, tokens and keys, on a clock frozen at {@link #DETERMINISTIC_START}); null (the default) is off
 * @param idleTimeout how long a connection may send nothing, mid-request or between requests, before it is closed
 */
public record MockServerSettings(
        int port,
        String bindAddress,
        long serviceId,
        String serviceToken,
        String orgToken,
        String issuer,
        String spec,
        boolean validateRequests,
        boolean validateResponses,
        boolean strict,
        int journalSize,
        MockClock clock,
        boolean rateLimits,
        Map<String, Integer> rateLimitTable,
        String adminToken,
        Path seedFile,
        JsonNode seed,
        Path stateFile,
        Duration stateSaveInterval,
        String adminCors,
        Path rootDir,
        URI store,
        Long deterministicSeed,
        Duration idleTimeout) {

    public static final Duration DEFAULT_STATE_SAVE_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    /** Where a deterministic mock's clock stands, frozen, unless a clock is configured or the seed sets one. */
    public static final java.time.Instant DETERMINISTIC_START = java.time.Instant.parse("2030-01-01T00:00:00Z");

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().port(port).bindAddress(bindAddress).serviceId(serviceId).serviceToken(serviceToken)
                .orgToken(orgToken).issuer(issuer).spec(spec).validateRequests(validateRequests)
                .validateResponses(validateResponses).strict(strict).journalSize(journalSize).clock(clock)
                .rateLimits(rateLimits).rateLimitTable(rateLimitTable).adminToken(adminToken)
                .seedFile(seedFile).seed(seed).stateFile(stateFile).stateSaveInterval(stateSaveInterval)
                .adminCors(adminCors).rootDir(rootDir).store(store).deterministicSeed(deterministicSeed).idleTimeout(idleTimeout);
    }

    /** Builds settings; every option has a default that gives a working mock. */
    public static final class Builder {
        private int port = 0;
        private String bindAddress = "localhost";
        private long serviceId = AuthleteMockServer.DEFAULT_SERVICE_ID;
        private String serviceToken = AuthleteMockServer.DEFAULT_SERVICE_TOKEN;
        private String orgToken = AuthleteMockServer.DEFAULT_ORG_TOKEN;
        private String issuer = AuthleteMockServer.DEFAULT_ISSUER;
        private String spec;
        private boolean validateRequests = true;
        private boolean validateResponses = true;
        private boolean strict;
        private int journalSize = 10_000;
        private MockClock clock;
        private boolean rateLimits;
        private Map<String, Integer> rateLimitTable = RateLimits.authlete().asLabels();
        private String adminToken;
        private Path seedFile;
        private JsonNode seed;
        private Path stateFile;
        private Duration stateSaveInterval = DEFAULT_STATE_SAVE_INTERVAL;
        private String adminCors;
        private Path rootDir;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private URI store;
        private Long deterministicSeed;

        /**
         * Deterministic mode: identifiers, secrets, tickets, codes, tokens, keys and signatures are derived from
         * {@code seed}, and the clock is frozen at {@link #DETERMINISTIC_START} (unless {@link #clock} or the seed
         * sets it), so the same calls in the same order give byte-identical answers. Off by default.
         */
        public Builder deterministic(long seed) {
            this.deterministicSeed = seed;
            return this;
        }

        private Builder deterministicSeed(Long seed) {
            this.deterministicSeed = seed;
            return this;
        }

        /**
         * Keeps the state in Redis ({@code redis://host:port[/db][?deployment=name]}), shared with every mock process
         * given the same URI; null (the default) keeps it in this process.
         */
        public Builder store(URI store) {
            this.store = store;
            return this;
        }

        /** {@link #store(URI)} from its text; blank keeps the state in this process. */
        public Builder store(String store) {
            return store(store == null || store.isBlank() ? null : URI.create(store.strip()));
        }

        /** The one origin (such as {@code http://localhost:3000}) whose pages may call the admin API; none by default. */
        public Builder adminCors(String adminCors) {
            this.adminCors = adminCors == null || adminCors.isBlank() ? null : adminCors.strip();
            return this;
        }

        /** WireMock's file root, for stubs in {@code mappings/} and files in {@code __files/}; none by default. */
        public Builder rootDir(Path rootDir) {
            this.rootDir = rootDir;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 to 65535: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder bindAddress(String bindAddress) {
            this.bindAddress = require(bindAddress, "bindAddress");
            return this;
        }

        public Builder serviceId(long serviceId) {
            if (serviceId <= 0) {
                throw new IllegalArgumentException("serviceId must be positive: " + serviceId);
            }
            this.serviceId = serviceId;
            return this;
        }

        public Builder serviceToken(String serviceToken) {
            this.serviceToken = require(serviceToken, "serviceToken");
            return this;
        }

        public Builder orgToken(String orgToken) {
            this.orgToken = require(orgToken, "orgToken");
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = require(issuer, "issuer");
            return this;
        }

        public Builder spec(String spec) {
            this.spec = spec;
            return this;
        }

        public Builder validateRequests(boolean validateRequests) {
            this.validateRequests = validateRequests;
            return this;
        }

        public Builder validateResponses(boolean validateResponses) {
            this.validateResponses = validateResponses;
            return this;
        }

        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        public Builder journalSize(int journalSize) {
            this.journalSize = journalSize;
            return this;
        }

        public Builder clock(MockClock clock) {
            this.clock = clock;
            return this;
        }

        /** Emulate Authlete's hourly rate limits (off by default). */
        public Builder rateLimits(boolean rateLimits) {
            this.rateLimits = rateLimits;
            return this;
        }

        /**
         * The hourly limits the emulation enforces, by category, e.g. {@code Map.of("service management", 4)}; a
         * category left out is unlimited. Tests set small ones instead of making 10,000 calls.
         *
         * @throws IllegalArgumentException for an unknown category or a limit below 1
         */
        public Builder rateLimitTable(Map<String, Integer> rateLimitTable) {
            this.rateLimitTable = RateLimits.ofLabels(Objects.requireNonNull(rateLimitTable, "rateLimitTable")).asLabels();
            return this;
        }

        /** Require {@code Authorization: Bearer TOKEN} on every {@code /__admin} request; null or blank for none. */
        public Builder adminToken(String adminToken) {
            this.adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken;
            return this;
        }

        /** A seed file to load at start, instead of the default service; null for none. */
        public Builder seed(Path seedFile) {
            this.seedFile = seedFile;
            if (seedFile != null) {
                this.seed = null;
            }
            return this;
        }

        /** A seed document to load at start, instead of the default service; null for none. */
        public Builder seed(JsonNode seed) {
            this.seed = seed == null ? null : seed.deepCopy();
            if (seed != null) {
                this.seedFile = null;
            }
            return this;
        }

        private Builder seedFile(Path seedFile) {
            return seedFile == null ? this : seed(seedFile);
        }

        /** Saves the state there on an interval and at stop; loads it at start when the file exists. */
        public Builder stateFile(Path stateFile) {
            this.stateFile = stateFile;
            return this;
        }

        public Builder stateSaveInterval(Duration stateSaveInterval) {
            this.stateSaveInterval = positive(stateSaveInterval, "stateSaveInterval");
            return this;
        }

        /**
         * How long a connection may stay silent, in the middle of a request or between two, before the mock
         * closes it (a half-sent body is answered 408 first); 30 seconds by default.
         */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = positive(idleTimeout, "idleTimeout");
            return this;
        }

        public MockServerSettings settings() {
            if (serviceToken.equals(orgToken)) {
                throw new IllegalArgumentException("the service token and the organization token must differ");
            }
            return new MockServerSettings(port, bindAddress, serviceId, serviceToken, orgToken, issuer, spec,
                    validateRequests, validateResponses, strict, journalSize, clock, rateLimits, rateLimitTable, adminToken,
                    seedFile, seed, stateFile, stateSaveInterval, adminCors, rootDir, store, deterministicSeed, idleTimeout);
        }

        /** A mock with these settings, not yet started. */
        public AuthleteMockServer build() {
            return AuthleteMockServer.of(settings());
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }

        private static String require(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
