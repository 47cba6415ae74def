package io.github.authletetestkit.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.model.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Docker image without Docker: the run stage of the Dockerfile is read, and its ENTRYPOINT and
 * HEALTHCHECK commands are run here with its ENV against the jar the build just made.
 */
class DockerfileIT {

    private static final Path DOCKERFILE = Path.of("..", "Dockerfile");
    private static final Path JAR = Path.of("target", "authlete-mock-server.jar");
    private static final String JAR_IN_IMAGE = "/app/authlete-mock-server.jar";
    private static final String AOT_CACHE_IN_IMAGE = "/app/authlete-mock-server.aot";
    private static final Path AOT_CACHE = Path.of("target", "dockerfile-it", "authlete-mock-server.aot");
    /** The image runs a JRE 25; on an older build JDK the ahead-of-time flags are left out. */
    private static final boolean AOT_SUPPORTED = Runtime.version().feature() >= 25;

    private static List<String> runStage;

    @BeforeAll
    static void readRunStage() throws Exception {
        List<String> lines = joinContinuations(Files.readAllLines(DOCKERFILE));
        int lastFrom = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FROM ")) {
                lastFrom = i;
            }
        }
        runStage = lines.subList(lastFrom, lines.size());
    }

    @Test
    void runStageIsASmallNonRootJreImageThatExposes8080() {
        assertThat(runStage.get(0)).matches("FROM eclipse-temurin:2[1-9]-jre.*");
        assertThat(instruction("USER")).isNotEqualTo("root").isNotEqualTo("0");
        assertThat(instruction("EXPOSE")).isEqualTo("8080");
        assertThat(environment()).containsEntry("AUTHLETE_MOCK_PORT", "8080").containsEntry("AUTHLETE_MOCK_BIND", "0.0.0.0");
        assertThat(instruction("HEALTHCHECK")).contains("io.github.authletetestkit.mock.internal.cli.HealthCheck");
    }

    @Test
    void entrypointAndHealthcheckWorkWithTheImagesEnvironment() throws Exception {
        Map<String, String> env = new LinkedHashMap<>(environment());
        int port = freePort();
        env.put("AUTHLETE_MOCK_PORT", Integer.toString(port)); // 8080 may be taken on the build machine
        trainAheadOfTimeCache();
        List<String> entrypoint = new ArrayList<>(command("ENTRYPOINT"));
        if (AOT_SUPPORTED) {
            entrypoint.add(1, "-XX:AOTMode=on"); // fail, rather than start slowly, if the image's cache does not fit the command
        }
        Process server = start(entrypoint, env);
        try {
            waitForBanner(server);
            assertThat(run(command("HEALTHCHECK"), env)).as("health check exit code while running").isZero();
        } finally {
            server.destroy();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(run(command("HEALTHCHECK"), env)).as("health check exit code when stopped").isEqualTo(1);
    }

    /** The run stage's training RUN, as the image build runs it: it must succeed and leave the cache behind. */
    private static void trainAheadOfTimeCache() throws Exception {
        Files.createDirectories(AOT_CACHE.getParent());
        Files.deleteIfExists(AOT_CACHE);
        List<String> training = command("RUN");
        assertThat(training).contains("io.github.authletetestkit.mock.internal.cli.AotTraining");
        Process process = start(training, Map.of());
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("AOT training exit code; its output:%n%s", output).isZero();
        if (AOT_SUPPORTED) {
            assertThat(AOT_CACHE).isNotEmptyFile();
        }
    }

    private static int run(List<String> command, Map<String, String> env) throws Exception {
        Process process = start(command, env);
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static Process start(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void waitForBanner(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("Press Ctrl-C")) {
                assertThat(seen).contains("base URL:      http://localhost:");
                return;
            }
        }
        throw new AssertionError("the server stopped before it was ready:\n" + seen);
    }

    /** An exec-form command of the run stage, with the image's java and jar replaced by this build's. */
    private static List<String> command(String instruction) {
        String value = instruction(instruction);
        Matcher exec = Pattern.compile("(\\[.*])").matcher(value.substring(value.indexOf("CMD") >= 0 ? value.indexOf("CMD") : 0));
        assertThat(exec.find()).as(instruction + " uses the exec form").isTrue();
        JsonNode parts = Json.parse(exec.group(1));
        List<String> command = new ArrayList<>();
        for (JsonNode part : parts) {
            String arg = part.asText();
            if (arg.startsWith("-XX:AOT") && !AOT_SUPPORTED) {
                continue;
            }
            command.add(arg.equals("java") ? ProcessHandle.current().info().command().orElse("java")
                    : arg.equals(JAR_IN_IMAGE) ? JAR.toAbsolutePath().toString()
                    : arg.replace(AOT_CACHE_IN_IMAGE, AOT_CACHE.toAbsolutePath().toString()));
        }
        return command;
    }

    private static String instruction(String name) {
        return runStage.stream().filter(l -> l.startsWith(name + " ")).reduce((a, b) -> b)
                .map(l -> l.substring(name.length() + 1).trim()).orElseThrow(() -> new AssertionError("no " + name + " in the run stage"));
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        Matcher pair = Pattern.compile("(\\w+)=(\\S+)").matcher(String.join(" ",
                runStage.stream().filter(l -> l.startsWith("ENV ")).toList()));
        while (pair.find()) {
            env.put(pair.group(1), pair.group(2));
        }
        return env;
    }

    private static List<String> joinContinuations(List<String> raw) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : raw) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                lines.add(current.append(trimmed).toString());
                current.setLength(0);
            }
        }
        return lines;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
