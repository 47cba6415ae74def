package io.github.authletetestkit.junit;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.CallLog;
import io.github.authletetestkit.mock.control.AuthleteMockControl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The Authlete mock in Docker, for tests that want it out of process or apps that are themselves
 * containers. Configured like the in-process mock; the image reads its configuration from environment
 * variables only (those of the mock's command line):
 *
 * <pre>{@code
 * @Container
 * static AuthleteMockContainer authlete = new AuthleteMockContainer().withIssuer("https://login.example.com");
 *
 * // authlete.baseUrl(), authlete.serviceId(), authlete.serviceToken(); authlete.control() moves its clock, plans faults...
 * }</pre>
 *
 * The default image is {@code authlete-testkit/mock-server:<this library's version>}; the system
 * property {@value #IMAGE_PROPERTY} or a constructor argument names another. Needs Testcontainers
 * ({@code org.testcontainers:testcontainers}) on the classpath, and no JUnit.
 */
public class AuthleteMockContainer extends GenericContainer<AuthleteMockContainer> {

    /** The port the mock listens on inside the container. */
    public static final int PORT = 8080;
    /** Answers {@code 200 OK} without a token once the mock is up. */
    public static final String HEALTHCHECK_PATH = "/api/lifecycle/healthcheck";
    /** Where {@link #withSpecFile(Path)} puts the spec inside the container. */
    public static final String SPEC_PATH_IN_CONTAINER = "/opt/authlete-mock/spec.yaml";
    /** Where {@link #withSeedFile(Path)} puts the seed inside the container. */
    public static final String SEED_PATH_IN_CONTAINER = "/opt/authlete-mock/seed.json";
    /** System property naming another default image, e.g. one built in CI. */
    public static final String IMAGE_PROPERTY = "authlete.testkit.image";
    public static final String IMAGE_REPOSITORY = "authlete-testkit/mock-server";

    private final DockerImageName image;
    private long serviceId = AuthleteMockServer.DEFAULT_SERVICE_ID;
    private String serviceToken = AuthleteMockServer.DEFAULT_SERVICE_TOKEN;
    private String orgToken = AuthleteMockServer.DEFAULT_ORG_TOKEN;
    private String issuer = AuthleteMockServer.DEFAULT_ISSUER;
    private String adminToken;

    /** The default image: {@link #defaultImage()}. */
    public AuthleteMockContainer() {
        this(defaultImage());
    }

    public AuthleteMockContainer(String image) {
        this(DockerImageName.parse(image));
    }

    public AuthleteMockContainer(DockerImageName image) {
        super(Objects.requireNonNull(image, "image"));
        this.image = image;
        withExposedPorts(PORT);
        withEnv("AUTHLETE_MOCK_PORT", Integer.toString(PORT));
        withEnv("AUTHLETE_MOCK_BIND", "0.0.0.0");
        withEnv("AUTHLETE_MOCK_SERVICE_ID", Long.toString(serviceId));
        withEnv("AUTHLETE_MOCK_SERVICE_TOKEN", serviceToken);
        withEnv("AUTHLETE_MOCK_ORG_TOKEN", orgToken);
        withEnv("AUTHLETE_MOCK_ISSUER", issuer);
        withEnv("AUTHLETE_MOCK_STRICT", "true");
        withEnv("AUTHLETE_MOCK_NO_VALIDATION", "false");
        waitingFor(Wait.forHttp(HEALTHCHECK_PATH).forPort(PORT).forStatusCode(200)
                .forResponsePredicate(body -> body.strip().equals("OK"))
                .withStartupTimeout(Duration.ofSeconds(60)));
    }

    /** {@code authlete-testkit/mock-server:<version>}, or the image named by {@value #IMAGE_PROPERTY}. */
    public static DockerImageName defaultImage() {
        String override = System.getProperty(IMAGE_PROPERTY);
        return DockerImageName.parse(override != null && !override.isBlank() ? override : IMAGE_REPOSITORY + ":" + version());
    }

    /** This library's version, the tag of its image. */
    static String version() {
        try (InputStream in = AuthleteMockContainer.class.getResourceAsStream("testkit.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version");
            return version == null || version.startsWith("${") ? "latest" : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ configuration

    public AuthleteMockContainer withServiceId(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("serviceId must be positive: " + id);
        }
        this.serviceId = id;
        return withEnv("AUTHLETE_MOCK_SERVICE_ID", Long.toString(id));
    }

    public AuthleteMockContainer withServiceToken(String token) {
        this.serviceToken = requireText(token, "serviceToken");
        return withEnv("AUTHLETE_MOCK_SERVICE_TOKEN", token);
    }

    public AuthleteMockContainer withOrgToken(String token) {
        this.orgToken = requireText(token, "orgToken");
        return withEnv("AUTHLETE_MOCK_ORG_TOKEN", token);
    }

    public AuthleteMockContainer withIssuer(String issuerUrl) {
        this.issuer = requireText(issuerUrl, "issuer");
        return withEnv("AUTHLETE_MOCK_ISSUER", issuerUrl);
    }

    /** The one web origin whose pages may call the admin API ({@code --admin-cors}); none by default. */
    public AuthleteMockContainer withAdminCors(String origin) {
        return withEnv("AUTHLETE_MOCK_ADMIN_CORS", requireText(origin, "admin CORS origin"));
    }

    /** WireMock's file root inside the container ({@code --root-dir}): its stubs and files; none by default. */
    public AuthleteMockContainer withRootDir(String pathInContainer) {
        return withEnv("AUTHLETE_MOCK_ROOT_DIR", requireText(pathInContainer, "root directory"));
    }

    /**
     * Keeps the mock's state in Redis ({@code --store}): {@code redis://host:port[/db][?deployment=name]}, as the
     * container reaches it (a Redis container on the same network, say). Containers given the same URI act as one
     * Authlete service behind a load balancer.
     */
    public AuthleteMockContainer withStore(String redisUri) {
        return withEnv("AUTHLETE_MOCK_STORE", requireText(redisUri, "store"));
    }

    /**
     * Deterministic mode ({@code --deterministic}): the same calls in the same order give the same IDs, secrets,
     * tokens and keys, on a frozen clock; for snapshot tests.
     */
    public AuthleteMockContainer withDeterministic(long seed) {
        return withEnv("AUTHLETE_MOCK_DETERMINISTIC", Long.toString(seed));
    }

    /** The OpenAPI document to route and validate by: a path inside the container, or an http(s) URL it can reach. */
    public AuthleteMockContainer withSpec(String pathOrUrlInContainer) {
        return withEnv("AUTHLETE_MOCK_SPEC", requireText(pathOrUrlInContainer, "spec"));
    }

    /** Copies a spec file of the host into the container and uses it. */
    public AuthleteMockContainer withSpecFile(Path hostFile) {
        withCopyFileToContainer(MountableFile.forHostPath(Objects.requireNonNull(hostFile, "hostFile")), SPEC_PATH_IN_CONTAINER);
        return withSpec(SPEC_PATH_IN_CONTAINER);
    }

    /**
     * A seed (JSON: services, clients, tokens) the mock loads at start, by its path inside the container. A seed
     * that defines services replaces the default one: {@link #serviceId()} and {@link #serviceToken()} then name
     * a service that does not exist; use the seed's own IDs and tokens.
     */
    public AuthleteMockContainer withSeed(String pathInContainer) {
        return withEnv("AUTHLETE_MOCK_SEED", requireText(pathInContainer, "seed"));
    }

    /** Copies a seed file of the host into the container and loads it at start; see {@link #withSeed(String)}. */
    public AuthleteMockContainer withSeedFile(Path hostFile) {
        withCopyFileToContainer(MountableFile.forHostPath(Objects.requireNonNull(hostFile, "hostFile")), SEED_PATH_IN_CONTAINER);
        return withSeed(SEED_PATH_IN_CONTAINER);
    }

    /**
     * Saves the mock's state to this path inside the container (on an interval and at stop) and loads it at start
     * when it exists. The image runs as user 10001: give a directory it may write, such as a mounted volume.
     */
    public AuthleteMockContainer withStateFile(String pathInContainer) {
        return withEnv("AUTHLETE_MOCK_STATE_FILE", requireText(pathInContainer, "stateFile"));
    }

    /** How often the state file is written (default 30 seconds). */
    public AuthleteMockContainer withStateSaveInterval(Duration interval) {
        return withEnv("AUTHLETE_MOCK_STATE_SAVE_INTERVAL", positive(interval, "state save interval").toString());
    }

    /** How long a connection may send nothing before the mock closes it ({@code --idle-timeout}); 30 seconds by default. */
    public AuthleteMockContainer withIdleTimeout(Duration timeout) {
        return withEnv("AUTHLETE_MOCK_IDLE_TIMEOUT", positive(timeout, "idle timeout").toString());
    }

    private static Duration positive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the " + what + " must be positive: " + duration);
        }
        return duration;
    }

    /** On by default (as in the JUnit extension): a response that violates the spec is answered with a 500. */
    public AuthleteMockContainer withStrict(boolean strict) {
        return withEnv("AUTHLETE_MOCK_STRICT", Boolean.toString(strict));
    }

    /** On by default: check requests and responses against the spec. */
    public AuthleteMockContainer withValidation(boolean validation) {
        return withEnv("AUTHLETE_MOCK_NO_VALIDATION", Boolean.toString(!validation));
    }

    /** Off by default: answer 429 with {@code Retry-After} once a service exceeds Authlete's hourly limits (counted on the mock's clock). */
    public AuthleteMockContainer withRateLimits(boolean rateLimits) {
        return withEnv("AUTHLETE_MOCK_RATE_LIMITS", Boolean.toString(rateLimits));
    }

    /** Require {@code Authorization: Bearer TOKEN} on every {@code /__admin} request (the admin API is open without one). */
    public AuthleteMockContainer withAdminToken(String token) {
        this.adminToken = requireText(token, "adminToken");
        return withEnv("AUTHLETE_MOCK_ADMIN_TOKEN", token);
    }

    /** How the mock logs each call on standard output ({@code getLogs()}): {@code TEXT} (the image's default), {@code JSON} or {@code NONE}. */
    public AuthleteMockContainer withLogFormat(String format) {
        String name = requireText(format, "format").toUpperCase(java.util.Locale.ROOT);
        CallLog.valueOf(name); // fails on a format the mock does not know
        return withEnv("AUTHLETE_MOCK_LOG_FORMAT", name);
    }

    // ------------------------------------------------------------------ what tests need

    /** The image this container runs (without asking Docker, unlike {@link #getDockerImageName()}). */
    public DockerImageName image() {
        return image;
    }

    /** {@code http://HOST:MAPPED_PORT}, once started. */
    public String baseUrl() {
        return "http://" + getHost() + ":" + getMappedPort(PORT);
    }

    public long serviceId() {
        return serviceId;
    }

    public String serviceToken() {
        return serviceToken;
    }

    public String orgToken() {
        return orgToken;
    }

    public String issuer() {
        return issuer;
    }

    /** The token the admin API demands; null when it is open. */
    public String adminToken() {
        return adminToken;
    }

    /**
     * Clock, faults, calls, state, seed and reset of the mock in the container, through its admin API (with
     * {@link #adminToken()} when one is set): the same interface as {@link AuthleteMock#control()}. Once started.
     *
     * <pre>{@code
     * authlete.control().advanceClock(Duration.ofMinutes(11));
     * authlete.control().verify("auth_token_api", 1);
     * }</pre>
     */
    public AuthleteMockControl control() {
        return AuthleteMockControl.overHttp(baseUrl(), adminToken);
    }

    /** The base URL and credentials under the names of {@link AuthleteMock#properties()}, once started. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(AuthleteMock.PROPERTY_BASE_URL, baseUrl());
        properties.put(AuthleteMock.PROPERTY_API_VERSION, "V3");
        properties.put(AuthleteMock.PROPERTY_SERVICE_API_KEY, Long.toString(serviceId));
        properties.put(AuthleteMock.PROPERTY_SERVICE_ACCESS_TOKEN, serviceToken);
        properties.put(AuthleteMock.PROPERTY_ORG_ACCESS_TOKEN, orgToken);
        return properties;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
