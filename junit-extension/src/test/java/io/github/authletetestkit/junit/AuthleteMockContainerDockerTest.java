package io.github.authletetestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The image itself, in Docker: skipped where there is no Docker engine, or the image has not been built. */
@Testcontainers(disabledWithoutDocker = true)
class AuthleteMockContainerDockerTest {

    @Test
    void answersTheServiceApiWithTheConfiguredCredentials() throws Exception {
        String image = AuthleteMockContainer.defaultImage().asCanonicalNameString();
        assumeTrue(imagePresent(image), "build the image first: " + image);
        try (AuthleteMockContainer mock = new AuthleteMockContainer().withServiceId(42).withServiceToken("docker-token")) {
            mock.start();

            HttpResponse<String> service = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(mock.baseUrl() + "/api/42/service/get")).header("Authorization", "Bearer docker-token").build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(service.statusCode()).isEqualTo(200);
            assertThat(service.body()).contains("\"apiKey\":42");
            mock.control().verify("service_get_api", 1);
            assertThat(mock.control().advanceClock(Duration.ofMinutes(11)).offset()).isEqualTo(Duration.ofMinutes(11));
            mock.control().reset();
            assertThat(mock.control().calls()).isEmpty();
        }
    }

    private static boolean imagePresent(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (RuntimeException notFound) {
            return false;
        }
    }
}
