package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.MockServerSettings;
import io.github.authletetestkit.mock.internal.state.SeedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mock with a state file, in-process: saved at stop and on the interval, loaded at the next start before any seed. */
class StatePersistenceTest {

    @TempDir
    Path dir;

    private MockServerSettings.Builder settings(Path stateFile) throws Exception {
        Path seed = Files.writeString(dir.resolve("seed.json"), StateRoundTripTest.SEED_A.toString());
        return AuthleteMockServer.builder().seed(seed).stateFile(stateFile);
    }

    @Test
    void theStateOfOneRunIsTheStartOfTheNext() throws Exception {
        Path stateFile = dir.resolve("state.json");
        Flows.Client client;
        String accessToken;
        try (AuthleteMockServer first = settings(stateFile).build().start()) {
            Flows flows = new Flows(new ApiClient(first.baseUrl(), 1_000_001L, "token-a"));
            client = flows.confidentialClient();
            accessToken = flows.codeFlow(client).text("accessToken");
        }
        assertThat(stateFile).exists();

        try (AuthleteMockServer second = settings(stateFile).build().start()) {
            ApiClient api = new ApiClient(second.baseUrl(), 1_000_001L, "token-a");
            assertThat(api.get("/client/get/" + client.id()).text("clientSecret")).as("the state file wins over the seed")
                    .isEqualTo(client.secret());
            assertThat(new Flows(api).introspect(accessToken).action()).isEqualTo("OK");
        }
    }

    @Test
    void theStateIsSavedOnTheIntervalWhileRunning() throws Exception {
        Path stateFile = dir.resolve("state.json");
        try (AuthleteMockServer server = settings(stateFile).stateSaveInterval(Duration.ofMillis(100)).build().start()) {
            long clientId = new Flows(new ApiClient(server.baseUrl(), 1_000_001L, "token-a")).confidentialClient().id();

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while ((!Files.exists(stateFile) || !Files.readString(stateFile).contains("\"clientId\" : " + clientId))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(Files.readString(stateFile)).contains("\"clientId\" : " + clientId);
        }
    }

    @Test
    void anInvalidStateFileStopsTheStartAndStaysAsItWas() throws Exception {
        Path stateFile = Files.writeString(dir.resolve("state.json"), "{\"services\": [{\"serviceId\": 1, \"tokens\": [{}]}]}");
        byte[] before = Files.readAllBytes(stateFile);

        assertThatThrownBy(() -> settings(stateFile).build())
                .isInstanceOf(SeedException.class)
                .hasMessageStartingWith(stateFile.toAbsolutePath() + ": services[0].tokens[0].accessToken: ");
        assertThat(Files.readAllBytes(stateFile)).isEqualTo(before);
    }
}
