package io.github.authletetestkit.mock.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.authletetestkit.mock.AuthleteMockServer;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WireMock's stub files: read and written as before, but the reader is made only when there is work for it. */
class DeferredMappingsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withoutAMappingsDirectoryNothingIsMadeAtStartAndASaveStillGoesToWireMocksSource() {
        AtomicInteger made = new AtomicInteger();
        List<String> calls = new ArrayList<>();
        MappingsSource recording = (MappingsSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MappingsSource.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    return null;
                });
        DeferredMappings mappings = new DeferredMappings(new NoFiles().child("mappings"), () -> {
            made.incrementAndGet();
            return recording;
        });

        mappings.loadMappingsInto(null);
        assertThat(made).as("no directory, nothing to load: nothing made").hasValue(0);

        mappings.save(List.of());
        mappings.removeAll();
        assertThat(made).hasValue(1);
        assertThat(calls).containsExactly("save", "removeAll");
    }

    @Test
    void aMockWithARootDirectoryServesItsStubFilesAndSavesNewOnes(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("mappings"));
        Files.writeString(root.resolve("mappings/hello.json"),
                "{\"request\":{\"method\":\"GET\",\"url\":\"/hello\"},\"response\":{\"status\":200,\"body\":\"from a file\"}}");

        try (AuthleteMockServer mock = AuthleteMockServer.builder().rootDir(root).build().start()) {
            assertThat(send(mock, "GET", "/hello").body()).isEqualTo("from a file");

            StubMapping added = mock.wireMock().stubFor(get("/added").willReturn(ok("added")));
            assertThat(send(mock, "POST", "/__admin/mappings/save").statusCode()).isEqualTo(200);

            try (var files = Files.list(root.resolve("mappings"))) {
                assertThat(files.map(DeferredMappingsTest::read).anyMatch(json -> json.contains(added.getId().toString()))).isTrue();
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(AuthleteMockServer mock, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
