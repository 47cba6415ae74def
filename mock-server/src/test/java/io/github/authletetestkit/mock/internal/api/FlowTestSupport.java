package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.model.ServiceDefaults;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import io.github.authletetestkit.mock.internal.store.MockStore;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A service in a store, clients in it, and handler calls without HTTP: what the direct flow tests need. */
final class FlowTestSupport {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    static final long SERVICE_ID = 5_550_000_000_001L;

    final MockStore store = MockStore.inMemory();
    final ServiceState state = store.addService(new ServiceConfig(
            ServiceDefaults.service(SERVICE_ID, "flows", "https://as.example.com", Jwks.sharedDefaultKeys(), T0)));
    final TokenApi tokens = new TokenApi();

    /** A client with every grant type (an empty list), changed by {@code overrides}. */
    ClientConfig client(String clientType, Map<String, Object> overrides) {
        long clientId = RandomValues.numericId();
        ObjectNode json = Json.object();
        json.put("clientId", clientId);
        json.put("clientIdAlias", Long.toString(clientId));
        json.put("clientSecret", RandomValues.clientSecret());
        json.put("clientName", "flow client");
        json.put("clientType", clientType);
        overrides.forEach((k, v) -> json.set(k, Json.MAPPER.valueToTree(v)));
        ClientConfig client = new ClientConfig(json);
        state.putClient(client);
        return client;
    }

    /** Merges {@code changes} into the service, like {@code service/update}. */
    void configure(Map<String, Object> changes) {
        state.updateConfig(state.config().merge(Json.MAPPER.valueToTree(changes)));
    }

    ApiCall call(String operationId, Object body, Instant now) {
        return new ApiCall(operationId, "/" + operationId, store, state, null, Map.of(), Map.of(),
                Json.MAPPER.valueToTree(body), now);
    }

    static ObjectNode body(ApiResponse response) {
        return (ObjectNode) response.body();
    }

    static JsonNode content(ObjectNode body) {
        return Json.parse(body.path("responseContent").asText());
    }

    /** Body members: {@code parameters} from pairs, and the client's ID (and secret, for confidential clients) as if from Basic. */
    static Map<String, Object> withClient(ClientConfig client, String... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parameters", form(pairs));
        body.put("clientId", Long.toString(client.clientId()));
        if (!client.isPublic()) {
            body.put("clientSecret", client.clientSecret());
        }
        return body;
    }

    static String form(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return io.github.authletetestkit.mock.internal.oauth.FormParameters.encode(params);
    }

    ObjectNode token(ClientConfig client, Instant now, String... pairs) {
        return body(tokens.token(call("auth_token_api", withClient(client, pairs), now)));
    }

    static List<String> texts(JsonNode array) {
        return Json.MAPPER.convertValue(array, Json.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
