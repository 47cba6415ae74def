package io.github.authletetestkit.junit;

import io.github.authletetestkit.mock.MockServerSettings;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Runs an Authlete API mock for a test class or each test method, and hands tests an {@link AuthleteMock}.
 * {@link AuthleteMockTest} uses it with the annotation's settings; register it yourself to configure it in
 * code:
 *
 * <pre>{@code
 * class CheckoutTest {
 *     @RegisterExtension
 *     static AuthleteMockExtension authlete = AuthleteMockExtension.builder()
 *             .service(Map.of("accessTokenDuration", 300))
 *             .client("shop", ClientSpec.confidential().grantTypes("CLIENT_CREDENTIALS"))
 *             .build();
 *
 *     @Test
 *     void paysWithAToken(AuthleteMock mock) { ... }
 * }
 * }</pre>
 *
 * <p>Servers live in JUnit's {@link ExtensionContext.Store} of the class (or method) they serve, so test
 * classes that JUnit runs in parallel each get their own server on their own free port. With the
 * per-class lifecycle, the tests that share a server run one at a time and each starts from the baseline
 * (see {@link AuthleteMock#reset()}). In strict mode (the default) a test fails when the mock wrote a
 * response that violates the spec while it ran.
 *
 * <p>Like WireMock's {@code WireMockExtension}, it can be subclassed: {@link #onBeforeAll}, {@link #onBeforeEach},
 * {@link #onAfterEach} and {@link #onAfterAll} run with the running mock. A class may register several
 * instances, each with its own server; {@link FromExtension} says which one a parameter or field wants.
 */
public class AuthleteMockExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver, TestInstancePostProcessor {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AuthleteMockExtension.class);

    /** Null when declared by {@link AuthleteMockTest}: the configuration then comes from the annotation. */
    private final MockConfig programmatic;
    private final Set<AuthleteMock> running = ConcurrentHashMap.newKeySet();

    /** For {@link AuthleteMockTest} (JUnit instantiates it); use {@link #builder()} to register one yourself. */
    public AuthleteMockExtension() {
        this((MockConfig) null);
    }

    /** For subclasses: {@code super(AuthleteMockExtension.builder().serviceId(42))}. */
    protected AuthleteMockExtension(Builder builder) {
        this(builder.config());
    }

    private AuthleteMockExtension(MockConfig programmatic) {
        this.programmatic = programmatic;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The running mock of this extension, for code outside a test's parameters such as a Spring
     * {@code @DynamicPropertySource} method: {@code registry.add("authlete.base-url", () -> authlete.mock().baseUrl())}.
     *
     * @throws IllegalStateException when no server, or more than one (parallel per-method servers), is running
     */
    public AuthleteMock mock() {
        List<AuthleteMock> mocks = List.copyOf(running);
        if (mocks.size() != 1) {
            throw new IllegalStateException(mocks.isEmpty()
                    ? "No mock server of this extension is running (it starts before the test class's @BeforeAll methods)."
                    : mocks.size() + " mock servers of this extension are running at once; take an AuthleteMock parameter instead.");
        }
        return mocks.get(0);
    }

    // ------------------------------------------------------------------ hooks for subclasses

    /**
     * After the class's server started and its fields were filled, before the class's {@code @BeforeAll} methods.
     * Only with {@link ServerLifecycle#PER_CLASS}: with {@code PER_METHOD} no server exists outside a test.
     */
    protected void onBeforeAll(ExtensionContext context, AuthleteMock mock) {
    }

    /** Before each test (and its {@code @BeforeEach} methods), once the mock is back at its baseline and the fields are set. */
    protected void onBeforeEach(ExtensionContext context, AuthleteMock mock) {
    }

    /** After each test, with the mock as the test left it: before the strict-mode check, and before a per-test server stops. */
    protected void onAfterEach(ExtensionContext context, AuthleteMock mock) {
    }

    /** After the class's {@code @AfterAll} methods, before its server stops; only with {@link ServerLifecycle#PER_CLASS}. */
    protected void onAfterAll(ExtensionContext context, AuthleteMock mock) {
    }

    // ------------------------------------------------------------------ JUnit callbacks

    @Override
    public final void beforeAll(ExtensionContext context) {
        MockConfig config = config(context);
        if (config.lifecycle() == ServerLifecycle.PER_CLASS) {
            ServerResource server = classServer(context, config);
            injectFields(context, context.getRequiredTestClass(), null, server.mock);
            context.getTestInstance().ifPresent(instance -> injectFields(context, instance.getClass(), instance, server.mock));
            onBeforeAll(context, server.mock);
        } else {
            List<Field> statics = fields(context.getRequiredTestClass(), true).stream()
                    .filter(f -> !f.isAnnotationPresent(FromExtension.class) || ExtensionFields.belongsTo(f, this, context)).toList();
            if (!statics.isEmpty()) {
                throw new ExtensionConfigurationException("The static field " + statics.get(0) + " cannot hold a mock that "
                        + "exists only during each test (lifecycle PER_METHOD): make it an instance field or a parameter.");
            }
        }
    }

    @Override
    public final void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        MockConfig config = config(context);
        if (config.lifecycle() == ServerLifecycle.PER_CLASS) {
            // with @TestInstance(PER_CLASS) the instance exists before beforeAll (and other post-processors,
            // such as Spring's, may read static fields now): fill both here
            AuthleteMock mock = classServer(context, config).mock;
            injectFields(context, testInstance.getClass(), null, mock);
            injectFields(context, testInstance.getClass(), testInstance, mock);
        }
    }

    @Override
    public final void beforeEach(ExtensionContext context) throws InterruptedException {
        MockConfig config = config(context);
        ServerResource server;
        if (config.lifecycle() == ServerLifecycle.PER_CLASS) {
            server = classServer(context, config);
            server.testLock.acquire();
            context.getStore(NAMESPACE).put(new LockKey(this), new LockHeld(server));
            server.startTest(config);
        } else {
            server = methodServer(context, config);
        }
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            injectFields(context, instance.getClass(), instance, server.mock);
        }
        onBeforeEach(context, server.mock);
    }

    @Override
    public final void afterEach(ExtensionContext context) {
        MockConfig config = config(context);
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        LockHeld lock = store.remove(new LockKey(this), LockHeld.class);
        ServerResource server = config.lifecycle() == ServerLifecycle.PER_METHOD ? ownedServer(context) : null;
        if (server != null) {
            store.remove(this);
        }
        try {
            ServerResource checked = server != null ? server : lock != null ? lock.server : null;
            if (checked != null) {
                onAfterEach(context, checked.mock);
                if (config.strict()) {
                    checked.mock.assertNoSpecViolations();
                }
            }
        } finally {
            if (server != null) {
                server.close();
            }
            if (lock != null) {
                lock.server.testLock.release();
            }
        }
    }

    @Override
    public final void afterAll(ExtensionContext context) {
        ServerResource server = ownedServer(context);
        if (server != null) {
            context.getStore(NAMESPACE).remove(this);
            try {
                onAfterAll(context, server.mock);
            } finally {
                server.close();
            }
        }
    }

    @Override
    public final boolean supportsParameter(ParameterContext parameterContext, ExtensionContext context) {
        if (parameterContext.getParameter().getType() != AuthleteMock.class) {
            return false;
        }
        if (ExtensionFields.belongsTo(parameterContext.getParameter(), this, context)) {
            return true;
        }
        // several extensions and no @FromExtension: the first one answers, with an error that says what to write
        return !parameterContext.isAnnotated(FromExtension.class)
                && ExtensionFields.of(context.getRequiredTestClass()).get(0).getName()
                        .equals(ExtensionFields.nameOf(this, context).orElse(null));
    }

    @Override
    public final AuthleteMock resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        if (!ExtensionFields.belongsTo(parameterContext.getParameter(), this, context)) {
            throw new ParameterResolutionException(ExtensionFields.ambiguous(parameterContext.getParameter() + " of "
                    + parameterContext.getDeclaringExecutable(), context.getRequiredTestClass()));
        }
        MockConfig config = config(context);
        if (config.lifecycle() == ServerLifecycle.PER_CLASS) {
            return classServer(context, config).mock;
        }
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("With lifecycle PER_METHOD the mock exists only during each test, so "
                    + parameterContext.getDeclaringExecutable() + " cannot take it: take it in the test method, in "
                    + "@BeforeEach/@AfterEach methods, or in an instance field.");
        }
        return methodServer(context, config).mock;
    }

    // ------------------------------------------------------------------ servers in the store

    /** The server of the class (shared with its {@code @Nested} classes), started on first use. */
    private ServerResource classServer(ExtensionContext context, MockConfig config) {
        ExtensionContext owner = context;
        while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
            owner = owner.getParent().get();
        }
        return serverIn(owner, config);
    }

    /** The server of the test method, started on first use (by a parameter or by beforeEach). */
    private ServerResource methodServer(ExtensionContext context, MockConfig config) {
        return serverIn(context, config);
    }

    private ServerResource serverIn(ExtensionContext owner, MockConfig config) {
        synchronized (owner) {
            ExtensionContext.Store store = owner.getStore(NAMESPACE);
            ServerResource server = store.get(this, ServerResource.class);
            if (server == null) {
                SystemPropertiesGuard.check(owner, config);
                server = ServerResource.start(config, owner.getUniqueId(), running, CoverageFiles.of(owner, NAMESPACE).orElse(null));
                store.put(this, server);
            }
            return server;
        }
    }

    /** The server this very context started, if any (not one of an enclosing context). */
    private ServerResource ownedServer(ExtensionContext context) {
        ServerResource server = context.getStore(NAMESPACE).get(this, ServerResource.class);
        return server != null && server.ownerId.equals(context.getUniqueId()) ? server : null;
    }

    /** Marks that the current test holds the class server's test lock. */
    private record LockHeld(ServerResource server) {}

    /** Where this extension keeps its {@link LockHeld}: each registered extension holds its own server's lock. */
    private record LockKey(AuthleteMockExtension extension) {}

    // ------------------------------------------------------------------ configuration

    private MockConfig config(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        MockConfig config;
        Class<?> declaring;
        if (programmatic != null) {
            config = programmatic;
            declaring = testClass;
        } else {
            declaring = annotated(testClass);
            List<Field> registered = ExtensionFields.of(declaring);
            if (!registered.isEmpty()) {
                throw new ExtensionConfigurationException(declaring.getName() + " has both @AuthleteMockTest and "
                        + "@RegisterExtension " + registered.get(0).getName() + ": use one of them.");
            }
            config = MockConfig.of(AnnotationSupport.findAnnotation(declaring, AuthleteMockTest.class).orElseThrow());
        }
        return config.withSeeds(seeds(declaring));
    }

    /** The class whose {@code @AuthleteMockTest} applies: the test class or, for {@code @Nested} ones, an enclosing class. */
    private static Class<?> annotated(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            if (AnnotationSupport.isAnnotated(c, AuthleteMockTest.class)) {
                return c;
            }
        }
        throw new ExtensionConfigurationException("AuthleteMockExtension was registered on " + testClass.getName()
                + " without @AuthleteMockTest: use the annotation, or AuthleteMockExtension.builder() with @RegisterExtension.");
    }

    private static List<SeedClient> seeds(Class<?> testClass) {
        List<SeedClient> seeds = new ArrayList<>();
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            seeds.addAll(0, AnnotationSupport.findRepeatableAnnotations(c, SeedClient.class));
        }
        return seeds;
    }

    // ------------------------------------------------------------------ fields

    private static List<Field> fields(Class<?> type, boolean statics) {
        return ReflectionSupport.findFields(type, f -> f.getType() == AuthleteMock.class
                        && Modifier.isStatic(f.getModifiers()) == statics && !Modifier.isFinal(f.getModifiers()),
                HierarchyTraversalMode.TOP_DOWN);
    }

    private void injectFields(ExtensionContext context, Class<?> type, Object instance, AuthleteMock mock) {
        for (Field field : fields(type, instance == null)) {
            if (!ExtensionFields.belongsTo(field, this, context)) {
                if (field.isAnnotationPresent(FromExtension.class)) {
                    continue; // another extension's
                }
                throw new ExtensionConfigurationException(ExtensionFields.ambiguous("The field " + field, context.getRequiredTestClass()));
            }
            try {
                field.setAccessible(true);
                field.set(instance, mock);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ExtensionConfigurationException("Cannot set the AuthleteMock field " + field + ": " + e.getMessage(), e);
            }
        }
    }

    // ------------------------------------------------------------------ builder

    /** Configures an {@link AuthleteMockExtension}; every option has a default that gives a working mock. */
    public static final class Builder {

        private ServerLifecycle lifecycle = MockConfig.DEFAULTS.lifecycle();
        private int port = MockConfig.DEFAULTS.port();
        private long serviceId = MockConfig.DEFAULTS.serviceId();
        private String serviceToken = MockConfig.DEFAULTS.serviceToken();
        private String orgToken = MockConfig.DEFAULTS.orgToken();
        private String issuer = MockConfig.DEFAULTS.issuer();
        private final Map<String, Object> service = new LinkedHashMap<>();
        private String spec;
        private boolean strict = MockConfig.DEFAULTS.strict();
        private boolean validation = MockConfig.DEFAULTS.validation();
        private boolean systemProperties;
        private final List<MockConfig.Seed> clients = new ArrayList<>();
        private Consumer<MockServerSettings.Builder> customizer = MockConfig.DEFAULTS.customizer();

        private Builder() {
        }

        /** {@link ServerLifecycle#PER_CLASS} (default): one server per class, reset before each test; or a fresh one per test. */
        public Builder lifecycle(ServerLifecycle lifecycle) {
            this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder serviceId(long serviceId) {
            this.serviceId = serviceId;
            return this;
        }

        public Builder serviceToken(String serviceToken) {
            this.serviceToken = serviceToken;
            return this;
        }

        public Builder orgToken(String orgToken) {
            this.orgToken = orgToken;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Settings of the default service (names of Authlete's {@code Service}), merged over the mock's defaults. */
        public Builder service(Map<String, ?> settings) {
            service.putAll(Objects.requireNonNull(settings, "settings"));
            return this;
        }

        /** {@link #service(Map)} as a JSON object. */
        public Builder service(String json) {
            service.putAll(MockConfig.serviceJson(json));
            return this;
        }

        /** A client registered at start, kept through resets, found by {@link AuthleteMock#client(String)}. */
        public Builder client(String name, ClientSpec spec) {
            clients.add(new MockConfig.Seed(Objects.requireNonNull(name, "name"), Objects.requireNonNull(spec, "spec")));
            return this;
        }

        /** The OpenAPI document to route and validate by (file, URL or {@code classpath:}); null for the bundled spec. */
        public Builder spec(String spec) {
            this.spec = spec;
            return this;
        }

        /** On by default: a response that violates the spec is answered with a 500 and fails the test. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** On by default: check requests and responses against the spec. */
        public Builder validation(boolean validation) {
            this.validation = validation;
            return this;
        }

        /** Publish {@link AuthleteMock#properties()} as system properties while the server runs (restored afterwards). */
        public Builder publishSystemProperties(boolean publish) {
            this.systemProperties = publish;
            return this;
        }

        /** Anything else of the server's settings (bind address, journal size, a clock of your own…), applied last. */
        public Builder settings(Consumer<MockServerSettings.Builder> settings) {
            Consumer<MockServerSettings.Builder> before = customizer;
            Objects.requireNonNull(settings, "settings");
            this.customizer = before.andThen(settings);
            return this;
        }

        public AuthleteMockExtension build() {
            return new AuthleteMockExtension(config());
        }

        private MockConfig config() {
            MockConfig config = new MockConfig(lifecycle, port, serviceId, serviceToken, orgToken, issuer, service, spec, strict,
                    validation, systemProperties, clients, customizer);
            config.settings(); // fails now, not in the first test, on a bad combination
            return config;
        }
    }
}
