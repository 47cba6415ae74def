package io.github.authletetestkit.mock.internal.store.redis;

import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.ServiceStateContract;
import io.github.authletetestkit.mock.model.ServiceConfig;
import io.github.authletetestkit.mock.testing.RedisServer;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;

/** The store contract, against a real redis-server. */
class RedisServiceStateTest extends ServiceStateContract {

    private RedisMockStore store;

    @Override
    protected ServiceState newState(ServiceConfig config) {
        store = new RedisMockStore(RedisConnection.open(URI.create(RedisServer.shared().newDeployment("contract"))), () -> NOW);
        return store.addService(config);
    }

    @AfterEach
    void dropDeployment() {
        if (store != null) {
            store.clear();
            store.close();
        }
    }
}
