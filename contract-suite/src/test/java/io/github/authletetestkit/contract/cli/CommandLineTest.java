package io.github.authletetestkit.contract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.contract.internal.report.ReportWriter;
import io.github.authletetestkit.contract.internal.target.Credentials;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return ContractSuiteCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpShowsTheOptionsTheEnvironmentAndExamples() {
        assertThat(run(Map.of(), "--help")).isZero();

        assertThat(out()).contains("--target", "--region", "--spec", "--compare-with", "--read-only", "--cleanup", "--flows",
                "AUTHLETE_SERVICE_ID", "AUTHLETE_SERVICE_TOKEN", "AUTHLETE_ORG_TOKEN", "Examples:",
                "java -jar contract-suite/target/authlete-contract-suite.jar --region us --compare-with mock", "Exit status");
    }

    @Test
    void theSpecExamplesNameWhereAuthletesPublishedSpecComesFromNotAFileOutsideTheRepository() throws Exception {
        assertThat(run(Map.of(), "--help")).isZero();
        String readme = Files.readString(Path.of("..", "README.md"));

        assertThat(out()).contains("github.com/authlete/openapi", "--spec spec_next.yaml").doesNotContain("../");
        assertThat(readme).contains("https://github.com/authlete/openapi", "--spec spec_next.yaml")
                .doesNotContainPattern("--spec \\.\\./").doesNotContain("shared/reference");
    }

    @Test
    void credentialsOnTheCommandLineAreRefusedWithoutEchoingThem() {
        assertThat(run(Map.of(), "--region", "us", "--service-token", "secret-value-on-the-command-line")).isEqualTo(2);

        assertThat(err()).contains("never taken on the command line", "AUTHLETE_SERVICE_TOKEN");
        assertThat(out() + err()).doesNotContain("secret-value-on-the-command-line");
    }

    @Test
    void aStrayArgumentThatLooksLikeATokenIsMaskedInTheError() {
        assertThat(run(Map.of(), "--region", "us", "V5a40R6dWvw2gMkCOBFdZcM95q4HC0Z")).isEqualTo(2);

        assertThat(err()).contains("****").doesNotContain("V5a40R6dWvw2gMkCOBFdZcM95q4HC0Z");
    }

    @Test
    void aLiveTargetWithoutCredentialsIsAUsageErrorNamingTheVariables() {
        assertThat(run(Map.of(Credentials.ENV_SERVICE_TOKEN, "present"), "--region", "eu")).isEqualTo(2);

        assertThat(err()).contains(Credentials.ENV_SERVICE_ID).doesNotContain("present");
    }

    @Test
    void unknownFlowsRegionsAndComparisonsAreUsageErrors() {
        assertThat(run(Map.of(), "--flows", "nope")).isEqualTo(2);
        assertThat(err()).contains("unknown flow 'nope'");
        assertThat(run(Map.of(), "--region", "mars")).isEqualTo(2);
        assertThat(run(Map.of(), "--compare-with", "staging")).isEqualTo(2);
        assertThat(err()).contains("--compare-with supports only 'mock'");
    }

    @Test
    void listFlowsShowsEachFlowAndItsOperations() {
        assertThat(run(Map.of(), "--list-flows")).isZero();

        assertThat(out()).contains("device-flow", "device_authorization_api", "negative-missing-token", "read-only");
    }

    @Test
    void theReadOnlyFlowsPassAgainstTheEmbeddedMock(@TempDir Path reports) throws Exception {
        int exit = run(Map.of(), "--read-only", "--report-dir", reports.toString());

        assertThat(exit).as(out() + err()).isZero();
        assertThat(out()).contains("the embedded mock, read-only", "service-read", "PASSED", "negative-unknown-client",
                "skipped: creates resources (--read-only)", "RESULT: PASSED", "Reports: ");
        assertThat(Files.exists(reports.resolve(ReportWriter.JSON))).isTrue();
        assertThat(Files.exists(reports.resolve(ReportWriter.HTML))).isTrue();
        assertThat(Files.exists(reports.resolve(ReportWriter.JUNIT))).isTrue();
    }

    @Test
    void anUnreachableTargetIsOneLineAndItsOwnExitCode() throws Exception {
        int freePort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }

        int exit = run(Map.of(), "--target", "http://127.0.0.1:" + freePort, "--read-only");

        assertThat(exit).isEqualTo(3);
        assertThat(err().strip().lines()).singleElement().asString().startsWith("Cannot reach http://127.0.0.1:" + freePort)
                .doesNotContain("Exception");
    }

    @Test
    void aLocalMockWithoutCredentialsInTheEnvironmentGetsTheMocksDefaults(@TempDir Path reports) {
        io.github.authletetestkit.mock.AuthleteMockServer mock = io.github.authletetestkit.mock.AuthleteMockServer.builder().build().start();
        try {
            int exit = run(Map.of(), "--target", mock.baseUrl(), "--read-only", "--report-dir", reports.toString());

            assertThat(exit).as(out() + err()).isZero();
            assertThat(out()).contains("using the mock's default credentials");
        } finally {
            mock.stop();
        }
    }

    @Test
    void aMissingSpecFileIsOneLine(@TempDir Path dir) {
        int exit = run(Map.of(), "--spec", dir.resolve("absent.yaml").toString(), "--report-dir", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err().strip().lines()).singleElement().asString().startsWith("Cannot use the spec: ").contains("absent.yaml");
    }
}
