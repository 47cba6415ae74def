package io.github.authletetestkit.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;

/**
 * The baseline: plain WireMock answering the same four requests with static JSON stubs of the size the mock
 * answers with (no state, no validation), through the same client.
 */
final class StaticStubs implements FlowTarget {

    static final String NAME = "plain WireMock, 4 static stubs (baseline)";
    private static final String SERVICE = "/api/7135203410987";
    private static final String AUTHORIZATION = "{\"resultCode\":\"A004001\",\"resultMessage\":\"[A004001] Authlete has successfully issued a ticket "
            + "to the service (API Key = 7135203410987) for the authorization request from the client (ID = 1234567890).\",\"action\":\"INTERACTION\","
            + "\"ticket\":\"x0aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcde\",\"client\":{\"number\":1234,\"clientId\":1234567890,\"clientName\":\"bench\"},"
            + "\"display\":\"PAGE\",\"maxAge\":0,\"scopes\":[{\"name\":\"profile\"}],\"responseContent\":null}";
    private static final String ISSUE = "{\"resultCode\":\"A040001\",\"resultMessage\":\"[A040001] The authorization request was processed "
            + "successfully.\",\"action\":\"LOCATION\",\"responseContent\":\"https://client.example.com/callback?code=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg"
            + "&state=s&iss=https%3A%2F%2Fas.example.com\",\"authorizationCode\":\"AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg\"}";
    private static final String TOKEN = "{\"resultCode\":\"A050001\",\"resultMessage\":\"[A050001] The token request (grant_type=authorization_code) "
            + "was processed successfully.\",\"action\":\"OK\",\"responseContent\":\"{\\\"access_token\\\":\\\"AcCeSsToKeN0123456789abcdefghijklmnopqrstu\\\","
            + "\\\"token_type\\\":\\\"Bearer\\\",\\\"expires_in\\\":86400,\\\"scope\\\":\\\"profile\\\"}\",\"accessToken\":\"AcCeSsToKeN0123456789abcdefghijklmnopqrstu\","
            + "\"refreshToken\":\"ReFrEsHtOkEn0123456789abcdefghijklmnopqrst\",\"accessTokenExpiresAt\":1795000000000,\"grantType\":\"AUTHORIZATION_CODE\"}";
    private static final String INTROSPECTION = "{\"resultCode\":\"A056001\",\"resultMessage\":\"[A056001] The access token is valid.\",\"action\":\"OK\","
            + "\"clientId\":1234567890,\"subject\":\"user-0\",\"scopes\":[\"profile\"],\"existent\":true,\"usable\":true,\"sufficient\":true,"
            + "\"refreshable\":true,\"expiresAt\":1795000000000,\"responseContent\":\"Bearer error=\\\"invalid_request\\\"\"}";

    private WireMockServer wireMock;
    private String api;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort().disableRequestJournal());
        wireMock.start();
        wireMock.stubFor(post(urlPathEqualTo(SERVICE + "/auth/authorization")).willReturn(okJson(AUTHORIZATION)));
        wireMock.stubFor(post(urlPathEqualTo(SERVICE + "/auth/authorization/issue")).willReturn(okJson(ISSUE)));
        wireMock.stubFor(post(urlPathEqualTo(SERVICE + "/auth/token")).willReturn(okJson(TOKEN)));
        wireMock.stubFor(post(urlPathEqualTo(SERVICE + "/auth/introspection")).willReturn(okJson(INTROSPECTION)));
        api = "http://localhost:" + wireMock.port() + SERVICE;
    }

    @Override
    public Caller caller(int index) {
        String authorization = "Bearer mock-service-token";
        String parameters = "response_type=code&client_id=1234567890&redirect_uri=" + MockFlow.enc(MockFlow.REDIRECT_URI) + "&scope=profile&state=s";
        return () -> {
            String ticket = Http.member(MockFlow.expect(Http.post(api + "/auth/authorization", authorization, "application/json",
                    "{\"parameters\":\"" + parameters + "\"}"), "INTERACTION"), "ticket");
            String code = Http.member(MockFlow.expect(Http.post(api + "/auth/authorization/issue", authorization, "application/json",
                    "{\"ticket\":\"" + ticket + "\",\"subject\":\"user-" + index + "\"}"), "LOCATION"), "authorizationCode");
            String token = Http.member(MockFlow.expect(Http.post(api + "/auth/token", authorization, "application/json",
                    "{\"clientId\":\"1234567890\",\"clientSecret\":\"secret\",\"parameters\":\"grant_type=authorization_code&code=" + code
                            + "&redirect_uri=" + MockFlow.enc(MockFlow.REDIRECT_URI) + "\"}"), "OK"), "accessToken");
            HttpResponse<String> introspected = Http.post(api + "/auth/introspection", authorization, "application/json",
                    "{\"token\":\"" + token + "\"}");
            MockFlow.expect(introspected, "OK");
        };
    }

    @Override
    public void close() {
        if (wireMock != null) {
            wireMock.stop();
        }
    }
}
