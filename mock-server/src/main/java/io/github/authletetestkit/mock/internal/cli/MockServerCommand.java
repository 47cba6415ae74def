package io.github.authletetestkit.mock.internal.cli;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.CallLog;
import io.github.authletetestkit.mock.MockServerSettings;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.state.SeedException;
import io.github.authletetestkit.spec.internal.SpecLoadException;
import io.github.authletetestkit.spec.internal.TestkitVersion;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code java -jar authlete-mock-server.jar}: runs the mock until Ctrl-C or TERM. */
@Command(name = "authlete-mock-server", mixinStandardHelpOptions = true, versionProvider = MockServerCommand.Version.class,
        description = "Runs a stateful mock of the Authlete API v3. Every option can also be set by the environment variable named in brackets.",
        sortOptions = false)
public final class MockServerCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "${env:AUTHLETE_MOCK_PORT:-8080}",
            description = "Port to listen on; 0 picks a free one [AUTHLETE_MOCK_PORT] (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "${env:AUTHLETE_MOCK_BIND:-localhost}",
            description = "Address to bind; 0.0.0.0 for every interface [AUTHLETE_MOCK_BIND] (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--service-id", defaultValue = "${env:AUTHLETE_MOCK_SERVICE_ID:-" + AuthleteMockServer.DEFAULT_SERVICE_ID + "}",
            description = "API key of the default service [AUTHLETE_MOCK_SERVICE_ID] (default: ${DEFAULT-VALUE}).")
    long serviceId;

    @Option(names = "--service-token", defaultValue = "${env:AUTHLETE_MOCK_SERVICE_TOKEN:-" + AuthleteMockServer.DEFAULT_SERVICE_TOKEN + "}",
            description = "Service access token of the default service [AUTHLETE_MOCK_SERVICE_TOKEN] (default: ${DEFAULT-VALUE}).")
    String serviceToken;

    @Option(names = "--org-token", defaultValue = "${env:AUTHLETE_MOCK_ORG_TOKEN:-" + AuthleteMockServer.DEFAULT_ORG_TOKEN + "}",
            description = "Organization token, valid for every service [AUTHLETE_MOCK_ORG_TOKEN] (default: ${DEFAULT-VALUE}).")
    String orgToken;

    @Option(names = "--issuer", defaultValue = "${env:AUTHLETE_MOCK_ISSUER:-" + AuthleteMockServer.DEFAULT_ISSUER + "}",
            description = "Issuer of the default service [AUTHLETE_MOCK_ISSUER] (default: ${DEFAULT-VALUE}).")
    String issuer;

    @Option(names = "--spec", defaultValue = "${env:AUTHLETE_MOCK_SPEC}",
            description = "OpenAPI document to load, a file or URL [AUTHLETE_MOCK_SPEC] (default: the bundled spec).")
    String spec;

    @Option(names = "--strict", defaultValue = "${env:AUTHLETE_MOCK_STRICT:-false}", fallbackValue = "true", arity = "0..1",
            description = "Answer 500 instead of any response that violates the spec [AUTHLETE_MOCK_STRICT] (default: ${DEFAULT-VALUE}).")
    boolean strict;

    @Option(names = "--no-validation", defaultValue = "${env:AUTHLETE_MOCK_NO_VALIDATION:-false}", fallbackValue = "true", arity = "0..1",
            description = "Check neither requests nor responses against the spec [AUTHLETE_MOCK_NO_VALIDATION].")
    boolean noValidation;

    @Option(names = "--rate-limits", defaultValue = "${env:AUTHLETE_MOCK_RATE_LIMITS:-false}", fallbackValue = "true", arity = "0..1",
            description = "Answer 429 once a service exceeds Authlete's hourly limits, counted on the mock's clock [AUTHLETE_MOCK_RATE_LIMITS] (default: ${DEFAULT-VALUE}).")
    boolean rateLimits;

    @Option(names = "--admin-token", defaultValue = "${env:AUTHLETE_MOCK_ADMIN_TOKEN}",
            description = "Require Authorization: Bearer TOKEN on every /__admin request [AUTHLETE_MOCK_ADMIN_TOKEN] (default: none, the admin API is open).")
    String adminToken;

    @Option(names = "--admin-cors", defaultValue = "${env:AUTHLETE_MOCK_ADMIN_CORS}",
            description = "The one web origin (such as http://localhost:3000) whose pages may call /__admin [AUTHLETE_MOCK_ADMIN_CORS] (default: none).")
    String adminCors;

    @Option(names = "--root-dir", defaultValue = "${env:AUTHLETE_MOCK_ROOT_DIR}",
            description = "WireMock's file root: stubs from its mappings/, files from its __files/ [AUTHLETE_MOCK_ROOT_DIR] (default: no files are read or written).")
    Path rootDir;

    @Option(names = "--store", defaultValue = "${env:AUTHLETE_MOCK_STORE}",
            description = "Keep the state in Redis, shared by every mock started with the same URI: redis://host:port[/db][?deployment=name] [AUTHLETE_MOCK_STORE] (default: in this process).")
    String store;

    @Option(names = "--seed", defaultValue = "${env:AUTHLETE_MOCK_SEED}",
            description = "Seed file (JSON) with the services, clients and tokens to start with, instead of the default service [AUTHLETE_MOCK_SEED].")
    Path seed;

    @Option(names = "--state-file", defaultValue = "${env:AUTHLETE_MOCK_STATE_FILE}",
            description = "Saves the whole state to this file and, when it exists at start, loads it instead of the seed [AUTHLETE_MOCK_STATE_FILE].")
    Path stateFile;

    @Option(names = "--state-save-interval", defaultValue = "${env:AUTHLETE_MOCK_STATE_SAVE_INTERVAL:-30}", converter = IntervalConverter.class,
            description = "How often the state file is written, in seconds or as an ISO-8601 duration such as PT1M; also on exit [AUTHLETE_MOCK_STATE_SAVE_INTERVAL] (default: ${DEFAULT-VALUE}).")
    Duration stateSaveInterval;

    @Option(names = "--deterministic", paramLabel = "SEED", defaultValue = "${env:AUTHLETE_MOCK_DETERMINISTIC}",
            description = "Deterministic mode: the same calls in the same order give the same IDs, secrets, tokens and keys, on a clock frozen at "
                    + "2030-01-01T00:00:00Z; for snapshot tests [AUTHLETE_MOCK_DETERMINISTIC] (default: off).")
    Long deterministic;

    @Option(names = "--idle-timeout", defaultValue = "${env:AUTHLETE_MOCK_IDLE_TIMEOUT:-30}", converter = IntervalConverter.class,
            description = "How long a connection may send nothing, mid-request or between requests, before it is closed; in seconds or as an ISO-8601 duration such as PT10S [AUTHLETE_MOCK_IDLE_TIMEOUT] (default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--log-format", defaultValue = "${env:AUTHLETE_MOCK_LOG_FORMAT:-TEXT}",
            description = "One line per call on standard output: ${COMPLETION-CANDIDATES} [AUTHLETE_MOCK_LOG_FORMAT] (default: ${DEFAULT-VALUE}).")
    CallLog logFormat;

    @Spec
    CommandSpec commandSpec;

    private final CountDownLatch stopped = new CountDownLatch(1);

    public static void main(String[] args) {
        ClassPreload.inBackground();
        System.exit(commandLine(new MockServerCommand()).execute(args));
    }

    /** The command line over {@code command}: what {@link #main} runs, and what the AOT training run parses with. */
    static CommandLine commandLine(MockServerCommand command) {
        return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(MockServerCommand::badArguments);
    }

    /** A mistyped option: one line saying what is wrong, not the whole usage. */
    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        e.getCommandLine().getErr().println(e.getMessage() + " (see --help)");
        return e.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The settings the options describe. */
    MockServerSettings settings() {
        MockServerSettings.Builder builder = MockServerSettings.builder();
        if (deterministic != null) {
            builder.deterministic(deterministic);
        }
        return builder
                .port(port).bindAddress(bind).serviceId(serviceId).serviceToken(serviceToken).orgToken(orgToken)
                .issuer(issuer).spec(spec == null || spec.isBlank() ? null : spec).strict(strict)
                .validateRequests(!noValidation).validateResponses(!noValidation)
                .rateLimits(rateLimits).adminToken(adminToken).adminCors(adminCors).rootDir(blankToNull(rootDir)).store(store)
                .seed(blankToNull(seed)).stateFile(blankToNull(stateFile)).stateSaveInterval(stateSaveInterval)
                .idleTimeout(idleTimeout).settings();
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        AuthleteMockServer running;
        try {
            running = AuthleteMockServer.of(settings()).start();
        } catch (SeedException e) {
            // a bad seed or state file: nothing started, so nothing will overwrite the file
            commandSpec.commandLine().getErr().println("Cannot start the Authlete mock server: " + e.getMessage());
            return 1;
        } catch (SpecLoadException e) {
            commandSpec.commandLine().getErr().println("Cannot start the Authlete mock server: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            // a port in use, an address that is not this machine's, an unwritable state directory: one line each
            commandSpec.commandLine().getErr().println("Cannot start the Authlete mock server: " + rootMessage(e));
            return 2;
        }
        PrintWriter err = commandSpec.commandLine().getErr();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            boolean saved = running.stopAndSave();
            stopped.countDown();
            if (!saved) {
                reportLostState(err, running, "at exit");
                // the only way a shutdown hook sets the exit status
                Runtime.getRuntime().halt(STATE_LOST);
            }
        }, "authlete-mock-shutdown"));
        announce(running, (System.nanoTime() - started) / 1_000_000, System.out, System.err);
        try {
            // POST /__admin/shutdown stops WireMock underneath: then save and exit as on TERM
            while (!stopped.await(200, TimeUnit.MILLISECONDS)) {
                if (!running.isRunning()) {
                    if (!running.stopAndSave()) {
                        reportLostState(err, running, "at shutdown");
                        return STATE_LOST;
                    }
                    return 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Logs each call to {@code out} in the chosen format and prints the banner. With {@code --log-format json}
     * standard output carries JSON lines only, so the banner goes to {@code err}.
     */
    void announce(AuthleteMockServer running, long startMillis, PrintStream out, PrintStream err) {
        MockInternals.of(running).journal().onCall(logFormat.writer(out));
        printBanner(running, startMillis, new PrintWriter(logFormat == CallLog.JSON ? err : out, true));
    }

    /** The store URI for the banner, without the password a {@code redis://user:password@host} URI may carry. */
    static String withoutPassword(java.net.URI store) {
        return store.getRawUserInfo() == null ? store.toString() : store.toString().replace(store.getRawUserInfo() + "@", "***@");
    }

    /** The exit status when the last save of the state file failed. */
    static final int STATE_LOST = 3;

    private static void reportLostState(PrintWriter err, AuthleteMockServer running, String when) {
        err.println("Could not save the state to " + running.settings().stateFile() + " " + when + "; the state of this run is lost.");
        err.flush();
    }

    private static String rootMessage(RuntimeException e) {
        if (e instanceof IllegalStateException && e.getMessage() != null) {
            return e.getMessage();
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return cause instanceof java.net.BindException ? "cannot listen on the port: " + message : message;
    }

    static void printBanner(AuthleteMockServer server, long startMillis, PrintWriter out) {
        out.printf("Authlete mock server started in %d ms%n", startMillis);
        out.printf("  base URL:      %s%n", server.baseUrl());
        // a seed (or state file) with services of its own replaces the default service
        boolean defaultService = MockInternals.of(server).store().service(server.serviceId()).isPresent();
        if (defaultService) {
            out.printf("  service ID:    %d%n", server.serviceId());
            out.printf("  service token: %s%n", server.serviceToken());
        } else {
            out.printf("  services:      %s%n", MockInternals.of(server).store().services().stream().map(s -> Long.toString(s.serviceId())).toList());
        }
        out.printf("  org token:     %s%n", server.orgToken());
        out.printf("  strict:        %s%n", server.settings().strict());
        out.printf("  rate limits:   %s%n", server.settings().rateLimits());
        out.printf("  store:         %s%n", server.settings().store() == null ? "in memory" : withoutPassword(server.settings().store()));
        out.printf("  admin API:     %s/__admin/authlete/%s%n", server.baseUrl(),
                server.settings().adminToken() == null ? "" : " (Authorization: Bearer <admin token>)");
        if (server.settings().deterministicSeed() != null) {
            out.printf("  deterministic: seed %d%n", server.settings().deterministicSeed());
        }
        if (server.settings().seedFile() != null) {
            out.printf("  seed:          %s%n", server.settings().seedFile());
        }
        if (server.settings().stateFile() != null) {
            out.printf("  state file:    %s (saved every %s)%n", server.settings().stateFile(), server.settings().stateSaveInterval());
        }
        if (defaultService) {
            out.printf("Try it:%n  curl -s -H 'Authorization: Bearer %s' %s/api/%d/service/get%n",
                    server.serviceToken(), server.baseUrl(), server.serviceId());
        } else {
            out.printf("Try it:%n  curl -s -H 'Authorization: Bearer %s' %s/api/service/get/list%n", server.orgToken(), server.baseUrl());
        }
        out.println("Press Ctrl-C to stop.");
    }

    /** An empty environment variable means "not set". */
    private static Path blankToNull(Path path) {
        return path == null || path.toString().isBlank() ? null : path;
    }

    /** Whole seconds ({@code 30}) or an ISO-8601 duration ({@code PT30S}). */
    static final class IntervalConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                Duration interval = value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
                if (interval.isNegative() || interval.isZero()) {
                    throw new CommandLine.TypeConversionException("must be positive: '" + value + "'");
                }
                return interval;
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is neither seconds nor an ISO-8601 duration such as PT30S");
            }
        }
    }

    /** The Testkit's version, from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"authlete-mock-server " + TestkitVersion.current()};
        }
    }
}
