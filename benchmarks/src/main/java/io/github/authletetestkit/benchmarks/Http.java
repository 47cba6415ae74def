package io.github.authletetestkit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One JDK HttpClient over HTTP/1.1 (its default would try an h2c upgrade), shared by every caller. */
final class Http {

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static final java.util.Map<String, java.util.regex.Pattern> MEMBERS = new java.util.concurrent.ConcurrentHashMap<>();

    private Http() {}

    static HttpResponse<String> post(String url, String authorization, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    static HttpResponse<String> get(String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The string value of a JSON member, found by text search (pretty-printed or not): cheap, and enough for known answers. */
    static String member(String json, String name) {
        java.util.regex.Matcher m = MEMBERS.computeIfAbsent(name,
                n -> java.util.regex.Pattern.compile("\"" + n + "\"\\s*:\\s*\"([^\"]*)\"")).matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
