package io.github.authletetestkit.mock.store;

import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** All state of one mock: services (each a partition of its own) and the API credentials. */
public final class MockStore {

    private final Map<Long, ServiceState> services = new ConcurrentHashMap<>();
    private final Map<String, ApiCredential> credentials = new ConcurrentHashMap<>();

    public ServiceState addService(ServiceConfig config) {
        ServiceState state = new ServiceState(config);
        services.put(config.apiKey(), state);
        return state;
    }

    public Optional<ServiceState> service(long serviceId) {
        return Optional.ofNullable(services.get(serviceId));
    }

    public boolean removeService(long serviceId) {
        boolean removed = services.remove(serviceId) != null;
        credentials.values().removeIf(c -> c.kind() == ApiCredential.Kind.SERVICE && c.serviceId() == serviceId);
        return removed;
    }

    public List<ServiceState> services() {
        List<ServiceState> all = new ArrayList<>(services.values());
        all.sort(Comparator.comparingLong(ServiceState::serviceId));
        return all;
    }

    public void addCredential(ApiCredential credential) {
        credentials.put(credential.token(), credential);
    }

    public Optional<ApiCredential> credential(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(credentials.get(token));
    }

    public List<ApiCredential> credentials() {
        return List.copyOf(credentials.values());
    }

    public void clear() {
        services.clear();
        credentials.clear();
    }

    public void sweep(Instant now) {
        services.values().forEach(s -> s.sweep(now));
    }
}
