package io.github.authletetestkit.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.MockClock;
import io.github.authletetestkit.mock.RecordedCall;
import io.github.authletetestkit.mock.SpecViolation;
import io.github.authletetestkit.mock.control.AuthleteMockControl;
import io.github.authletetestkit.mock.control.InProcessControl;
import io.github.authletetestkit.mock.coverage.Coverage;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * A running Authlete mock as a test sees it: where it is, its credentials, and what a test does with it —
 * register clients, change service settings, move the clock, check which Authlete calls were made, and
 * make the next calls fail. {@link #control()} offers the same control as a mock in Docker or another process
 * ({@code AuthleteMockContainer.control()}): clock, faults, calls, state, seed and reset through one interface.
 *
 * <p>{@code @AuthleteMockTest} and {@link AuthleteMockExtension} inject it into a constructor, a lifecycle
 * or test method parameter, or a field of this type. Without the extension, {@link #of(AuthleteMockServer)}
 * wraps a server of your own.
 *
 * <pre>{@code
 * @AuthleteMockTest
 * class TokenEndpointTest {
 *     @Test
 *     void codeExpires(AuthleteMock mock) {
 *         RegisteredClient client = mock.createConfidentialClient();
 *         // ... the app gets a code for the client
 *         mock.advanceClock(Duration.ofMinutes(11));
 *         // ... the app's token request now fails with invalid_grant
 *         mock.verify().called("auth_token_api").withAction("BAD_REQUEST").once();
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #reset()} — which the extension runs before every test of a class that shares one mock — goes
 * back to the <em>baseline</em>: the configured service settings and seeded clients, plus the clients and
 * service settings a {@code @BeforeAll} method set up. Tickets, codes, tokens, the clock, planned faults
 * and the journal start empty.
 */
public final class AuthleteMock {

    /** The operation ID that makes {@link #onNext(String)} apply to every operation. */
    public static final String ANY_OPERATION = AuthleteMockControl.ANY_OPERATION;

    /** The redirect URI of clients the helpers create unless told otherwise. */
    public static final String DEFAULT_REDIRECT_URI = "https://client.example.com/callback";

    /** System property with {@link #baseUrl()}, when the extension publishes them; the others follow authlete.properties' names. */
    public static final String PROPERTY_BASE_URL = "authlete.base_url";
    public static final String PROPERTY_API_VERSION = "authlete.api_version";
    public static final String PROPERTY_SERVICE_API_KEY = "authlete.service.api_key";
    public static final String PROPERTY_SERVICE_ACCESS_TOKEN = "authlete.service.access_token";
    public static final String PROPERTY_ORG_ACCESS_TOKEN = "authlete.service_owner.access_token";

    private static final String CLIENT_CREATE = "client_create_api";

    private final AuthleteMockServer server;
    private final MockInternals internals;
    private final SpecNames specNames;
    private final Map<String, RegisteredClient> seeded = new ConcurrentHashMap<>();
    private final Set<RecordedCall> ownCalls = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final AtomicInteger clientNumber = new AtomicInteger();
    private final AuthleteMockControl control;
    private volatile Baseline baseline;
    private volatile Object authleteApi;

    private AuthleteMock(AuthleteMockServer server) {
        this.server = Objects.requireNonNull(server, "server");
        this.internals = MockInternals.of(server);
        if (!server.isRunning()) {
            throw new IllegalStateException("The mock server is not running: start() it first.");
        }
        String spec = server.settings().spec();
        this.specNames = new SpecNames(spec == null ? AuthleteSpec.bundled() : AuthleteSpec.load(spec));
        this.baseline = Baseline.capture(server);
        this.control = new InProcessControl(server, this::reset);
    }

    /** A handle on a running server of your own; {@link #reset()} returns to the state it has now. */
    public static AuthleteMock of(AuthleteMockServer server) {
        return new AuthleteMock(server);
    }

    // ------------------------------------------------------------------ where it is

    /** {@code http://localhost:PORT}: the base URL an Authlete SDK (or the app's configuration) needs. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    /** The default service's ID (Authlete's "API key"): the {@code {serviceId}} of every service-level path. */
    public long serviceId() {
        return server.serviceId();
    }

    /** The default service's access token (Bearer) for every API of the service. */
    public String serviceToken() {
        return server.serviceToken();
    }

    /** The organisation token: valid for every service, and needed to create services. */
    public String orgToken() {
        return server.orgToken();
    }

    /** The issuer of the default service, as it is now. */
    public String issuer() {
        return service().issuer();
    }

    /**
     * The base URL and credentials under the names of the Authlete SDK's {@code authlete.properties},
     * prefixed with {@code authlete.}: {@value #PROPERTY_BASE_URL}, {@value #PROPERTY_API_VERSION},
     * {@value #PROPERTY_SERVICE_API_KEY}, {@value #PROPERTY_SERVICE_ACCESS_TOKEN} and
     * {@value #PROPERTY_ORG_ACCESS_TOKEN}. The extension publishes these as system properties on request.
     */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(PROPERTY_BASE_URL, baseUrl());
        properties.put(PROPERTY_API_VERSION, "V3");
        properties.put(PROPERTY_SERVICE_API_KEY, Long.toString(serviceId()));
        properties.put(PROPERTY_SERVICE_ACCESS_TOKEN, serviceToken());
        properties.put(PROPERTY_ORG_ACCESS_TOKEN, orgToken());
        return Collections.unmodifiableMap(properties);
    }

    /**
     * The mock's control, the same interface a mock in Docker offers ({@code AuthleteMockContainer.control()}):
     *
     * <pre>{@code
     * mock.control().advanceClock(Duration.ofMinutes(11));
     * mock.control().addFault("auth_token_api", Fault.status(503), 1);
     * mock.control().verify("auth_token_api", 1);
     * String saved = mock.control().state();
     * }</pre>
     *
     * Its {@code reset()} is this handle's {@link #reset()} (back to the baseline). Unlike {@link #calls()}, its
     * {@code calls()} include the {@code client/create} calls of this handle's client helpers.
     */
    public AuthleteMockControl control() {
        return control;
    }

    /** The running server underneath, for the extension. */
    AuthleteMockServer server() {
        return server;
    }

    /** What lies behind the server, for this package's helpers. */
    MockInternals internals() {
        return internals;
    }

    // ------------------------------------------------------------------ the SDK

    /**
     * A ready {@code AuthleteApiImplV3} for the default service, authenticated with its service token (the
     * SDK's v3 client sends one token for every call, so service management needs a client of your own with
     * {@link #orgToken()}). Needs {@code com.authlete:authlete-java-common} on the test classpath; the
     * rest of the handle works without it.
     *
     * @throws IllegalStateException when the SDK is not on the classpath
     */
    public com.authlete.common.api.AuthleteApi authleteApi() {
        Object api = authleteApi;
        if (api == null) {
            if (!sdkAvailable(AuthleteMock.class.getClassLoader())) {
                throw new IllegalStateException("authleteApi() needs the Authlete SDK on the test classpath: add the test "
                        + "dependency com.authlete:authlete-java-common (" + SdkSupport.SDK_CLASS + " was not found).");
            }
            api = SdkSupport.api(baseUrl(), serviceId(), serviceToken());
            authleteApi = api;
        }
        return (com.authlete.common.api.AuthleteApi) api;
    }

    /** Whether the Authlete SDK can be loaded; asked without touching {@link SdkSupport}, which links against it. */
    static boolean sdkAvailable(ClassLoader loader) {
        try {
            Class.forName(SdkSupport.SDK_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ the service

    /** The default service's settings as they are now. */
    public ServiceConfig service() {
        return internals.defaultService().config();
    }

    /**
     * Changes settings of the default service, as Authlete's {@code service/update} does: members you name
     * are replaced (an array as a whole), the others keep their value. Values are Java strings, numbers,
     * booleans, lists and maps; names are those of Authlete's {@code Service}:
     *
     * <pre>{@code mock.updateService(Map.of("accessTokenDuration", 60, "pkceRequired", true));}</pre>
     *
     * @throws IllegalArgumentException for a member the spec's {@code Service} does not have, or a read-only one
     */
    public AuthleteMock updateService(Map<String, ?> changes) {
        ObjectNode patch = Json.MAPPER.valueToTree(Objects.requireNonNull(changes, "changes"));
        specNames.checkServiceMembers(patch::fieldNames);
        ServiceState service = internals.defaultService();
        synchronized (service) {
            service.changeConfig(config -> config.merge(patch));
        }
        return this;
    }

    /** {@link #updateService(Map)} with the changes as a JSON object. */
    public AuthleteMock updateService(String json) {
        JsonNode parsed = Json.parse(Objects.requireNonNull(json, "json"));
        if (!parsed.isObject()) {
            throw new IllegalArgumentException("service settings must be a JSON object: " + json);
        }
        return updateService(Json.MAPPER.convertValue(parsed, Map.class));
    }

    // ------------------------------------------------------------------ clients

    /**
     * Registers a client with the default service through the mock's {@code client/create}, as an app's
     * admin code would. The call is not counted by {@link #calls()} and {@link #verify()}; a fault planned
     * for {@link #ANY_OPERATION} does apply to it, so plan such faults after creating clients.
     */
    public RegisteredClient createClient(ClientSpec spec) {
        Objects.requireNonNull(spec, "spec");
        ObjectNode body = spec.toJson("test client " + clientNumber.incrementAndGet());
        MockHttp.Reply reply = MockHttp.postJson(baseUrl() + "/api/" + serviceId() + "/client/create", serviceToken(), body);
        claimOwnCall(body);
        if (reply.status() != 201) {
            throw new IllegalStateException("The mock did not create the client " + spec + ": HTTP " + reply.status() + " "
                    + reply.body() + (reply.status() >= 429 ? " (is a fault planned for it?)" : ""));
        }
        return RegisteredClient.from((ObjectNode) reply.json());
    }

    /** A confidential client for the authorization-code and refresh-token grants, redirect URI {@value #DEFAULT_REDIRECT_URI}. */
    public RegisteredClient createConfidentialClient() {
        return createClient(ClientSpec.confidential());
    }

    /** A public client for the authorization-code and refresh-token grants, redirect URI {@value #DEFAULT_REDIRECT_URI}. */
    public RegisteredClient createPublicClient() {
        return createClient(ClientSpec.publicClient());
    }

    /**
     * A client seeded by {@code @SeedClient} or {@link AuthleteMockExtension.Builder#client}: the same ID and
     * secret in every test that shares the server.
     *
     * @throws IllegalArgumentException when no client was seeded under that name
     */
    public RegisteredClient client(String name) {
        RegisteredClient client = seeded.get(name);
        if (client == null) {
            throw new IllegalArgumentException("No client was seeded under the name '" + name + "'; seeded: " + seeded.keySet());
        }
        return client;
    }

    // ------------------------------------------------------------------ time

    /** The mock's clock: {@code advance}, {@code set}, {@code freeze}. */
    public MockClock clock() {
        return server.clock();
    }

    /** Moves the mock's time forward: tickets, codes and tokens expire as if that time had passed. */
    public AuthleteMock advanceClock(Duration amount) {
        server.clock().advance(Objects.requireNonNull(amount, "amount"));
        return this;
    }

    // ------------------------------------------------------------------ the journal

    /**
     * Which operations, and which {@code action} values of each, the calls to this mock exercised since it started
     * (across the tests sharing it; a {@link #reset()} keeps it). The extension also merges every mock's coverage into
     * {@code target/authlete-mock-coverage.json} and {@code .html} at the end of the test run.
     */
    public Coverage coverage() {
        return server.coverage();
    }

    /** The Authlete calls answered since the test started (or the last {@link #reset()}), oldest first. */
    public List<RecordedCall> calls() {
        List<RecordedCall> calls = new ArrayList<>(internals.journal().calls());
        calls.removeIf(ownCalls::contains);
        return calls;
    }

    /** The calls of one operation, e.g. {@code "auth_token_api"}, oldest first. */
    public List<RecordedCall> calls(String operationId) {
        specNames.check(operationId);
        return calls().stream().filter(c -> operationId.equals(c.operationId())).toList();
    }

    /** Assertions on {@link #calls()}: {@code mock.verify().called("auth_token_api").times(1)}. */
    public JournalVerification verify() {
        return new JournalVerification(this::calls, specNames);
    }

    // ------------------------------------------------------------------ faults

    /** Plans a fault for the next call of the operation ({@link #ANY_OPERATION} for any). */
    public FaultInjection onNext(String operationId) {
        return onNext(operationId, 1);
    }

    /** Plans a fault for the next {@code calls} calls of the operation ({@link #ANY_OPERATION} for any). */
    public FaultInjection onNext(String operationId, int calls) {
        specNames.checkOrAny(operationId);
        return new FaultInjection(this, operationId, calls);
    }

    // ------------------------------------------------------------------ the spec

    /** Responses the mock wrote since the test started that violate the spec (with strict mode, each was a 500). */
    public List<SpecViolation> specViolations() {
        return server.specViolations();
    }

    // ------------------------------------------------------------------ lifecycle

    /** Back to the baseline: seeded clients and settings kept, everything else cleared, the clock on real time. */
    public void reset() {
        server.reset();
        baseline.restore(server);
        ownCalls.clear();
    }

    @Override
    public String toString() {
        return "AuthleteMock[" + (server.isRunning() ? baseUrl() : "stopped") + ", service " + serviceId() + "]";
    }

    // ------------------------------------------------------------------ for the extension

    void seedClient(String name, ClientSpec spec) {
        if (seeded.containsKey(name)) {
            throw new IllegalArgumentException("Two clients are seeded under the name '" + name + "'.");
        }
        seeded.put(name, createClient(spec.name(name)));
    }

    /** What {@link #reset()} returns to from now on: the state as it is now. */
    void captureBaseline() {
        baseline = Baseline.capture(server);
    }

    /** Fails with every response that violated the spec since the last reset. */
    void assertNoSpecViolations() {
        List<SpecViolation> violations = server.specViolations();
        if (!violations.isEmpty()) {
            throw new AssertionFailedError("The mock wrote " + (violations.size() == 1 ? "a response" : violations.size() + " responses")
                    + " that violate the Authlete API spec (strict mode):\n  - "
                    + violations.stream().map(SpecViolation::toString).collect(Collectors.joining("\n  - ")));
        }
    }

    /** The journal entry of a call this handle made, so that calls() leaves it out. */
    private void claimOwnCall(ObjectNode body) {
        List<RecordedCall> recorded = internals.journal().calls();
        for (int i = recorded.size() - 1; i >= 0; i--) {
            RecordedCall call = recorded.get(i);
            if (CLIENT_CREATE.equals(call.operationId()) && body.equals(call.requestBody()) && ownCalls.add(call)) {
                return;
            }
        }
    }
}
