package io.github.authletetestkit.benchmarks;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * The peer: navikt's mock-oauth2-server answering its own code flow — authorize (a 302 with the code, no
 * login page), token, introspection — three requests where an Authlete-backed server makes four API calls.
 */
final class OAuth2ServerFlow implements FlowTarget {

    static final String NAME = "mock-oauth2-server 2.3.0, its code flow (peer)";

    private MockOAuth2Server server;
    private String issuer;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start() {
        server = new MockOAuth2Server();
        server.start();
        issuer = server.issuerUrl("default").toString().replaceAll("/$", "");
    }

    @Override
    public Caller caller(int index) {
        String clientId = "bench-" + index;
        String basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":secret").getBytes());
        String authorize = issuer + "/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
                + MockFlow.enc(MockFlow.REDIRECT_URI) + "&scope=openid+profile&state=s&nonce=n";
        return () -> {
            HttpResponse<String> redirect = Http.get(authorize, null);
            String location = redirect.headers().firstValue("Location").orElseThrow(() ->
                    new IllegalStateException("authorize: " + redirect.statusCode() + " " + redirect.body()));
            String query = URI.create(location).getRawQuery();
            String code = null;
            for (String pair : query.split("&")) {
                if (pair.startsWith("code=")) {
                    code = pair.substring(5);
                }
            }
            HttpResponse<String> token = Http.post(issuer + "/token", basic, "application/x-www-form-urlencoded",
                    "grant_type=authorization_code&code=" + code + "&redirect_uri=" + MockFlow.enc(MockFlow.REDIRECT_URI));
            String accessToken = Http.member(token.body(), "access_token");
            if (token.statusCode() != 200 || accessToken == null) {
                throw new IllegalStateException("token: " + token.statusCode() + " " + token.body());
            }
            HttpResponse<String> introspection = Http.post(issuer + "/introspect", basic, "application/x-www-form-urlencoded",
                    "token=" + accessToken);
            if (introspection.statusCode() != 200 || !introspection.body().replace(" ", "").contains("\"active\":true")) {
                throw new IllegalStateException("introspect: " + introspection.statusCode() + " " + introspection.body());
            }
        };
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
        }
    }
}
