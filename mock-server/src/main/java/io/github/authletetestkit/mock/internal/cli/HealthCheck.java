package io.github.authletetestkit.mock.internal.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The Docker image's health check: exits 0 when the mock on this host answers its health check, 1 otherwise.
 * Written in Java so that the runtime image needs no curl; reads the port as the server does.
 */
public final class HealthCheck {

    private HealthCheck() {}

    public static void main(String[] args) {
        System.exit(check(port(System.getenv("AUTHLETE_MOCK_PORT"))) ? 0 : 1);
    }

    static int port(String configured) {
        if (configured == null || configured.isBlank()) {
            return 8080;
        }
        return Integer.parseInt(configured.trim());
    }

    /** Below the Dockerfile's HEALTHCHECK --timeout, above a cold mock's first answer on a loaded machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(8);

    static boolean check(int port) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/lifecycle/healthcheck"))
                            .timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().trim().equals("OK");
        } catch (Exception e) {
            return false;
        }
    }
}
