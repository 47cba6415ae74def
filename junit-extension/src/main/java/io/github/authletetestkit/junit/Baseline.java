package io.github.authletetestkit.junit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.store.ApiCredential;
import io.github.authletetestkit.mock.internal.store.MockStore;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.util.List;

/**
 * The services (their settings and clients) and API credentials a mock holds at one moment — what
 * {@link AuthleteMock#reset()} returns to. Tickets, codes and tokens are not part of it: every test starts
 * without them.
 */
final class Baseline {

    private record Service(ObjectNode config, List<ObjectNode> clients) {}

    private final List<Service> services;
    private final List<ApiCredential> credentials;

    private Baseline(List<Service> services, List<ApiCredential> credentials) {
        this.services = services;
        this.credentials = credentials;
    }

    static Baseline capture(AuthleteMockServer server) {
        MockStore store = MockInternals.of(server).store();
        List<Service> services = store.services().stream()
                .map(s -> new Service(s.config().toJson(), s.clients().stream().map(ClientConfig::toJson).toList()))
                .toList();
        return new Baseline(services, store.credentials());
    }

    /** After {@link AuthleteMockServer#reset()}: puts back what the seed does not have. */
    void restore(AuthleteMockServer server) {
        MockStore store = MockInternals.of(server).store();
        for (Service service : services) {
            ServiceConfig config = new ServiceConfig(service.config());
            ServiceState state = store.service(config.apiKey()).orElse(null);
            if (state == null) {
                state = store.addService(config);
            } else {
                state.updateConfig(config);
            }
            for (ObjectNode client : service.clients()) {
                state.putClient(new ClientConfig(client));
            }
        }
        credentials.forEach(store::addCredential);
    }
}
