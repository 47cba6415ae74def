package io.github.authletetestkit.flows.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleanupRegistryTest {

    private static Step deletion(long id) {
        return Step.delete("delete client", "client_delete_api", "/client/delete/" + id).management();
    }

    @Test
    void unclaimedDeletionsComeNewestFirstAndAClaimIsGrantedOnce() {
        CleanupRegistry registry = new CleanupRegistry();
        CleanupRegistry.Pending first = registry.register("client 1", deletion(1));
        CleanupRegistry.Pending second = registry.register("client 2", deletion(2));
        CleanupRegistry.Pending third = registry.register("client 3", deletion(3));

        assertThat(registry.unclaimed()).containsExactly(third, second, first);
        assertThat(second.claim()).isTrue();
        assertThat(second.claim()).isFalse();
        assertThat(registry.unclaimed()).containsExactly(third, first);
    }

    @Test
    void runUnclaimedGoesOnAfterAFailingDeletionAndClaimsWhatItRan() {
        CleanupRegistry registry = new CleanupRegistry();
        CleanupRegistry.Pending first = registry.register("client 1", deletion(1));
        registry.register("client 2", deletion(2));
        registry.register("client 3", deletion(3)).claim();

        List<String> log = registry.runUnclaimed(entry -> {
            if (entry == first) {
                return entry.description() + ": deleted";
            }
            throw new IOException("connection reset");
        });

        assertThat(log).containsExactly("client 2: java.io.IOException: connection reset", "client 1: deleted");
        assertThat(registry.unclaimed()).isEmpty();
        assertThat(registry.runUnclaimed(entry -> "again")).isEmpty();
    }

    @Test
    void throughTheCallerDeletesUnderTheServiceWithTheManagementCredential() {
        ScriptedCaller caller = new ScriptedCaller().answer("client_delete_api", 404, "{\"resultCode\":\"A001206\"}");
        CleanupRegistry registry = new CleanupRegistry();
        registry.register("client 7", deletion(7));

        List<String> log = registry.runUnclaimed(CleanupRegistry.through(caller));

        assertThat(log).containsExactly("client 7: HTTP 404");
        assertThat(caller.requests).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("DELETE");
            assertThat(r.path()).isEqualTo("/api/42/client/delete/7");
            assertThat(r.auth()).isEqualTo(ApiRequest.Auth.MANAGEMENT);
        });
    }

    @Test
    void anInterruptedDeletionIsLoggedAndTheInterruptKept() {
        CleanupRegistry registry = new CleanupRegistry();
        registry.register("client 1", deletion(1));
        try {
            List<String> log = registry.runUnclaimed(entry -> {
                throw new InterruptedException();
            });
            assertThat(log).containsExactly("client 1: interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
