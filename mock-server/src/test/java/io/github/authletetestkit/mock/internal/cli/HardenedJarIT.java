package io.github.authletetestkit.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.AuthleteMockServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar as a careless user or a hostile page would meet it: files of its directory, its log, its admin shutdown, its saves, its flags. */
class HardenedJarIT {

    private static final String SERVICE = "/api/" + AuthleteMockServer.DEFAULT_SERVICE_ID;
    private static final String TOKEN = AuthleteMockServer.DEFAULT_SERVICE_TOKEN;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static HttpResponse<String> send(MockProcess mock, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mock.baseUrl() + path)).header("Authorization", "Bearer " + TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String createToken(MockProcess mock) throws Exception {
        JsonNode client = mock.call("POST", SERVICE + "/client/create", TOKEN,
                "{\"clientName\": \"hardening\", \"clientType\": \"CONFIDENTIAL\", \"grantTypes\": [\"CLIENT_CREDENTIALS\"]}");
        JsonNode token = mock.call("POST", SERVICE + "/auth/token/create", TOKEN,
                "{\"grantType\": \"CLIENT_CREDENTIALS\", \"clientId\": " + client.get("clientId").asLong() + ", \"scopes\": []}");
        return token.get("accessToken").asText();
    }

    @Test
    void startedInAProjectFolderItReadsAndWritesNoFileThere() throws Exception {
        Path resources = Files.createDirectories(dir.resolve("src/test/resources"));
        Files.createDirectories(resources.resolve("mappings"));
        Files.createDirectories(resources.resolve("__files"));
        Files.writeString(resources.resolve("mappings/stray.json"), """
                {"priority": 1, "request": {"method": "POST", "urlPathPattern": "/api/.*/auth/introspection"},
                 "response": {"status": 200, "jsonBody": {"action": "OK", "subject": "admin"}}}""");
        Files.writeString(resources.resolve("__files/page.txt"), "served from the folder");

        try (MockProcess mock = MockProcess.start(MockProcess.builder("--port", "0").directory(dir.toFile()))) {
            JsonNode introspection = mock.call("POST", SERVICE + "/auth/introspection", TOKEN, "{\"token\": \"bogus\"}");
            assertThat(introspection.get("action").asText()).isNotEqualTo("OK");
            assertThat(send(mock, "GET", "/page.txt", null).body()).doesNotContain("served from the folder");
            HttpResponse<String> put = send(mock, "PUT", "/__admin/files/written.txt", "{}");
            assertThat(put.statusCode()).as(put.body()).isGreaterThanOrEqualTo(400);
        }
        assertThat(resources.resolve("__files/written.txt")).doesNotExist();
    }

    @Test
    void withARootDirectoryItsStubsAreServedAndATokenDeleteKeepsTheTokenOutOfTheLog() throws Exception {
        Files.createDirectories(dir.resolve("mappings"));
        Files.writeString(dir.resolve("mappings/extra.json"), """
                {"request": {"method": "GET", "url": "/extra"}, "response": {"status": 200, "body": "from the root dir"}}""");

        try (MockProcess mock = MockProcess.start("--port", "0", "--root-dir", dir.toString())) {
            assertThat(send(mock, "GET", "/extra", null).body()).isEqualTo("from the root dir");

            String accessToken = createToken(mock);
            assertThat(send(mock, "DELETE", SERVICE + "/auth/token/delete/" + accessToken, null).statusCode()).isLessThan(300);
            mock.stop();
            assertThat(mock.log()).anySatisfy(line -> assertThat(line).contains("auth_token_delete_api"));
            assertThat(String.join("\n", mock.log())).doesNotContain(accessToken);
        }
    }

    @Test
    void staleTemporaryFilesGoAtStartAndAdminShutdownSavesTheStateAndExitsZero() throws Exception {
        Path state = dir.resolve("state.json");
        Path stale = Files.writeString(dir.resolve("state.json4711.tmp"), "half a save");
        try (MockProcess mock = MockProcess.start("--port", "0", "--state-file", state.toString())) {
            assertThat(stale).doesNotExist();
            mock.call("POST", SERVICE + "/client/create", TOKEN, "{\"clientName\": \"kept at shutdown\"}");
            assertThat(send(mock, "POST", "/__admin/shutdown", null).statusCode()).isLessThan(300);

            assertThat(mock.process().waitFor(30, TimeUnit.SECONDS)).as("the JVM exits").isTrue();
            assertThat(mock.process().exitValue()).isZero();
        }
        assertThat(Files.readString(state)).contains("kept at shutdown");
    }

    @Test
    void aFailedSaveAtStopIsReportedAndTheExitStatusSaysSo() throws Exception {
        Path states = dir.resolve("states");
        Path stderrFile = dir.resolve("stderr.txt");
        try (MockProcess mock = MockProcess.start(MockProcess.builder("--port", "0", "--state-file", states.resolve("state.json").toString())
                .redirectError(stderrFile.toFile()))) {
            // the directory becomes a plain file: no save can succeed any more
            Files.delete(states);
            Files.writeString(states, "in the way");
            int status = mock.stop();
            String stderr = Files.readString(stderrFile);

            assertThat(status).isNotZero();
            assertThat(stderr).contains("Could not save the state", "state.json");
        }
    }

    @Test
    void commonMistakesPrintOneLineAndNoStackTrace() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        try (ServerSocket taken = new ServerSocket(0)) {
            assertOneLineFailure("--port", Integer.toString(taken.getLocalPort()));
        }
        assertOneLineFailure("--port", "eighty");
        assertOneLineFailure("--no-such-flag");
        assertThat(assertOneLineFailure("--port", "0", "--state-file", notADirectory.resolve("state.json").toString())).contains("not writable");
    }

    private static String assertOneLineFailure(String... args) throws Exception {
        Process process = MockProcess.builder(args).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(process.exitValue()).as(String.join(" ", args)).isNotZero();
        assertThat(stderr.lines()).as(stderr).hasSize(1);
        assertThat(stderr).doesNotContain("Exception", "\tat ");
        return stderr;
    }
}
