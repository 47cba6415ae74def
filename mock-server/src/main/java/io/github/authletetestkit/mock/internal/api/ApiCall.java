package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.store.ApiCredential;
import io.github.authletetestkit.mock.internal.store.MockStore;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.model.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One authenticated API call as a handler sees it: no HTTP types, just the resolved service, the
 * caller's credential, parameters, the body as JSON and the mock's current time.
 */
public record ApiCall(
        String operationId,
        String apiPath,
        MockStore store,
        ServiceState service,
        ApiCredential caller,
        Map<String, String> pathParams,
        Map<String, List<String>> query,
        JsonNode body,
        Instant now) {

    /** The body bound to a request type; a body that does not fit is the caller's error (400). */
    public <T> T body(Class<T> type) {
        JsonNode source = body == null || body.isNull() || body.isMissingNode() ? Json.object() : body;
        try {
            return Json.MAPPER.treeToValue(source, type);
        } catch (Exception e) {
            throw ApiException.badRequest("The request body is malformed: " + firstLine(e.getMessage()));
        }
    }

    public ObjectNode bodyObject() {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return Json.object();
        }
        if (!body.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object.");
        }
        return (ObjectNode) body;
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public long nowSeconds() {
        return now.getEpochSecond();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        int at = line.indexOf(" (through reference chain");
        return at < 0 ? line : line.substring(0, at);
    }
}
