package io.github.authletetestkit.mock.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.internal.http.ApiRouteKeeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WireMock's own admin routes, and its file root, cannot take the mock's {@code /api} away or reach the disk. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireMockAdminRoutesTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private AuthleteMockServer mock;

    @BeforeAll
    void start() {
        mock = AuthleteMockServer.builder().build().start();
    }

    @AfterAll
    void stop() {
        mock.stop();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @CsvSource({"POST, /__admin/reset", "POST, /__admin/mappings/reset", "DELETE, /__admin/mappings",
            "DELETE, /__admin/mappings/" + "a0715e70-0000-4000-8000-000000000a91"})
    void theApiStillAnswersAfter(String method, String path) throws Exception {
        assertThat(ApiRouteKeeper.ROUTE_ID.toString()).isEqualTo("a0715e70-0000-4000-8000-000000000a91");
        assertThat(send(method, path).statusCode()).isLessThan(300);

        HttpResponse<String> health = send("GET", "/api/lifecycle/healthcheck");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("OK");
        HttpResponse<String> service = http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/api/" + mock.serviceId() + "/service/get"))
                .header("Authorization", "Bearer " + mock.serviceToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(service.statusCode()).isEqualTo(200);
        assertThat(mock.wireMock().getStubMappings()).as("one route, not one per repair").hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"PUT, /__admin/files/x.txt", "POST, /__admin/mappings/save"})
    void withoutARootDirectoryNothingIsWritten(String method, String path) throws Exception {
        HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.ofString("hello")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(write.statusCode()).as(write.body()).isGreaterThanOrEqualTo(400).isLessThan(500);
        assertThat(send("GET", "/__admin/files").body()).doesNotContain("x.txt");
    }
}
