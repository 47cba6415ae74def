package io.github.authletetestkit.mock.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.MockServerSettings;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * State documents of {@code src/test/resources/io/github/authletetestkit/mock/state}, and what a mock on either store
 * exports once it has loaded one.
 */
public final class StateFixtures {

    /** Version 1, as the mock wrote it before versions, with every top-level kind of entry. */
    public static final String V1 = "schema-v1-state.json";
    /** Version 2, as the mock exported {@link #EVERY_ENTRY} before version 3 (Java constants, {@code authTimeSeconds}, details as text). */
    public static final String V2 = "schema-v2-state.json";
    /** The current version with every kind of entry and every member, nested ones included (decisions, grant management, properties). */
    public static final String EVERY_ENTRY = "state-every-entry.json";
    /** The lists of a service, one per kind of entry. */
    public static final List<String> ENTRY_KINDS = List.of("clients", "tokens", "tickets", "authorizationCodes", "tokenTickets",
            "deviceAuthorizations", "backchannelRequests", "pushedRequests", "grantedScopes", "grants");

    private StateFixtures() {}

    public static ObjectNode load(String name) {
        try (InputStream in = Objects.requireNonNull(StateFixtures.class.getResourceAsStream(
                "/io/github/authletetestkit/mock/state/" + name), name)) {
            return (ObjectNode) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state of a mock seeded with {@code document}: in memory, or on the Redis {@code store} URI when not null. */
    public static ObjectNode exportedBy(String store, JsonNode document) {
        MockServerSettings.Builder builder = AuthleteMockServer.builder().seed(document);
        try (AuthleteMockServer mock = (store == null ? builder : builder.store(store)).build()) {
            ObjectNode state = mock.state();
            MockInternals.of(mock).store().clear();
            return state;
        }
    }

    /** A store URI of a deployment of its own on the test JVM's redis-server; the test is skipped without one. */
    public static String redis(String name) {
        return RedisServer.shared().newDeployment(name);
    }
}
