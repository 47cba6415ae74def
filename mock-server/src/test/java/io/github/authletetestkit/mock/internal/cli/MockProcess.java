package io.github.authletetestkit.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.model.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged jar run as a process, as a user runs it: started with arguments, read from its banner, stopped with TERM. */
public final class MockProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "authlete-mock-server.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final String baseUrl;
    /** Standard output after the banner: the call log. */
    private final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();

    private MockProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** A started process, once its banner says so. */
    public static MockProcess start(String... args) throws IOException {
        return start(builder(args));
    }

    /** A started process of this builder (say, in another working directory), once its banner says so. */
    static MockProcess start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("Press Ctrl-C")) {
            lines.add(line);
        }
        Matcher url = Pattern.compile("base URL:\\s+(\\S+)").matcher(String.join("\n", lines));
        assertThat(url.find()).as("banner: " + lines).isTrue();
        MockProcess started = new MockProcess(process, url.group(1));
        // keep reading so that a full pipe never blocks the process's call log
        Thread.ofVirtual().start(() -> out.lines().forEach(started.log::add));
        return started;
    }

    static ProcessBuilder builder(String... args) {
        assertThat(JAR).exists();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** Where it listens, as its banner says: {@code http://localhost:<port>}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** A JSON call to the mock's API. */
    JsonNode call(String method, String path, String token, String jsonBody) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token);
        request.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
        return Json.parse(response.body());
    }

    /** The call-log lines written so far. */
    List<String> log() {
        return List.copyOf(log);
    }

    /** The process itself, to wait for it or read its standard error. */
    Process process() {
        return process;
    }

    /** Stops the process with TERM, as Ctrl-C or {@code docker stop} do, and waits for it to end. */
    int stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops on TERM").isTrue();
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
