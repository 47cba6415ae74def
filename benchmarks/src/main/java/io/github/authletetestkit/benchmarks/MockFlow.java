package io.github.authletetestkit.benchmarks;

import io.github.authletetestkit.mock.AuthleteMockServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The mock's code flow: authorization → issue → token → introspection, each caller with a client of its own. */
class MockFlow implements FlowTarget {

    static final String REDIRECT_URI = "https://client.example.com/callback";

    private final String name;
    private final boolean validateRequests;
    private final boolean validateResponses;
    private AuthleteMockServer mock;
    private String api;
    private String authorization;

    MockFlow(String name, boolean validateRequests, boolean validateResponses) {
        this.name = name;
        this.validateRequests = validateRequests;
        this.validateResponses = validateResponses;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        attach(AuthleteMockServer.builder().validateRequests(validateRequests).validateResponses(validateResponses).build().start());
    }

    /** Drives this (already started) server. */
    final void attach(AuthleteMockServer server) {
        mock = server;
        attach(mock.baseUrl(), mock.serviceId(), mock.serviceToken());
    }

    /** Drives a mock that answers at {@code baseUrl} (another process, say). */
    final void attach(String baseUrl, long serviceId, String serviceToken) {
        api = baseUrl + "/api/" + serviceId;
        authorization = "Bearer " + serviceToken;
    }

    /** The service's API root each request goes to: always the one attached; replicas take turns in a subclass. */
    String api() {
        return api;
    }

    @Override
    public Caller caller(int index) {
        HttpResponse<String> created = Http.post(api + "/client/create", authorization, "application/json",
                "{\"clientName\":\"bench " + index + "\",\"clientType\":\"CONFIDENTIAL\",\"grantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"],"
                        + "\"responseTypes\":[\"CODE\"],\"redirectUris\":[\"" + REDIRECT_URI + "\"]}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("client/create: " + created.statusCode() + " " + created.body());
        }
        String clientId = created.body().replaceAll("(?s).*\"clientId\":(\\d+).*", "$1");
        String secret = Http.member(created.body(), "clientSecret");
        String parameters = "response_type=code&client_id=" + clientId + "&redirect_uri=" + enc(REDIRECT_URI) + "&scope=profile&state=s";
        String authorizationBody = "{\"parameters\":\"" + parameters + "\"}";
        String subject = "user-" + index;
        return () -> {
            String ticket = Http.member(expect(Http.post(api() + "/auth/authorization", authorization, "application/json", authorizationBody),
                    "INTERACTION"), "ticket");
            String code = Http.member(expect(Http.post(api() + "/auth/authorization/issue", authorization, "application/json",
                    "{\"ticket\":\"" + ticket + "\",\"subject\":\"" + subject + "\"}"), "LOCATION"), "authorizationCode");
            String token = Http.member(expect(Http.post(api() + "/auth/token", authorization, "application/json",
                    "{\"clientId\":\"" + clientId + "\",\"clientSecret\":\"" + secret + "\",\"parameters\":\"grant_type=authorization_code&code="
                            + code + "&redirect_uri=" + enc(REDIRECT_URI) + "\"}"), "OK"), "accessToken");
            expect(Http.post(api() + "/auth/introspection", authorization, "application/json", "{\"token\":\"" + token + "\"}"), "OK");
        };
    }

    static String expect(HttpResponse<String> response, String action) {
        if (response.statusCode() != 200 || !response.body().contains("\"action\":\"" + action + "\"")) {
            throw new IllegalStateException("expected " + action + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (mock != null) {
            mock.stop();
        }
    }
}
