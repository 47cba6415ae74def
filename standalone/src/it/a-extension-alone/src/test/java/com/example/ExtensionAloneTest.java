package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.authletetestkit.junit.AuthleteMock;
import io.github.authletetestkit.junit.AuthleteMockTest;
import io.github.authletetestkit.junit.RegisteredClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The extension and nothing else: an app that speaks Authlete's REST API itself. */
@AuthleteMockTest
class ExtensionAloneTest {

    @Test
    void theBomAlignsJacksonWithTheMocks() {
        assertEquals(System.getProperty("expected.jackson.version"),
                com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        assertEquals(System.getProperty("expected.jackson.version"),
                com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString());
    }

    @Test
    void anAuthorizationRequestGetsATicket(AuthleteMock mock) throws Exception {
        RegisteredClient client = mock.createConfidentialClient();

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/api/" + mock.serviceId() + "/auth/authorization"))
                        .header("Authorization", "Bearer " + mock.serviceToken()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"parameters\":\"" + client.authorizationParameters("openid") + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"action\":\"INTERACTION\""), response.body());
        mock.verify().called("auth_authorization_api").once();
    }
}
