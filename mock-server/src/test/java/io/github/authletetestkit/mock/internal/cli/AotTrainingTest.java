package io.github.authletetestkit.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The AOT training run starts its mock through the command line, as the image's {@code java -jar} does. */
class AotTrainingTest {

    @Test
    void theTrainingMockIsStartedFromTheCommandLinesOwnDefaultsOnAFreePort() throws Exception {
        try (AuthleteMockServer mock = AotTraining.startAsTheCommandLineDoes()) {
            assertThat(mock.isRunning()).isTrue();
            assertThat(mock.port()).isPositive().isNotEqualTo(8080);
            assertThat(mock.settings().bindAddress()).isEqualTo("localhost");
            assertThat(mock.serviceId()).isEqualTo(AuthleteMockServer.DEFAULT_SERVICE_ID);
            assertThat(mock.settings().validateRequests()).isTrue();

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/api/lifecycle/healthcheck")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }
}
