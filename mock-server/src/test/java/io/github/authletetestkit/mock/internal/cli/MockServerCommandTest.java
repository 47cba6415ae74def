package io.github.authletetestkit.mock.internal.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.MockServerSettings;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.spec.internal.RateLimits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's options, defaults and banner (the jar itself is exercised by {@code StandaloneJarIT}). */
class MockServerCommandTest {

    @Test
    void optionsBecomeSettings() {
        MockServerCommand command = new MockServerCommand();
        new CommandLine(command).parseArgs("--port", "0", "--bind", "127.0.0.1", "--service-id", "1234567890123",
                "--service-token", "st", "--org-token", "ot", "--issuer", "https://issuer.example", "--strict");

        MockServerSettings settings = command.settings();

        assertThat(settings.port()).isZero();
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.serviceId()).isEqualTo(1234567890123L);
        assertThat(settings.serviceToken()).isEqualTo("st");
        assertThat(settings.orgToken()).isEqualTo("ot");
        assertThat(settings.issuer()).isEqualTo("https://issuer.example");
        assertThat(settings.strict()).isTrue();
        assertThat(settings.validateRequests()).isTrue();
        assertThat(settings.spec()).isNull();
    }

    @Test
    void rateLimitsAndAdminTokenBecomeSettings() {
        MockServerCommand command = new MockServerCommand();
        new CommandLine(command).parseArgs("--rate-limits", "--admin-token", "s3cret");

        assertThat(command.settings().rateLimits()).isTrue();
        assertThat(command.settings().adminToken()).isEqualTo("s3cret");
        assertThat(command.settings().rateLimitTable()).as("the CLI always uses Authlete's published limits")
                .isEqualTo(RateLimits.authlete().asLabels());
    }

    @Test
    void defaultsWithoutOptionsOrEnvironment() {
        MockServerCommand command = new MockServerCommand();
        new CommandLine(command).parseArgs();

        MockServerSettings settings = command.settings();

        assertThat(settings.port()).isEqualTo(System.getenv("AUTHLETE_MOCK_PORT") == null ? 8080 : Integer.parseInt(System.getenv("AUTHLETE_MOCK_PORT")));
        assertThat(settings.strict()).isFalse();
        assertThat(settings.serviceId()).isEqualTo(AuthleteMockServer.DEFAULT_SERVICE_ID);
        assertThat(settings.rateLimits()).isEqualTo(Boolean.parseBoolean(System.getenv("AUTHLETE_MOCK_RATE_LIMITS")));
        assertThat(settings.adminToken()).isEqualTo(System.getenv("AUTHLETE_MOCK_ADMIN_TOKEN"));
    }

    @Test
    void storeBecomesASettingAndAnUnreachableRedisIsOneLine() {
        MockServerCommand command = new MockServerCommand();
        new CommandLine(command).parseArgs("--store", "redis://127.0.0.1:1/0?deployment=x");
        assertThat(command.settings().store()).hasToString("redis://127.0.0.1:1/0?deployment=x");
        assertThat(MockServerCommand.withoutPassword(java.net.URI.create("redis://u:secret@h:6379/0"))).isEqualTo("redis://***@h:6379/0");

        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new MockServerCommand()).setErr(new PrintWriter(err));
        assertThat(cli.execute("--port", "0", "--store", "redis://127.0.0.1:1/0")).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("Cannot start the Authlete mock server: cannot reach Redis at 127.0.0.1:1").doesNotContain("\n\tat ");

        err.getBuffer().setLength(0);
        assertThat(cli.execute("--port", "0", "--store", "http://127.0.0.1:6379")).isEqualTo(2);
        assertThat(err.toString()).contains("redis://host:port");
    }

    @Test
    void deterministicTakesASeedAndIsOffByDefault() {
        MockServerCommand command = new MockServerCommand();
        new CommandLine(command).parseArgs("--deterministic", "20260101");
        MockServerCommand plain = new MockServerCommand();
        new CommandLine(plain).parseArgs();

        assertThat(command.settings().deterministicSeed()).isEqualTo(20260101L);
        assertThat(plain.settings().deterministicSeed()).isEqualTo(System.getenv("AUTHLETE_MOCK_DETERMINISTIC") == null
                ? null : Long.valueOf(System.getenv("AUTHLETE_MOCK_DETERMINISTIC")));
    }

    @Test
    void noValidationTurnsBothChecksOff() {
        MockServerCommand command = new MockServerCommand();
        new CommandLine(command).parseArgs("--no-validation");

        assertThat(command.settings().validateRequests()).isFalse();
        assertThat(command.settings().validateResponses()).isFalse();
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new MockServerCommand()).setErr(new PrintWriter(err));

        assertThat(cli.execute("--port", "not-a-number")).isEqualTo(2);
        assertThat(err.toString()).contains("--port");
    }

    @Test
    void helpListsEveryOptionWithItsEnvironmentVariable() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new MockServerCommand()).setOut(new PrintWriter(out));

        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("AUTHLETE_MOCK_PORT", "AUTHLETE_MOCK_BIND", "AUTHLETE_MOCK_SERVICE_ID",
                "AUTHLETE_MOCK_SERVICE_TOKEN", "AUTHLETE_MOCK_ORG_TOKEN", "AUTHLETE_MOCK_SPEC", "AUTHLETE_MOCK_STRICT",
                "AUTHLETE_MOCK_RATE_LIMITS", "AUTHLETE_MOCK_ADMIN_TOKEN", "AUTHLETE_MOCK_STORE");
    }

    @Test
    void bannerPrintsACurlCommandThatWorksAsPrinted() throws Exception {
        try (AuthleteMockServer server = AuthleteMockServer.builder().build().start()) {
            String banner = banner(server);

            assertThat(banner).contains(server.baseUrl(), Long.toString(server.serviceId()), server.serviceToken(), server.orgToken());
            assertThat(curlAsPrinted(banner)).contains("\"apiKey\":" + server.serviceId());
        }
    }

    @Test
    void withASeedsServicesTheBannerNamesThemInsteadOfTheDefault() throws Exception {
        JsonNode seed = Json.parse("{\"services\": [{\"serviceId\": 1000001, \"serviceTokens\": [\"token-a\"]}]}");
        try (AuthleteMockServer server = AuthleteMockServer.builder().seed(seed).build().start()) {
            String banner = banner(server);

            assertThat(banner).contains("services:      [1000001]").doesNotContain(server.serviceToken());
            assertThat(curlAsPrinted(banner)).contains("\"apiKey\":1000001");
        }
    }

    @Test
    void withJsonLogsStandardOutputCarriesOnlyJsonAndTheBannerGoesToStandardError() throws Exception {
        Streams streams = announceAndCallOnce("json", true);

        assertThat(streams.err()).contains("base URL:", "Press Ctrl-C to stop.");
        assertThat(streams.out().lines().toList()).singleElement()
                .satisfies(line -> assertThat(Json.parse(line).path("operation").asText()).isEqualTo("service_get_api"));
    }

    @Test
    void withTextLogsTheBannerAndTheCallsShareStandardOutput() throws Exception {
        Streams streams = announceAndCallOnce("text", false);

        assertThat(streams.out()).contains("base URL:", "service_get_api -> 200");
        assertThat(streams.err()).isEmpty();
    }

    private record Streams(String out, String err) {}

    /** Starts the logging and the banner as the command does, then runs the banner's curl command once. */
    private static Streams announceAndCallOnce(String logFormat, boolean bannerOnErr) throws Exception {
        MockServerCommand command = new MockServerCommand();
        new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--log-format", logFormat);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (AuthleteMockServer server = AuthleteMockServer.builder().build().start()) {
            command.announce(server, 5, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
            curlAsPrinted((bannerOnErr ? err : out).toString(UTF_8));
        }
        return new Streams(out.toString(UTF_8), err.toString(UTF_8));
    }

    private static String banner(AuthleteMockServer server) {
        StringWriter out = new StringWriter();
        MockServerCommand.printBanner(server, 123, new PrintWriter(out, true));
        return out.toString();
    }

    /** Runs the banner's curl command; its body, asserted 200. */
    private static String curlAsPrinted(String banner) throws Exception {
        Matcher curl = Pattern.compile("curl -s -H 'Authorization: Bearer ([^']+)' (\\S+)").matcher(banner);
        assertThat(curl.find()).isTrue();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(curl.group(2)))
                .header("Authorization", "Bearer " + curl.group(1)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void seedAndStateOptionsBecomeSettings() {
        MockServerCommand command = new MockServerCommand();
        new CommandLine(command).parseArgs("--seed", "seed.json", "--state-file", "state.json", "--state-save-interval", "45");

        MockServerSettings settings = command.settings();

        assertThat(settings.seedFile()).isEqualTo(Path.of("seed.json"));
        assertThat(settings.stateFile()).isEqualTo(Path.of("state.json"));
        assertThat(settings.stateSaveInterval()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void theSaveIntervalIsSecondsOrAnIsoDurationAndDefaultsToHalfAMinute() {
        MockServerCommand iso = new MockServerCommand();
        new CommandLine(iso).parseArgs("--state-save-interval", "PT2M");
        MockServerCommand none = new MockServerCommand();
        new CommandLine(none).parseArgs();
        StringWriter err = new StringWriter();

        assertThat(iso.settings().stateSaveInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(none.settings().stateSaveInterval()).isEqualTo(System.getenv("AUTHLETE_MOCK_STATE_SAVE_INTERVAL") == null
                ? Duration.ofSeconds(30) : none.settings().stateSaveInterval());
        assertThat(none.settings().seedFile()).isEqualTo(System.getenv("AUTHLETE_MOCK_SEED") == null ? null : none.settings().seedFile());
        assertThat(new CommandLine(new MockServerCommand()).setErr(new PrintWriter(err)).execute("--state-save-interval", "soon"))
                .isEqualTo(2);
        assertThat(new CommandLine(new MockServerCommand()).setErr(new PrintWriter(err)).execute("--state-save-interval", "PT0S"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--state-save-interval", "'soon' is neither seconds nor an ISO-8601 duration", "must be positive");
    }

    @Test
    void aBadSeedFileStopsTheStartWithFileAndField(@TempDir Path dir) throws Exception {
        Path seed = Files.writeString(dir.resolve("seed.json"), "{\"services\": [{\"serviceId\": 1, \"clients\": [{\"clientId\": \"x\"}]}]}");
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new MockServerCommand()).setErr(new PrintWriter(err, true))
                .execute("--port", "0", "--seed", seed.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains(seed.toAbsolutePath().toString(), "services[0].clients[0].clientId");
    }

    @Test
    void aCorruptStateFileStopsTheStartAndIsLeftAlone(@TempDir Path dir) throws Exception {
        Path state = Files.writeString(dir.resolve("state.json"), "{\"services\": [");
        byte[] before = Files.readAllBytes(state);
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new MockServerCommand()).setErr(new PrintWriter(err, true))
                .execute("--port", "0", "--state-file", state.toString(), "--state-save-interval", "1");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains(state.toAbsolutePath().toString(), "not valid JSON");
        Thread.sleep(1500);
        assertThat(Files.readAllBytes(state)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file either").containsExactly(state);
        }
    }

    private static String failedStart(String... args) {
        StringWriter err = new StringWriter();
        new CommandLine(new MockServerCommand()).setErr(new PrintWriter(err, true)).execute(args);
        return err.toString();
    }

    @Test
    void aMissingSpecFileIsOneCleanLine(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new MockServerCommand()).setErr(new PrintWriter(err, true))
                .execute("--port", "0", "--spec", dir.resolve("no-such-spec.yaml").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip().lines()).singleElement().asString()
                .startsWith("Cannot start the Authlete mock server: ").contains("no-such-spec.yaml").doesNotContain("Exception");
    }

    @Test
    void aMissingSeedFileSaysSoWithoutAJavaExceptionName(@TempDir Path dir) {
        String err = failedStart("--port", "0", "--seed", dir.resolve("absent.json").toString());

        assertThat(err.strip().lines()).singleElement().asString().contains("absent.json", "no such file").doesNotContain("Exception");
    }

    @Test
    void aMalformedSeedNamesTheLineAndColumn(@TempDir Path dir) throws Exception {
        Path seed = Files.writeString(dir.resolve("seed.json"), "{\n  \"services\": [\n    {\"serviceId\": 1,,}\n  ]\n}\n");

        String err = failedStart("--port", "0", "--seed", seed.toString());

        assertThat(err).contains("seed.json", "not valid JSON at line 3, column ");
        assertThat(err.strip().lines()).hasSize(1);
    }
}
