package io.github.authletetestkit.flows.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A target for tests: answers each operationId as told (204 by default) and remembers every request. */
final class ScriptedCaller implements ApiCaller {

    final List<ApiRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, ApiResponse> answers = new HashMap<>();
    private final Map<String, IOException> failures = new HashMap<>();

    ScriptedCaller answer(String operationId, int status, String body) {
        answers.put(operationId, new ApiResponse(status, Map.of("content-type", List.of("application/json")), body));
        return this;
    }

    ScriptedCaller fail(String operationId, IOException failure) {
        failures.put(operationId, failure);
        return this;
    }

    @Override
    public String serviceId() {
        return "42";
    }

    @Override
    public Exchange call(ApiRequest request) throws IOException {
        requests.add(request);
        IOException failure = failures.get(request.operationId());
        if (failure != null) {
            throw failure;
        }
        ApiResponse response = answers.getOrDefault(request.operationId(), new ApiResponse(204, Map.of(), ""));
        return new Exchange(request, response, Duration.ZERO, 0, Duration.ZERO);
    }

    List<String> operations() {
        return requests.stream().map(ApiRequest::operationId).toList();
    }
}
