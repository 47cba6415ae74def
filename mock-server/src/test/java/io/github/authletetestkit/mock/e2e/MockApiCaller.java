package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.flows.internal.ApiCaller;
import io.github.authletetestkit.flows.internal.ApiRequest;
import io.github.authletetestkit.flows.internal.ApiResponse;
import io.github.authletetestkit.flows.internal.Exchange;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.MockHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The shared flows' way into the mock: straight over HTTP with the mock's tokens, no pacing (the mock has no rate limits). */
final class MockApiCaller implements ApiCaller {

    private final AuthleteMockServer mock;

    MockApiCaller(AuthleteMockServer mock) {
        this.mock = mock;
    }

    @Override
    public String serviceId() {
        return Long.toString(mock.serviceId());
    }

    @Override
    public Exchange call(ApiRequest request) throws IOException {
        String token = switch (request.auth()) {
            case SERVICE -> mock.serviceToken();
            case MANAGEMENT -> mock.orgToken() != null ? mock.orgToken() : mock.serviceToken();
            case NONE -> null;
        };
        long started = System.nanoTime();
        HttpReply reply;
        try {
            reply = MockHttp.send(mock.baseUrl(), token == null ? null : "Bearer " + token, request.method(), request.path(),
                    request.contentType(), request.body());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Map<String, List<String>> headers = reply.contentType() == null ? Map.of() : Map.of("content-type", List.of(reply.contentType()));
        return new Exchange(request, new ApiResponse(reply.status(), headers, reply.body()), Duration.ofNanos(System.nanoTime() - started),
                0, Duration.ZERO);
    }
}
