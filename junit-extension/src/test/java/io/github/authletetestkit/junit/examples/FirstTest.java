package io.github.authletetestkit.junit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.authletetestkit.junit.AuthleteMock;
import io.github.authletetestkit.junit.AuthleteMockTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@AuthleteMockTest
class FirstTest {
    @Test
    void theMockAnswers(AuthleteMock mock) throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/api/" + mock.serviceId() + "/service/get"))
                        .header("Authorization", "Bearer " + mock.serviceToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode());
    }
}
