package io.github.authletetestkit.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
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
import org.junit.jupiter.api.Test;

/** {@code java -jar target/authlete-mock-server.jar} as a user runs it, configured by environment variables. */
class StandaloneJarIT {

    private static final Path JAR = Path.of("target", "authlete-mock-server.jar");

    @Test
    void startsFromTheEnvironmentAnswersAndStopsOnTerm() throws Exception {
        assertThat(JAR).exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString()).redirectErrorStream(true);
        builder.environment().put("AUTHLETE_MOCK_PORT", "0");
        builder.environment().put("AUTHLETE_MOCK_SERVICE_ID", "5555555555555");
        builder.environment().put("AUTHLETE_MOCK_SERVICE_TOKEN", "token-from-env");
        builder.environment().put("AUTHLETE_MOCK_STRICT", "true");
        builder.environment().put("AUTHLETE_MOCK_LOG_FORMAT", "json");
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("Press Ctrl-C")) {
                    break;
                }
            }
            String banner = String.join("\n", lines);
            assertThat(banner).contains("service ID:    5555555555555", "service token: token-from-env", "strict:        true");
            Matcher curl = Pattern.compile("curl -s -H 'Authorization: Bearer ([^']+)' (\\S+)").matcher(banner);
            assertThat(curl.find()).as(banner).isTrue();

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> service = http.send(HttpRequest.newBuilder(URI.create(curl.group(2)))
                    .header("Authorization", "Bearer " + curl.group(1)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(service.statusCode()).isEqualTo(200);
            assertThat(service.body()).contains("\"apiKey\":5555555555555");
            String baseUrl = curl.group(2).substring(0, curl.group(2).indexOf("/api/"));
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/lifecycle/healthcheck")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).isEqualTo("OK");
            String logLine = out.readLine();
            assertThat(logLine).as("one JSON log line per call").contains("\"operation\":\"service_get_api\"", "\"status\":200");
            HttpResponse<String> calls = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/__admin/authlete/calls?operation=service_get_api")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(calls.statusCode()).as("what the jar saw, with bodies").isEqualTo(200);
            assertThat(calls.body()).contains("\"operation\":\"service_get_api\"", "apiKey", "\"curl\":\"curl ");
            HttpResponse<String> requests = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/__admin/requests")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(requests.statusCode()).as("WireMock's journal answers instead of a 500 page").isEqualTo(200);
            assertThat(requests.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        } finally {
            process.destroy();
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops on TERM").isTrue();
        assertThat(String.join("\n", lines)).doesNotContain("Exception");
    }
}
