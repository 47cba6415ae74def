package io.github.authletetestkit.mock.internal.store;

import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * All state of one mock deployment: services (each a partition of its own, see {@link ServiceState}) and the
 * API credentials. In memory by default; on Redis ({@code mock.store.redis}) when several mock processes
 * serve as one.
 */
public interface MockStore extends AutoCloseable {

    static MockStore inMemory() {
        return new InMemoryMockStore();
    }

    /** Creates an empty service with this configuration. */
    ServiceState addService(ServiceConfig config);

    /**
     * Replaces every service and credential at once with copies of {@code newServices} (states built apart, e.g.
     * from a seed): a concurrent call sees either the old state or the new, never a mix.
     */
    void replaceAll(List<ServiceState> newServices, List<ApiCredential> newCredentials);

    Optional<ServiceState> service(long serviceId);

    /** Removes the service, with its service tokens; false when there was none. */
    boolean removeService(long serviceId);

    /** Every service, by service ID. */
    List<ServiceState> services();

    void addCredential(ApiCredential credential);

    Optional<ApiCredential> credential(String token);

    List<ApiCredential> credentials();

    void clear();

    /** Drops, in every service, what can no longer be used at {@code now}. */
    void sweep(Instant now);

    /** Whether this store's state outlives the process (so that a restarted mock must not seed over it). */
    default boolean shared() {
        return false;
    }

    /**
     * Claims the first start: true for the process that must install the seed (or the default service); false for a
     * mock joining a shared store another process set up.
     */
    default boolean claimInitialisation() {
        return true;
    }

    @Override
    default void close() {}
}
