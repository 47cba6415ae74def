package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.cli.MockProcess;
import io.github.authletetestkit.mock.testing.AdminHttp;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.RedisServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Two mock processes on one real redis-server: A in this JVM, B the packaged jar started with {@code --store}.
 * A code issued through A is redeemed once among sixteen racing calls to both; a clock advance through A's admin
 * API expires B's codes.
 */
class RedisReplicaProcessIT {

    @Test
    void aJarProcessAndAnInProcessMockShareOneDeployment() throws Exception {
        String store = RedisServer.shared().newDeployment("processes");
        try (AuthleteMockServer a = AuthleteMockServer.builder().store(store).build().start();
             MockProcess b = MockProcess.start("--port", "0", "--store", store)) {
            Flows viaA = new Flows(new ApiClient(a.baseUrl(), a.serviceId(), a.serviceToken()));
            Flows viaB = new Flows(new ApiClient(b.baseUrl(), a.serviceId(), a.serviceToken()));
            Flows.Client client = viaB.confidentialClient();

            String code = viaA.code(Flows.codeRequest(client));
            List<CompletableFuture<HttpReply>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Flows via = i % 2 == 0 ? viaA : viaB;
                attempts.add(CompletableFuture.supplyAsync(() -> via.exchange(client, code)));
            }
            List<HttpReply> replies = attempts.stream().map(CompletableFuture::join).toList();
            assertThat(replies).filteredOn(r -> "OK".equals(r.action())).hasSize(1);

            String another = viaB.code(Flows.codeRequest(client));
            new AdminHttp(a.baseUrl(), null).post("clock", "{\"advance\":\"PT11M\"}");
            assertThat(viaB.exchange(client, another).action()).isEqualTo("BAD_REQUEST");
            MockInternals.of(a).store().clear();
        }
    }
}
