package io.github.authletetestkit.mock.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.grants.ManagedGrant;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The grants a service keeps for Grant Management: changed or left alone, revoked once, gone with their client. */
class ServiceStateGrantsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final ServiceState state = new ServiceState(new ServiceConfig(Json.object().put("apiKey", 1L)));

    private static ManagedGrant grant(String id, long clientId, String... scopes) {
        return new ManagedGrant(id, clientId, "alice", List.of(scopes), null, NOW, NOW);
    }

    @Test
    void aChangeIsStoredAndItsFollowUpAnswered() {
        Optional<String> answer = state.changeGrant("g", current -> Optional.of(grant("g", 1, "read")), g -> "minted for " + g.grantId());

        assertThat(answer).contains("minted for g");
        assertThat(state.grant("g")).contains(grant("g", 1, "read"));
    }

    @Test
    void aRefusedChangeLeavesTheGrantAndRunsNothing() {
        state.changeGrant("g", current -> Optional.of(grant("g", 1, "read")), g -> g);

        Optional<Object> answer = state.changeGrant("g", current -> Optional.empty(), g -> {
            throw new AssertionError("must not run");
        });

        assertThat(answer).isEmpty();
        assertThat(state.grant("g")).contains(grant("g", 1, "read"));
        assertThat(state.changeGrant("new", current -> Optional.empty(), g -> g)).isEmpty();
        assertThat(state.grant("new")).isEmpty();
    }

    @Test
    void unknownGrantsAreNotRevoked() {
        assertThat(state.revokeGrant("nope")).isFalse();
        assertThat(state.revokeGrant(null)).isFalse();
        assertThat(state.grant(null)).isEmpty();
    }

    @Test
    void removingAClientDropsItsGrantsOnly() {
        state.putClient(new ClientConfig(Json.object().put("clientId", 1L)));
        state.putClient(new ClientConfig(Json.object().put("clientId", 2L)));
        state.changeGrant("mine", current -> Optional.of(grant("mine", 1)), g -> g);
        state.changeGrant("theirs", current -> Optional.of(grant("theirs", 2)), g -> g);

        state.removeClient(1);

        assertThat(state.grant("mine")).isEmpty();
        assertThat(state.grant("theirs")).isPresent();
    }
}
