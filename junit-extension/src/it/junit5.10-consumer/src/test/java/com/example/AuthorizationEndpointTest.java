package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.authletetestkit.junit.AuthleteMock;
import io.github.authletetestkit.junit.AuthleteMockTest;
import io.github.authletetestkit.junit.SeedClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** An app that calls Authlete's REST API itself (no SDK), tested on JUnit 5.10. */
@AuthleteMockTest
@SeedClient(name = "web")
class AuthorizationEndpointTest {

    AuthleteMock mock;

    @Test
    void runsOnJUnit510WithoutTheAuthleteSdk() {
        assertEquals(System.getProperty("expected.junit.version"), Test.class.getPackage().getImplementationVersion());
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.authlete.common.api.AuthleteApi"));
    }

    @Test
    void authorizationRequestOfASeededClientGetsATicket() throws Exception {
        HttpResponse<String> response = post("/auth/authorization",
                "{\"parameters\":\"" + mock.client("web").authorizationParameters("openid") + "\"}");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"action\":\"INTERACTION\""), response.body());
        mock.verify().called("auth_authorization_api").once();
    }

    @Test
    void tokenEndpointOutageIsA503(AuthleteMock parameter) throws Exception {
        parameter.onNext("auth_token_api").respond(503);

        assertEquals(503, post("/auth/token", "{\"parameters\":\"grant_type=client_credentials\"}").statusCode());
        assertEquals(0, mock.calls("auth_authorization_api").size());
    }

    @Nested
    class Nested1 {
        @Test
        void nestedClassesShareTheServer(AuthleteMock parameter) {
            assertSame(mock, parameter);
        }
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/api/" + mock.serviceId() + path))
                .header("Authorization", "Bearer " + mock.serviceToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
