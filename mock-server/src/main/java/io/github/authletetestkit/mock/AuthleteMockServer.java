package io.github.authletetestkit.mock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.common.SingleRootFileSource;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.authletetestkit.mock.SpecViolation;
import io.github.authletetestkit.mock.control.AuthleteMockControl;
import io.github.authletetestkit.mock.control.InProcessControl;
import io.github.authletetestkit.mock.coverage.Coverage;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.admin.AdminApi;
import io.github.authletetestkit.mock.internal.admin.AdminBrowserGuard;
import io.github.authletetestkit.mock.internal.admin.AdminRoutes;
import io.github.authletetestkit.mock.internal.admin.AdminToken;
import io.github.authletetestkit.mock.internal.api.ApiRoutes;
import io.github.authletetestkit.mock.internal.faults.FaultPlan;
import io.github.authletetestkit.mock.internal.http.ApiDispatcher;
import io.github.authletetestkit.mock.internal.http.ApiPipeline;
import io.github.authletetestkit.mock.internal.http.ApiRouteKeeper;
import io.github.authletetestkit.mock.internal.http.DeferredMappings;
import io.github.authletetestkit.mock.internal.http.DeferredProxyClients;
import io.github.authletetestkit.mock.internal.http.JsonErrorsHttpServer;
import io.github.authletetestkit.mock.internal.http.MockStores;
import io.github.authletetestkit.mock.internal.http.NoFiles;
import io.github.authletetestkit.mock.internal.http.SpecValidator;
import io.github.authletetestkit.mock.internal.http.StubsOverApi;
import io.github.authletetestkit.mock.internal.http.VirtualThreadPool;
import io.github.authletetestkit.mock.internal.journal.CallJournal;
import io.github.authletetestkit.mock.internal.model.ServiceDefaults;
import io.github.authletetestkit.mock.internal.oauth.RandomSource;
import io.github.authletetestkit.mock.internal.persistence.StateFile;
import io.github.authletetestkit.mock.internal.persistence.StateSaver;
import io.github.authletetestkit.mock.internal.ratelimit.RateLimiter;
import io.github.authletetestkit.mock.internal.state.ClockSetting;
import io.github.authletetestkit.mock.internal.state.Seed;
import io.github.authletetestkit.mock.internal.state.SeedException;
import io.github.authletetestkit.mock.internal.state.SeedReader;
import io.github.authletetestkit.mock.internal.state.StateExport;
import io.github.authletetestkit.mock.internal.store.ApiCredential;
import io.github.authletetestkit.mock.internal.store.MockStore;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.redis.RedisClockSetting;
import io.github.authletetestkit.mock.internal.store.redis.RedisConnection;
import io.github.authletetestkit.mock.internal.store.redis.RedisFaultQueues;
import io.github.authletetestkit.mock.internal.store.redis.RedisMockStore;
import io.github.authletetestkit.mock.internal.store.redis.RedisRateWindows;
import io.github.authletetestkit.mock.model.ServiceConfig;
import io.github.authletetestkit.spec.internal.ActionCatalog;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import io.github.authletetestkit.spec.internal.RateLimits;
import io.github.authletetestkit.spec.internal.SpecOperation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A running mock of the Authlete API v3: a WireMock server whose every {@code /api/...} request goes
 * through the stateful engine. Starts with one service that supports every flow the mock implements.
 *
 * <pre>{@code
 * try (AuthleteMockServer mock = AuthleteMockServer.builder().build().start()) {
 *     String url = mock.baseUrl();             // http://localhost:PORT
 *     long serviceId = mock.serviceId();       // the path's {serviceId}
 *     String token = mock.serviceToken();      // Authorization: Bearer ...
 * }
 * }</pre>
 */
public final class AuthleteMockServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AuthleteMockServer.class.getName());

    public static final long DEFAULT_SERVICE_ID = 7135203410987L;
    public static final String DEFAULT_SERVICE_TOKEN = "mock-service-token";
    public static final String DEFAULT_ORG_TOKEN = "mock-org-token";
    public static final String DEFAULT_ISSUER = "https://as.example.com";

    private final MockServerSettings settings;
    private final MockStore store;
    private final MockClock clock;
    /** How many requests WireMock's own journal ({@code /__admin/requests}) keeps. */
    public static final int WIREMOCK_REQUESTS_KEPT = 20;

    private final CallJournal journal;
    private final RandomSource randomness;
    private final AuthleteSpec spec;
    private volatile Map<String, List<String>> actionCatalog;
    private final ApiPipeline pipeline;
    private final WireMockServer wireMock;
    private final StateSaver saver;
    private final Set<String> operationIds;
    private final AuthleteMockControl control;
    /** The seed {@link #reset()} goes back to; null for the default service. */
    private volatile JsonNode seed;
    private ScheduledExecutorService sweeper;
    private final MockInternals internals;

    static {
        MockInternals.grantAccess(server -> server.internals);
    }

    private AuthleteMockServer(MockServerSettings settings) {
        this.settings = settings;
        this.randomness = settings.deterministicSeed() == null ? RandomSource.secure() : RandomSource.deterministic(settings.deterministicSeed());
        Backend backend = Backend.of(settings);
        this.store = backend.store();
        this.clock = backend.clock();
        this.journal = new CallJournal(settings.journalSize());
        this.spec = settings.spec() == null ? AuthleteSpec.bundled() : AuthleteSpec.load(settings.spec());
        boolean validating = settings.validateRequests() || settings.validateResponses();
        this.pipeline = new ApiPipeline(store, clock, new ApiRoutes(), spec,
                validating ? new SpecValidator(spec) : null,
                new ApiPipeline.Validation(settings.validateRequests(), settings.validateResponses(), settings.strict()), journal,
                backend.rateLimiter(settings), backend.faults(), randomness);
        this.operationIds = spec.operations().stream().map(SpecOperation::operationId).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        this.internals = new MockInternals(store, journal, pipeline, settings.serviceId());
        this.control = new InProcessControl(this);
        FileSource files = settings.rootDir() == null ? new NoFiles() : new SingleRootFileSource(settings.rootDir().toFile());
        WireMockConfiguration config = wireMockConfig().fileSource(files).withStores(new MockStores(files, WIREMOCK_REQUESTS_KEPT))
                // neither the stub files' reader nor the proxy stubs' HTTP clients are made before they are needed
                .mappingSource(DeferredMappings.under(files)).httpClientFactory(new DeferredProxyClients());
        if (settings.adminToken() != null) {
            config.adminAuthenticator(new AdminToken(settings.adminToken()));
        }
        this.wireMock = new WireMockServer(config
                .port(settings.port())
                .bindAddress(settings.bindAddress())
                .extensions(new ApiDispatcher(pipeline), new AdminApi(AdminRoutes.of(this, operationIds)),
                        new AdminBrowserGuard(settings.bindAddress(), settings.adminCors(), settings.adminToken() != null),
                        new ApiRouteKeeper(this::addApiRoute), new StubsOverApi())
                .httpServerFactory(JsonErrorsHttpServer.factory())
                .threadPoolFactory(new VirtualThreadPool())
                .jettyIdleTimeout(settings.idleTimeout().toMillis())
                // the mock keeps its own journal of Authlete calls (/__admin/authlete/calls); WireMock's own,
                // for /__admin/requests, keeps only the last few so that it never grows
                .maxRequestJournalEntries(WIREMOCK_REQUESTS_KEPT)
                // WireMock otherwise renders every request, matched definition and response as text for its
                // notifier, which (not verbose) throws the text away: a tenth of a request's CPU in a profile
                .stubRequestLoggingDisabled(true));
        this.seed = settings.seed() != null ? settings.seed()
                : settings.seedFile() != null ? new StateFile(settings.seedFile()).read() : null;
        StateFile stateFile = settings.stateFile() == null ? null : new StateFile(settings.stateFile());
        if (stateFile != null) {
            stateFile.prepare();
        }
        this.saver = stateFile == null ? null : new StateSaver(this::state, stateFile, settings.stateSaveInterval());
        // a saved state is the newer one: the seed only comes in when there is none yet
        if (!store.claimInitialisation()) {
            // a shared store another mock process initialised: join it as it is
            return;
        }
        if (stateFile != null && stateFile.exists()) {
            install(read(stateFile.read(), stateFile.path().toString()));
        } else {
            install(read(seed, settings.seedFile() == null ? null : settings.seedFile().toString()));
        }
    }

    public static MockServerSettings.Builder builder() {
        return MockServerSettings.builder();
    }

    /** A mock with every default: any free port, the bundled spec, validation on. */
    public static AuthleteMockServer create() {
        return builder().build();
    }

    /** Where the state, the clock's setting and the rate-limit windows live: this process, or a shared Redis. */
    private record Backend(MockStore store, MockClock clock, RateLimiter.Windows rateWindows, FaultPlan faults) {

        static Backend of(MockServerSettings settings) {
            if (settings.store() == null) {
                return new Backend(MockStore.inMemory(), settings.clock() != null ? settings.clock() : new MockClock(), null, new FaultPlan());
            }
            RedisConnection redis = RedisConnection.open(settings.store());
            MockClock clock = settings.clock() != null ? settings.clock() : new MockClock(Clock.systemUTC(), new RedisClockSetting(redis));
            return new Backend(new RedisMockStore(redis, clock::instant), clock, new RedisRateWindows(redis),
                    new FaultPlan(new RedisFaultQueues(redis)));
        }

        RateLimiter rateLimiter(MockServerSettings settings) {
            RateLimits table = RateLimits.ofLabels(settings.rateLimitTable());
            return rateWindows == null ? new RateLimiter(table, settings.rateLimits())
                    : new RateLimiter(table, settings.rateLimits(), rateWindows);
        }
    }

    /** A mock with these settings, not yet started. */
    public static AuthleteMockServer of(MockServerSettings settings) {
        return new AuthleteMockServer(settings);
    }

    public synchronized AuthleteMockServer start() {
        if (!wireMock.isRunning()) {
            // the first call's validator is built on another core while Jetty starts (a tenth of a cold start)
            Thread.ofPlatform().daemon().name("authlete-mock-prepare").start(() -> {
                try {
                    pipeline.prepareFirstCall();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Preparing the first call failed; it is prepared when it comes", e);
                }
            });
            wireMock.start();
            addApiRoute();
            sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "authlete-mock-sweeper");
                t.setDaemon(true);
                return t;
            });
            sweeper.scheduleWithFixedDelay(() -> store.sweep(clock.instant()), 60, 60, TimeUnit.SECONDS);
            if (saver != null) {
                saver.start(sweeper);
            }
        }
        return this;
    }

    /** The stub that sends every {@code /api} request to the engine; {@link ApiRouteKeeper} puts it back when removed. */
    private void addApiRoute() {
        wireMock.addStubMapping(ApiRouteKeeper.route());
    }

    /** Stops serving; with a state file, saves the state a last time. */
    public synchronized void stop() {
        stopAndSave();
    }

    /** {@link #stop()}, telling whether the last save worked: false when a state file could not be written. */
    public synchronized boolean stopAndSave() {
        if (wireMock.isRunning()) {
            wireMock.stop();
        }
        boolean saved = true;
        if (sweeper != null) {
            if (saver != null) {
                saved = saver.stop();
            }
            sweeper.shutdownNow();
            sweeper = null;
        }
        return saved;
    }

    @Override
    public void close() {
        stop();
        store.close();
    }

    public boolean isRunning() {
        return wireMock.isRunning();
    }

    public int port() {
        return wireMock.port();
    }

    /** {@code http://HOST:PORT}, the base URL to give an Authlete SDK. */
    public String baseUrl() {
        String host = settings.bindAddress().equals("0.0.0.0") ? "localhost" : settings.bindAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    public long serviceId() {
        return settings.serviceId();
    }

    public String serviceToken() {
        return settings.serviceToken();
    }

    public String orgToken() {
        return settings.orgToken();
    }

    public MockClock clock() {
        return clock;
    }

    /** The WireMock server underneath, for stubs of your own that take precedence over the mock. */
    public WireMockServer wireMock() {
        return wireMock;
    }

    public MockServerSettings settings() {
        return settings;
    }

    /**
     * Clock, faults, calls, state, seed and reset through one interface, the same as a mock in Docker or another
     * process offers over HTTP ({@code AuthleteMockControl.overHttp}).
     */
    public AuthleteMockControl control() {
        return control;
    }

    /** The operationIds of the spec the mock routes by: the operations a fault or a call filter may name. */
    public Set<String> operationIds() {
        return operationIds;
    }

    /**
     * Which operations of the spec, and which {@code action} values of each, the calls since the start (or the last
     * {@link #clearCoverage()}) exercised; {@link #reset()} keeps it, so it adds up over a whole test class.
     */
    public Coverage coverage() {
        Map<String, List<String>> catalog = actionCatalog;
        if (catalog == null) {
            catalog = ActionCatalog.of(spec).actions();
            actionCatalog = catalog;
        }
        return Coverage.of(catalog, journal.coverage().counts());
    }

    /** Forgets the calls counted by {@link #coverage()}. */
    public void clearCoverage() {
        journal.coverage().clear();
    }

    /** Responses written so far that violate the spec; in strict mode each was answered with a 500 instead. */
    public List<SpecViolation> specViolations() {
        return pipeline.violations();
    }

    /**
     * Back to the seed: the seed's services, clients and tokens as loaded (without a seed, the default service as
     * configured at start); the clock to the seed's setting or real time (in deterministic mode, frozen at its start);
     * no faults; rate-limit emulation as configured, its counters at zero; in deterministic mode, the sequence of
     * values starts again, so the same calls give the same answers as after the start.
     */
    public synchronized void reset() {
        randomness.restart();
        install(read(seed, null));
        pipeline.clearViolations();
        pipeline.faults().clear();
        pipeline.rateLimiter().enable(settings.rateLimits());
        journal.clear();
    }

    /**
     * The whole state as one JSON document: services, clients, API tokens, live tickets, codes and tokens, and
     * the clock when it does not run at real time. {@link #loadSeed} takes it back.
     */
    public ObjectNode state() {
        return StateExport.of(store, clock.instant(), ClockSetting.of(clock.offset(), clock.isFrozen(), clock.instant()));
    }

    /**
     * Replaces the whole state with a seed (or a {@link #state()} document), which {@link #reset()} then goes
     * back to. All or nothing: on a {@link SeedException} nothing has changed. A seed that defines no services
     * keeps the default service; the configured organization token always stays valid.
     */
    public synchronized void loadSeed(JsonNode newSeed) {
        if (newSeed == null) {
            throw new SeedException("", "a seed must be a JSON object");
        }
        install(read(newSeed, null));
        this.seed = newSeed.deepCopy();
    }

    private Seed read(JsonNode document, String source) {
        if (document == null) {
            return new Seed(List.of(), List.of(), null);
        }
        Instant now = setupTime();
        SeedReader reader = new SeedReader(now, settings.orgToken(),
                (id, members) -> ServiceDefaults.service(id, members, randomness.defaultSigningKeys(), now));
        try {
            return randomness.aroundSetup(() -> reader.read(document));
        } catch (SeedException e) {
            throw source == null ? e : e.in(source);
        }
    }

    /** Swaps the seed into the store in one step, with the configured organization token and, if needed, the default service. */
    private void install(Seed loaded) {
        List<ServiceState> services = new ArrayList<>(loaded.services());
        List<ApiCredential> credentials = new ArrayList<>(loaded.credentials());
        credentials.add(ApiCredential.organization(settings.orgToken()));
        if (services.isEmpty()) {
            services.add(ServiceState.inMemory(new ServiceConfig(ServiceDefaults.service(settings.serviceId(),
                    "Authlete Testkit mock service", settings.issuer(), randomness.defaultSigningKeys(), setupTime()))));
            credentials.add(ApiCredential.service(settings.serviceToken(), settings.serviceId()));
        }
        store.replaceAll(services, credentials);
        clock.reset();
        ClockSetting setting = loaded.clock();
        if (setting != null && setting.frozenAt() != null) {
            clock.freeze().set(setting.frozenAt());
        } else if (setting != null && setting.offset() != null) {
            clock.advance(setting.offset());
        } else if (freezesAtStart()) {
            clock.freeze().set(MockServerSettings.DETERMINISTIC_START);
        }
    }

    /** Deterministic mode on the mock's own clock: byte-identical answers need identical times too. */
    private boolean freezesAtStart() {
        return randomness.isDeterministic() && settings.clock() == null;
    }

    /** The time a seed or the default service is made at. */
    private Instant setupTime() {
        return freezesAtStart() ? MockServerSettings.DETERMINISTIC_START : clock.instant();
    }
}
