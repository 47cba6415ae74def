package io.github.authletetestkit.mock.internal.store;

import io.github.authletetestkit.mock.model.ServiceConfig;

/** The store contract, in memory. */
class InMemoryServiceStateTest extends ServiceStateContract {

    @Override
    protected ServiceState newState(ServiceConfig config) {
        return ServiceState.inMemory(config);
    }
}
