package io.github.authletetestkit.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.MockServerSettings;
import io.github.authletetestkit.spec.RateLimits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
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
        assertThat(command.settings().rateLimitTable().asMap()).as("the CLI always uses Authlete's published limits")
                .isEqualTo(RateLimits.authlete().asMap());
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
                "AUTHLETE_MOCK_RATE_LIMITS", "AUTHLETE_MOCK_ADMIN_TOKEN");
    }

    @Test
    void bannerPrintsACurlCommandThatWorksAsPrinted() throws Exception {
        try (AuthleteMockServer server = AuthleteMockServer.builder().build().start()) {
            StringWriter out = new StringWriter();
            MockServerCommand.printBanner(server, 123, new PrintWriter(out, true));
            String banner = out.toString();

            assertThat(banner).contains(server.baseUrl(), Long.toString(server.serviceId()), server.serviceToken(), server.orgToken());
            Matcher curl = Pattern.compile("curl -s -H 'Authorization: Bearer ([^']+)' (\\S+)").matcher(banner);
            assertThat(curl.find()).isTrue();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(curl.group(2)))
                    .header("Authorization", "Bearer " + curl.group(1)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"apiKey\":" + server.serviceId());
        }
    }
}
