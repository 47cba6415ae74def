package io.github.authletetestkit.contract.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.authletetestkit.contract.internal.target.Credentials;
import java.util.List;
import java.util.Map;

/**
 * A plain WireMock server posing as Authlete (no mock engine behind it): each test stubs the answers it
 * needs. Serves a valid service, discovery document and JWK Set, and client create/delete, out of the box.
 */
final class AuthleteStub implements AutoCloseable {

    static final String SERVICE_ID = "1234567890123";
    static final String SERVICE_TOKEN = "stub-service-token-0123456789abcdef";
    static final String ORG_TOKEN = "stub-org-token-fedcba9876543210";
    static final long CLIENT_ID = 9876543210987L;
    static final String CLIENT_SECRET = "stub-client-secret-that-must-never-be-printed";

    static final String SERVICE = """
            {"apiKey": %s, "serviceName": "stub", "issuer": "https://as.example.com",
             "supportedGrantTypes": ["AUTHORIZATION_CODE", "REFRESH_TOKEN", "CLIENT_CREDENTIALS", "PASSWORD"],
             "supportedResponseTypes": ["CODE"],
             "supportedScopes": [{"name": "openid", "defaultEntry": false}],
             "accessTokenDuration": %s}""";

    final WireMockServer server;

    AuthleteStub() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("localhost"));
        server.start();
        stubService("600");
        server.stubFor(get(urlPathEqualTo(path("/service/configuration"))).willReturn(json(200, "{\"issuer\": \"https://as.example.com\"}")));
        server.stubFor(get(urlPathEqualTo(path("/service/jwks/get"))).willReturn(aResponse().withStatus(204)));
        server.stubFor(post(urlPathEqualTo(path("/client/create"))).willReturn(json(201,
                "{\"clientId\": " + CLIENT_ID + ", \"clientSecret\": \"" + CLIENT_SECRET + "\", \"clientName\": \"stubbed\"}")));
        server.stubFor(delete(urlPathMatching(path("/client/delete/\\d+"))).willReturn(aResponse().withStatus(204)));
    }

    /** service/get with {@code accessTokenDuration} written as given (a JSON number, or a string to break it). */
    AuthleteStub stubService(String accessTokenDuration) {
        server.stubFor(get(urlPathEqualTo(path("/service/get"))).willReturn(json(200, SERVICE.formatted(SERVICE_ID, accessTokenDuration))));
        return this;
    }

    AuthleteStub stub(MappingBuilder mapping) {
        server.stubFor(mapping);
        return this;
    }

    String baseUrl() {
        return server.baseUrl();
    }

    static String path(String apiPath) {
        return "/api/" + SERVICE_ID + apiPath;
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static Credentials credentials() {
        return new Credentials(SERVICE_ID, SERVICE_TOKEN, ORG_TOKEN);
    }

    static Map<String, String> env() {
        return Map.of(Credentials.ENV_SERVICE_ID, SERVICE_ID, Credentials.ENV_SERVICE_TOKEN, SERVICE_TOKEN,
                Credentials.ENV_ORG_TOKEN, ORG_TOKEN);
    }

    /** The deletions of the stubbed client the stub received. */
    List<LoggedRequest> clientDeletions() {
        return server.findAll(deleteRequestedFor(urlPathEqualTo(path("/client/delete/" + CLIENT_ID))));
    }

    List<LoggedRequest> requests(String method, String apiPath) {
        return server.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getMethod().getName().equals(method) && r.getUrl().startsWith(path(apiPath)))
                .map(r -> (LoggedRequest) r).toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
