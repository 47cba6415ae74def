package io.github.authletetestkit.mock.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** The one HTTP transport of the mock's tests: the JDK client over HTTP/1.1, as an Authlete SDK calls. */
public final class MockHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private MockHttp() {}

    /**
     * Any method on any path below {@code baseUrl}.
     *
     * @param authorization the exact Authorization header value; null sends none
     * @param contentType null sends no Content-Type header
     * @param body null sends no body
     */
    public static HttpReply send(String baseUrl, String authorization, String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HttpReply(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("X-Authlete-Mock-Synthesised").isPresent(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpReply send(String baseUrl, String authorization, String method, String path, String contentType, String body) {
        return send(baseUrl, authorization, method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code application/x-www-form-urlencoded} text of the parameters, in their order. */
    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
