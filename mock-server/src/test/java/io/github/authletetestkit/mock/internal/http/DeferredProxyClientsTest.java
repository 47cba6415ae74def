package io.github.authletetestkit.mock.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.client.HttpClient;
import com.github.tomakehurst.wiremock.http.client.HttpClientFactory;
import io.github.authletetestkit.mock.AuthleteMockServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Proxy stubs' clients are built on the first proxied request, once, and proxy as WireMock's own do. */
class DeferredProxyClientsTest {

    @Test
    void theClientIsBuiltOnItsFirstRequestOnlyAndOnce() throws Exception {
        AtomicInteger built = new AtomicInteger();
        AtomicInteger executed = new AtomicInteger();
        HttpClientFactory counting = (options, trustAll, trustedHosts, useSystemProperties) -> {
            built.incrementAndGet();
            return request -> {
                executed.incrementAndGet();
                return Response.response().status(204).build();
            };
        };

        HttpClient client = new DeferredProxyClients(counting).buildHttpClient(wireMockConfig(), false, List.of(), true);
        assertThat(built).as("nothing built with the client").hasValue(0);

        ImmutableRequest request = ImmutableRequest.create().withAbsoluteUrl("http://localhost/x").withMethod(RequestMethod.GET).build();
        assertThat(client.execute(request).getStatus()).isEqualTo(204);
        assertThat(client.execute(request).getStatus()).isEqualTo(204);
        assertThat(built).hasValue(1);
        assertThat(executed).hasValue(2);
    }

    @Test
    void aProxyStubOnTheMockStillProxies() throws Exception {
        WireMockServer upstream = new WireMockServer(wireMockConfig().dynamicPort());
        upstream.start();
        try (AuthleteMockServer mock = AuthleteMockServer.builder().build().start()) {
            upstream.stubFor(get(urlPathEqualTo("/greeting")).willReturn(ok("hello from upstream")));
            mock.wireMock().stubFor(get(urlPathEqualTo("/upstream/greeting"))
                    .willReturn(aResponse().proxiedFrom(upstream.baseUrl()).withProxyUrlPrefixToRemove("/upstream")));

            HttpResponse<String> proxied = java.net.http.HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/upstream/greeting")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(proxied.statusCode()).isEqualTo(200);
            assertThat(proxied.body()).isEqualTo("hello from upstream");
        } finally {
            upstream.stop();
        }
    }
}
