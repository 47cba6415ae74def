package io.github.authletetestkit.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.authletetestkit.mock.AuthleteMockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Authlete's TypeScript SDK ({@code src/test/node/typescript-sdk}, installed from the npm registry), unchanged, against
 * the jar in default and strict mode: the SDK validates every response against Authlete's schemas and the run fails on
 * any validation error. Skipped, saying why, only where {@code node} or {@code npm} is missing.
 */
class TypeScriptSdkIT {

    private static final Path SOURCE = Path.of("src", "test", "node", "typescript-sdk");
    private static final Path PROJECT = Path.of("target", "typescript-sdk-consumer");

    @BeforeAll
    static void installTheSdk() throws Exception {
        assumeTrue(runs("node", "--version") && runs("npm", "--version"),
                "node and npm are not on the PATH: the TypeScript SDK consumer test needs Node.js 18+ (.ci/run installs it)");
        Files.createDirectories(PROJECT);
        for (String file : List.of("package.json", "package-lock.json", "consumer.mjs")) {
            Files.copy(SOURCE.resolve(file), PROJECT.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Result install = run(PROJECT, Map.of(), 300, "npm", "ci", "--no-audit", "--no-fund");
        assertThat(install.exitCode()).as("npm ci:\n" + install.output()).isZero();
    }

    @ParameterizedTest(name = "strict = {0}")
    @ValueSource(booleans = {false, true})
    void theSdkRunsEveryCallWithoutAValidationError(boolean strict) throws Exception {
        try (MockProcess mock = MockProcess.start("--port", "0", "--strict=" + strict)) {
            Result run = run(PROJECT, Map.of("AUTHLETE_BASE_URL", mock.baseUrl(),
                    "AUTHLETE_SERVICE_ID", Long.toString(AuthleteMockServer.DEFAULT_SERVICE_ID),
                    "AUTHLETE_SERVICE_TOKEN", AuthleteMockServer.DEFAULT_SERVICE_TOKEN), 120, "node", "consumer.mjs");

            System.out.println(run.output());
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("all 9 steps ok").doesNotContain("FAIL");
        }
    }

    private record Result(int exitCode, String output) {}

    private static boolean runs(String... command) {
        try {
            return run(Path.of("."), Map.of(), 30, command).exitCode() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Result run(Path directory, Map<String, String> environment, int timeoutSeconds, String... command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("typescript-sdk", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out after " + timeoutSeconds + " s:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Result(process.exitValue(), output);
    }
}
