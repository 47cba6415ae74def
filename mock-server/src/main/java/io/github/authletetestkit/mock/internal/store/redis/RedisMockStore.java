package io.github.authletetestkit.mock.internal.store.redis;

import io.github.authletetestkit.mock.internal.store.ApiCredential;
import io.github.authletetestkit.mock.internal.store.MockStore;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A mock deployment's state in Redis, shared by every mock process started with the same store URI: a set of
 * service IDs, a hash of API credentials, and each service's records (see {@link RedisServiceState}).
 */
public final class RedisMockStore implements MockStore {

    private final RedisConnection redis;
    private final Supplier<Instant> now;
    /** This process's view of each service (it caches the configuration and holds per-process state). */
    private final Map<Long, RedisServiceState> views = new ConcurrentHashMap<>();

    public RedisMockStore(RedisConnection redis, Supplier<Instant> now) {
        this.redis = redis;
        this.now = now;
    }

    public RedisConnection connection() {
        return redis;
    }

    private String servicesKey() {
        return redis.key("services");
    }

    private String credentialsKey() {
        return redis.key("credentials");
    }

    private RedisServiceState view(long serviceId) {
        return views.computeIfAbsent(serviceId, id -> new RedisServiceState(redis, id, now));
    }

    /**
     * Claims the first start of the deployment: true exactly once (for the process that must install the seed or
     * the default service), until {@link #clear} or {@link #replaceAll}.
     */
    @Override
    public boolean claimInitialisation() {
        return redis.redis().setnx(redis.key("initialised"), "1") == 1;
    }

    @Override
    public ServiceState addService(ServiceConfig config) {
        RedisServiceState service = view(config.apiKey());
        service.writeConfig(config);
        redis.redis().sadd(servicesKey(), Long.toString(config.apiKey()));
        return service;
    }

    /**
     * Not one step in Redis: another process may see the deployment half-replaced while it runs. Seeds and
     * resets are set-up steps, run while no test calls the mock.
     */
    @Override
    public void replaceAll(List<ServiceState> newServices, List<ApiCredential> newCredentials) {
        clear();
        Instant everything = Instant.MIN;
        for (ServiceState source : newServices) {
            RedisServiceState service = (RedisServiceState) addService(source.config());
            service.load(source.snapshot(everything));
        }
        newCredentials.forEach(this::addCredential);
        redis.redis().set(redis.key("initialised"), "1");
    }

    @Override
    public Optional<ServiceState> service(long serviceId) {
        return redis.redis().sismember(servicesKey(), Long.toString(serviceId)) ? Optional.of(view(serviceId)) : Optional.empty();
    }

    @Override
    public boolean removeService(long serviceId) {
        boolean removed = redis.redis().srem(servicesKey(), Long.toString(serviceId)) == 1;
        credentials().stream().filter(c -> c.kind() == ApiCredential.Kind.SERVICE && c.serviceId() == serviceId)
                .forEach(c -> redis.redis().hdel(credentialsKey(), c.token()));
        if (removed) {
            view(serviceId).deleteAll();
            views.remove(serviceId);
        }
        return removed;
    }

    @Override
    public List<ServiceState> services() {
        return redis.redis().smembers(servicesKey()).stream().map(Long::parseLong).sorted(Comparator.naturalOrder())
                .map(id -> (ServiceState) view(id)).toList();
    }

    @Override
    public void addCredential(ApiCredential credential) {
        redis.redis().hset(credentialsKey(), credential.token(), RecordCodec.write(credential));
    }

    @Override
    public Optional<ApiCredential> credential(String token) {
        String text = token == null ? null : redis.redis().hget(credentialsKey(), token);
        return Optional.ofNullable(text).map(t -> RecordCodec.read(t, ApiCredential.class));
    }

    @Override
    public List<ApiCredential> credentials() {
        return redis.redis().hvals(credentialsKey()).stream().map(t -> RecordCodec.read(t, ApiCredential.class)).toList();
    }

    @Override
    public void clear() {
        redis.deleteAll();
        views.clear();
    }

    @Override
    public void sweep(Instant at) {
        services().forEach(s -> s.sweep(at));
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void close() {
        redis.close();
    }
}
