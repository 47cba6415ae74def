package io.github.authletetestkit.mock.internal.store;

import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** The default store: every service and credential in this process's memory. */
public final class InMemoryMockStore implements MockStore {

    /** Both maps behind one reference, so that {@link #replaceAll} swaps them in a single step. */
    private record Contents(Map<Long, ServiceState> services, Map<String, ApiCredential> credentials) {
        Contents() {
            this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    private final AtomicReference<Contents> contents = new AtomicReference<>(new Contents());

    @Override
    public ServiceState addService(ServiceConfig config) {
        ServiceState state = ServiceState.inMemory(config);
        contents.get().services().put(config.apiKey(), state);
        return state;
    }

    @Override
    public void replaceAll(List<ServiceState> newServices, List<ApiCredential> newCredentials) {
        Contents next = new Contents();
        newServices.forEach(s -> next.services().put(s.serviceId(), s));
        newCredentials.forEach(c -> next.credentials().put(c.token(), c));
        contents.set(next);
    }

    @Override
    public Optional<ServiceState> service(long serviceId) {
        return Optional.ofNullable(contents.get().services().get(serviceId));
    }

    @Override
    public boolean removeService(long serviceId) {
        Contents current = contents.get();
        boolean removed = current.services().remove(serviceId) != null;
        current.credentials().values().removeIf(c -> c.kind() == ApiCredential.Kind.SERVICE && c.serviceId() == serviceId);
        return removed;
    }

    @Override
    public List<ServiceState> services() {
        List<ServiceState> all = new ArrayList<>(contents.get().services().values());
        all.sort(Comparator.comparingLong(ServiceState::serviceId));
        return all;
    }

    @Override
    public void addCredential(ApiCredential credential) {
        contents.get().credentials().put(credential.token(), credential);
    }

    @Override
    public Optional<ApiCredential> credential(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(contents.get().credentials().get(token));
    }

    @Override
    public List<ApiCredential> credentials() {
        return List.copyOf(contents.get().credentials().values());
    }

    @Override
    public void clear() {
        contents.set(new Contents());
    }

    @Override
    public void sweep(Instant now) {
        contents.get().services().values().forEach(s -> s.sweep(now));
    }
}
