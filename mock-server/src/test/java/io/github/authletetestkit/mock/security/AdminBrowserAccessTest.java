package io.github.authletetestkit.mock.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /__admin} as a web page in a browser would reach it: cross-origin reads, preflights, simple POSTs, DNS rebinding. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminBrowserAccessTest {

    private static final String EVIL = "https://evil.example";
    private static final String APP = "http://localhost:3000";
    private final HttpClient http = HttpClient.newHttpClient();
    private AuthleteMockServer mock;
    private AuthleteMockServer withCors;

    @BeforeAll
    void start() {
        mock = AuthleteMockServer.builder().build().start();
        withCors = AuthleteMockServer.builder().adminCors(APP).build().start();
    }

    @AfterAll
    void stop() {
        mock.stop();
        withCors.stop();
    }

    private HttpResponse<String> send(AuthleteMockServer server, String method, String path, String origin, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCrossOriginReadOfTheStateGetsNoCorsHeaders() throws Exception {
        HttpResponse<String> state = send(mock, "GET", "/__admin/authlete/state", EVIL, null, null);

        assertThat(state.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(state.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void aPreflightIsRefusedUnlessItsOriginIsConfigured() throws Exception {
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/authlete/reset"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", EVIL)
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(URI.create(withCors.baseUrl() + "/__admin/authlete/reset"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", APP)
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).isEqualTo(204);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(APP);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers")).contains("content-type");
    }

    @Test
    void theConfiguredOriginReadsAndOthersStillDoNot() throws Exception {
        assertThat(send(withCors, "GET", "/__admin/authlete/state", APP, null, null).headers().firstValue("Access-Control-Allow-Origin"))
                .contains(APP);
        HttpResponse<String> other = send(withCors, "GET", "/__admin/authlete/state", EVIL, null, null);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(other.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void aSimpleCrossSitePostCannotShutTheServerDown() throws Exception {
        HttpResponse<String> shutdown = send(mock, "POST", "/__admin/shutdown", EVIL, "text/plain", "x");

        assertThat(shutdown.statusCode()).isEqualTo(403);
        assertThat(shutdown.body()).contains("--admin-cors");
        assertThat(mock.isRunning()).isTrue();
    }

    @Test
    void aStateChangeWithABrowserOnlyContentTypeIsRefusedEvenWithoutAnOrigin() throws Exception {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            HttpResponse<String> reset = send(mock, "POST", "/__admin/authlete/reset", null, type, "x");
            assertThat(reset.statusCode()).as(type).isEqualTo(415);
            assertThat(reset.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        }
        assertThat(send(mock, "POST", "/__admin/authlete/reset", null, null, null).statusCode()).as("curl -X POST").isLessThan(300);
        assertThat(send(mock, "POST", "/__admin/authlete/reset", mock.baseUrl(), "application/json", "{}").statusCode())
                .as("same origin").isLessThan(300);
        assertThat(send(withCors, "POST", "/__admin/authlete/reset", APP, "application/json", "{}").statusCode())
                .as("the configured origin, after its preflight").isLessThan(300);
    }

    @Test
    void aReboundHostNameIsRefusedLocalhostAndAddressesAreNot() throws Exception {
        assertThat(rawGet(mock, "attacker.example:" + mock.port(), "/__admin/authlete/state")).startsWith("HTTP/1.1 403");
        assertThat(rawGet(mock, "localhost:" + mock.port(), "/__admin/authlete/state")).startsWith("HTTP/1.1 200");
        assertThat(rawGet(mock, "127.0.0.1:" + mock.port(), "/__admin/authlete/state")).startsWith("HTTP/1.1 200");
    }

    @Test
    void theApiSendsNoCorsHeaders() throws Exception {
        HttpResponse<String> health = send(mock, "GET", "/api/lifecycle/healthcheck", EVIL, null, null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    /** java.net.http does not let a caller choose the Host header; a browser after DNS rebinding sends the attacker's name. */
    private static String rawGet(AuthleteMockServer server, String host, String path) throws IOException {
        try (Socket socket = new Socket("localhost", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
