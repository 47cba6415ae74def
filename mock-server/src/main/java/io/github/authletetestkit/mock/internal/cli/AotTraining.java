package io.github.authletetestkit.mock.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.model.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The training run for a JDK 25 ahead-of-time cache: starts a mock on a free port, runs one code flow
 * through it over HTTP, and exits. Run under {@code -XX:AOTCacheOutput=FILE}, it records the classes the
 * start-up and a request's path load and link, so a later {@code java -XX:AOTCache=FILE -jar …} starts
 * faster (most of a cold start is class loading for the spec parser, WireMock and Jetty).
 *
 * <pre>{@code
 * java -XX:AOTCacheOutput=mock.aot -cp authlete-mock-server.jar io.github.authletetestkit.mock.internal.cli.AotTraining
 * java -XX:AOTCache=mock.aot -jar authlete-mock-server.jar
 * }</pre>
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        try (AuthleteMockServer mock = startAsTheCommandLineDoes()) {
            new Trainer(mock).codeFlow();
        }
        System.out.println("AOT training run finished");
        System.exit(0);
    }

    /**
     * A mock on a free port, started the way {@code java -jar} starts one: the command line's options parsed by
     * picocli, the settings they make, the call log and the banner (written to nowhere); so the cache also holds
     * what the image's start-up spends in the command line, not only the mock's own start.
     */
    static AuthleteMockServer startAsTheCommandLineDoes() {
        MockServerCommand command = new MockServerCommand();
        MockServerCommand.commandLine(command).parseArgs("--port", "0");
        AuthleteMockServer mock = AuthleteMockServer.of(command.settings()).start();
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        command.announce(mock, 0, nowhere, nowhere);
        return mock;
    }

    /** The calls of an app's code flow; a wrong answer fails the training run, so a broken image is not built. */
    private record Trainer(AuthleteMockServer mock, HttpClient http) {

        Trainer(AuthleteMockServer mock) {
            this(mock, HttpClient.newHttpClient());
        }

        void codeFlow() throws IOException, InterruptedException {
            call("GET", "/api/lifecycle/healthcheck", null);
            JsonNode client = call("POST", "/client/create",
                    "{\"clientName\":\"aot-training\",\"redirectUris\":[\"https://app.example/cb\"],"
                            + "\"grantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"],\"responseTypes\":[\"CODE\"]}");
            String clientId = client.path("clientId").asText();
            String secret = client.path("clientSecret").asText();
            JsonNode authorization = call("POST", "/auth/authorization", json("parameters",
                    "response_type=code&client_id=" + clientId + "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&scope=openid&state=s&nonce=n"));
            JsonNode issued = call("POST", "/auth/authorization/issue",
                    "{\"ticket\":\"" + authorization.path("ticket").asText() + "\",\"subject\":\"aot-user\"}");
            String code = issued.path("authorizationCode").asText();
            JsonNode token = call("POST", "/auth/token", "{\"parameters\":\"grant_type=authorization_code&code=" + code
                    + "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb\",\"clientId\":\"" + clientId + "\",\"clientSecret\":\"" + secret + "\"}");
            call("POST", "/auth/introspection", json("token", token.path("accessToken").asText()));
            call("DELETE", "/client/delete/" + clientId, null);
        }

        private static String json(String name, String value) {
            return Json.object().put(name, value).toString();
        }

        private JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
            String url = mock.baseUrl() + (path.startsWith("/api/") ? path : "/api/" + mock.serviceId() + path);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + mock.serviceToken())
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            return json ? Json.parse(response.body()) : Json.object();
        }
    }
}
