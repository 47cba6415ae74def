package io.github.authletetestkit.mock.internal.http;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.client.ApacheHttpClientFactory;
import com.github.tomakehurst.wiremock.http.client.HttpClient;
import com.github.tomakehurst.wiremock.http.client.HttpClientFactory;
import com.github.tomakehurst.wiremock.http.client.LazyHttpClient;
import java.util.List;

/**
 * WireMock's HTTP clients for proxy stubs, built on their first proxied request instead of at start.
 * WireMock builds two Apache clients when it is constructed, each with an SSL context that loads the JDK's trust
 * store: a fifth of a cold start, for stubs ({@code proxiedFrom}) the mock itself never uses. The clients made
 * are the very ones WireMock's default factory makes, with the same settings.
 */
public final class DeferredProxyClients implements HttpClientFactory {

    private final HttpClientFactory factory;

    public DeferredProxyClients() {
        this(new ApacheHttpClientFactory());
    }

    DeferredProxyClients(HttpClientFactory factory) {
        this.factory = factory;
    }

    @Override
    public HttpClient buildHttpClient(Options options, boolean trustAllCertificates, List<String> trustedHosts,
            boolean useSystemProperties) {
        return new LazyHttpClient(() -> factory.buildHttpClient(options, trustAllCertificates, trustedHosts, useSystemProperties));
    }
}
