package io.github.authletetestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.MockServerSettings;
import io.github.authletetestkit.mock.internal.cli.MockServerCommand;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategyTarget;
import org.testcontainers.utility.DockerImageName;
import picocli.CommandLine;

/**
 * The container is configured as the image expects — without Docker: its environment is what the mock's
 * command line (the image's entry point) reads, its port is the one that command listens on, and its wait
 * strategy accepts a running mock's health check and nothing else.
 */
class AuthleteMockContainerTest {

    private static final Pattern ENV = Pattern.compile("\\$\\{env:(AUTHLETE_MOCK_[A-Z_]+)");

    @Test
    void defaultImageIsTheProjectVersionOfTheMockServerImage() {
        String version = System.getProperty("authlete.testkit.expectedVersion");

        assertThat(version).isNotBlank();
        assertThat(new AuthleteMockContainer().image().asCanonicalNameString()).isEqualTo("authlete-testkit/mock-server:" + version);
        assertThat(AuthleteMockContainer.defaultImage()).isEqualTo(DockerImageName.parse("authlete-testkit/mock-server:" + version));
    }

    @Test
    void imageCanBeNamed() {
        assertThat(new AuthleteMockContainer("registry.example.com/mock:1.2").image()).isEqualTo(DockerImageName.parse("registry.example.com/mock:1.2"));
        assertThat(new AuthleteMockContainer(DockerImageName.parse("ghcr.io/acme/mock:ci")).image().asCanonicalNameString()).isEqualTo("ghcr.io/acme/mock:ci");
    }

    @Test
    void everyVariableTheCommandLineReadsCanBeSetAndNoOther() throws Exception {
        Map<String, String> env = new AuthleteMockContainer().withSpec("/specs/a.yaml").withLogFormat("json")
                .withRateLimits(true).withAdminToken("admin-token").withAdminCors("http://localhost:3000").withRootDir("/wiremock")
                .withStore("redis://redis:6379/0").withSeed("/seeds/a.json").withStateFile("/data/state.json")
                .withStateSaveInterval(Duration.ofMinutes(1)).withDeterministic(42).withIdleTimeout(Duration.ofSeconds(10)).getEnvMap();

        assertThat(env.keySet()).as("the container's configuration surface is the command line's")
                .containsExactlyInAnyOrderElementsOf(commandLineVariables().keySet());
        assertThat(new AuthleteMockContainer().getEnvMap()).doesNotContainKeys("AUTHLETE_MOCK_SPEC", "AUTHLETE_MOCK_LOG_FORMAT",
                "AUTHLETE_MOCK_RATE_LIMITS", "AUTHLETE_MOCK_ADMIN_TOKEN",
                "AUTHLETE_MOCK_SEED", "AUTHLETE_MOCK_STATE_FILE", "AUTHLETE_MOCK_STATE_SAVE_INTERVAL", "AUTHLETE_MOCK_ADMIN_CORS",
                "AUTHLETE_MOCK_ROOT_DIR", "AUTHLETE_MOCK_STORE", "AUTHLETE_MOCK_DETERMINISTIC", "AUTHLETE_MOCK_IDLE_TIMEOUT");
    }

    @Test
    void theCommandLineUnderstandsTheDefaultEnvironmentAsTheImageNeedsIt() throws Exception {
        AuthleteMockContainer container = new AuthleteMockContainer();

        MockServerSettings settings = settingsFromEnvironment(container.getEnvMap());

        assertThat(container.getExposedPorts()).containsExactly(AuthleteMockContainer.PORT);
        assertThat(settings.port()).isEqualTo(AuthleteMockContainer.PORT);
        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.serviceId()).isEqualTo(container.serviceId()).isEqualTo(AuthleteMockServer.DEFAULT_SERVICE_ID);
        assertThat(settings.serviceToken()).isEqualTo(container.serviceToken());
        assertThat(settings.orgToken()).isEqualTo(container.orgToken());
        assertThat(settings.issuer()).isEqualTo(container.issuer());
        assertThat(settings.strict()).isTrue();
        assertThat(settings.validateRequests()).isTrue();
        assertThat(settings.validateResponses()).isTrue();
        assertThat(settings.spec()).isNull();
        assertThat(settings.rateLimits()).isFalse();
        assertThat(settings.adminToken()).isNull();
        assertThat(container.adminToken()).isNull();
    }

    @Test
    void theCommandLineUnderstandsEveryOption(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("spec.yaml"), "openapi: 3.1.0\n");
        Path seed = Files.writeString(dir.resolve("seed.json"), "{}");
        AuthleteMockContainer container = new AuthleteMockContainer().withServiceId(42).withServiceToken("s-token")
                .withOrgToken("o-token").withIssuer("https://login.example.com").withSpecFile(spec)
                .withStrict(false).withValidation(false).withLogFormat("none").withRateLimits(true).withAdminToken("admin-t")
                .withSeedFile(seed).withStateFile("/data/state.json").withStateSaveInterval(Duration.ofSeconds(90))
                .withStore("redis://redis:6379/2?deployment=ci").withIdleTimeout(Duration.ofSeconds(12));

        MockServerSettings settings = settingsFromEnvironment(container.getEnvMap());

        assertThat(settings.serviceId()).isEqualTo(42).isEqualTo(container.serviceId());
        assertThat(settings.serviceToken()).isEqualTo("s-token").isEqualTo(container.serviceToken());
        assertThat(settings.orgToken()).isEqualTo("o-token").isEqualTo(container.orgToken());
        assertThat(settings.issuer()).isEqualTo("https://login.example.com").isEqualTo(container.issuer());
        assertThat(settings.spec()).isEqualTo(AuthleteMockContainer.SPEC_PATH_IN_CONTAINER);
        assertThat(container.getCopyToFileContainerPathMap()).containsValue(AuthleteMockContainer.SPEC_PATH_IN_CONTAINER);
        assertThat(settings.strict()).isFalse();
        assertThat(settings.validateRequests()).isFalse();
        assertThat(settings.validateResponses()).isFalse();
        assertThat(settings.rateLimits()).isTrue();
        assertThat(settings.adminToken()).isEqualTo("admin-t").isEqualTo(container.adminToken());
        assertThat(settings.seedFile()).isEqualTo(Path.of(AuthleteMockContainer.SEED_PATH_IN_CONTAINER));
        assertThat(container.getCopyToFileContainerPathMap()).containsValue(AuthleteMockContainer.SEED_PATH_IN_CONTAINER);
        assertThat(settings.stateFile()).isEqualTo(Path.of("/data/state.json"));
        assertThat(settings.stateSaveInterval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.store()).hasToString("redis://redis:6379/2?deployment=ci");
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void blankOrImpossibleValuesAreRefused() {
        AuthleteMockContainer container = new AuthleteMockContainer();

        assertThatThrownBy(() -> container.withServiceId(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> container.withServiceToken(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> container.withIssuer(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> container.withLogFormat("xml")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> container.withAdminToken("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> container.withSeed("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> container.withStateFile(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> container.withStateSaveInterval(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> container.withStore(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> container.withIdleTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void waitStrategyAcceptsARunningMocksHealthCheck() {
        try (AuthleteMockServer server = AuthleteMockServer.builder().validateRequests(false).validateResponses(false).build().start()) {
            WaitStrategy wait = new Probe().waitStrategy().withStartupTimeout(Duration.ofSeconds(10));

            wait.waitUntilReady(new LocalTarget(server.port()));
        }
    }

    @Test
    void waitStrategyKeepsWaitingWhileTheHealthCheckSaysAnythingButOk() {
        try (AuthleteMockServer server = AuthleteMockServer.builder().validateRequests(false).validateResponses(false).build().start()) {
            server.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/lifecycle/healthcheck")
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200).withBody("starting")));
            WaitStrategy wait = new Probe().waitStrategy().withStartupTimeout(Duration.ofSeconds(2));

            assertThatThrownBy(() -> wait.waitUntilReady(new LocalTarget(server.port())))
                    .hasMessageContaining("/api/lifecycle/healthcheck");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The environment variables the mock's command line reads, by its option names. */
    static Map<String, String> commandLineVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (Field field : MockServerCommand.class.getDeclaredFields()) {
            CommandLine.Option option = field.getAnnotation(CommandLine.Option.class);
            if (option != null) {
                Matcher env = ENV.matcher(option.defaultValue());
                if (env.find()) {
                    variables.put(env.group(1), option.names()[0]);
                }
            }
        }
        assertThat(variables).as("environment variables of the command line").hasSizeGreaterThanOrEqualTo(12);
        return variables;
    }

    /** What the command line (the image's entry point) makes of this environment. */
    static MockServerSettings settingsFromEnvironment(Map<String, String> env) throws Exception {
        Map<String, String> options = commandLineVariables();
        List<String> args = new ArrayList<>();
        env.forEach((name, value) -> {
            assertThat(options).as("the command line reads " + name).containsKey(name);
            args.add(options.get(name) + "=" + value);
        });
        MockServerCommand command = new MockServerCommand();
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        Method settings = MockServerCommand.class.getDeclaredMethod("settings");
        settings.setAccessible(true);
        return (MockServerSettings) settings.invoke(command);
    }

    /** Gives the test the container's wait strategy. */
    static final class Probe extends AuthleteMockContainer {
        WaitStrategy waitStrategy() {
            return getWaitStrategy();
        }
    }

    /** A "container" that is a mock on this machine. */
    record LocalTarget(int port) implements WaitStrategyTarget {
        @Override
        public List<Integer> getExposedPorts() {
            return List.of(AuthleteMockContainer.PORT);
        }

        @Override
        public InspectContainerResponse getContainerInfo() {
            return new InspectContainerResponse();
        }

        @Override
        public String getHost() {
            return "localhost";
        }

        @Override
        public Integer getMappedPort(int originalPort) {
            assertThat(originalPort).isEqualTo(AuthleteMockContainer.PORT);
            return port;
        }

        @Override
        public java.util.Set<Integer> getLivenessCheckPortNumbers() {
            return java.util.Set.of(port);
        }
    }
}
