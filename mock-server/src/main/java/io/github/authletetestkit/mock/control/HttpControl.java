package io.github.authletetestkit.mock.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.Fault;
import io.github.authletetestkit.mock.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link AuthleteMockControl} of a mock in another process or a container, through its admin API under
 * {@code /__admin/authlete/}; sends {@code Authorization: Bearer <admin token>} when one is given.
 */
final class HttpControl implements AuthleteMockControl {

    private static final String ADMIN = "/__admin/authlete/";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String baseUrl;
    private final String adminToken;

    HttpControl(String baseUrl, String adminToken) {
        String url = Objects.requireNonNull(baseUrl, "baseUrl");
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.adminToken = adminToken;
    }

    @Override
    public ClockReading clock() {
        return ClockReading.fromJson(send("GET", "clock", null));
    }

    @Override
    public ClockReading advanceClock(Duration amount) {
        return moveClock(Json.object().put("advance", Objects.requireNonNull(amount, "amount").toString()));
    }

    @Override
    public ClockReading setClock(Instant now) {
        return moveClock(Json.object().put("set", Objects.requireNonNull(now, "now").toString()));
    }

    @Override
    public ClockReading freezeClock() {
        return moveClock(Json.object().put("frozen", true));
    }

    @Override
    public ClockReading unfreezeClock() {
        return moveClock(Json.object().put("frozen", false));
    }

    private ClockReading moveClock(ObjectNode body) {
        return ClockReading.fromJson(send("POST", "clock", body));
    }

    @Override
    public void addFault(String operation, Fault fault, int calls) {
        send("POST", "faults", new PlannedFault(Objects.requireNonNull(operation, "operation"), Objects.requireNonNull(fault, "fault"), calls).toJson());
    }

    @Override
    public List<PlannedFault> faults() {
        List<PlannedFault> planned = new ArrayList<>();
        send("GET", "faults", null).path("faults").forEach(node -> planned.add(PlannedFault.fromJson(node)));
        return planned;
    }

    @Override
    public void clearFaults() {
        send("DELETE", "faults", null);
    }

    @Override
    public List<MockCall> calls() {
        return readCalls("calls?limit=" + CALLS_READ);
    }

    @Override
    public List<MockCall> calls(String operation) {
        return readCalls("calls?limit=" + CALLS_READ + "&operation="
                + URLEncoder.encode(Objects.requireNonNull(operation, "operation"), StandardCharsets.UTF_8));
    }

    /** The admin API answers newest first; the control oldest first. */
    private List<MockCall> readCalls(String route) {
        List<MockCall> calls = new ArrayList<>();
        send("GET", route, null).path("calls").forEach(node -> calls.add(0, MockCall.fromJson(node)));
        return calls;
    }

    @Override
    public void clearCalls() {
        send("DELETE", "calls", null);
    }

    @Override
    public String state() {
        return Json.write(send("GET", "state", null));
    }

    @Override
    public void seed(String document) {
        send("POST", "seed", Json.parse(Objects.requireNonNull(document, "document")));
    }

    @Override
    public void reset() {
        send("POST", "reset", null);
    }

    /** One admin request; a refusal becomes an exception carrying the admin API's message. */
    private JsonNode send(String method, String route, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + ADMIN + route)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (adminToken != null) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("The mock's admin API at " + baseUrl + " did not answer " + method + " " + route + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the mock's admin API at " + baseUrl, e);
        }
        return read(method, route, response);
    }

    private JsonNode read(String method, String route, HttpResponse<String> response) {
        int status = response.statusCode();
        String text = response.body();
        JsonNode json = text == null || text.isBlank() ? Json.object() : parse(text);
        if (status < 300) {
            return json;
        }
        String message = json.hasNonNull("error") ? json.get("error").asText() : "HTTP " + status + ": " + text;
        String where = method + " " + baseUrl + ADMIN + route;
        if (status == 400) {
            throw new IllegalArgumentException(message);
        }
        if (status == 401 || status == 403) {
            throw new IllegalStateException(where + " was refused (HTTP " + status + "): " + message
                    + (adminToken == null ? " Give the admin token to AuthleteMockControl.overHttp." : " Is the admin token right?"));
        }
        throw new IllegalStateException(where + " failed (HTTP " + status + "): " + message);
    }

    private static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException notJson) {
            return Json.object().put("error", text);
        }
    }

    @Override
    public String toString() {
        return "HttpControl[" + baseUrl + "]";
    }
}
