package io.github.authletetestkit.mock.internal.store.redis;

import io.github.authletetestkit.mock.Fault;
import io.github.authletetestkit.mock.internal.faults.FaultPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Planned faults in Redis: one list per operation of {@code "<calls left>|<fault JSON>"} entries, and a set of the
 * operations that have one, so that a fault planned through one mock process is met by a call to any.
 */
public final class RedisFaultQueues implements FaultPlan.Queues {

    private final RedisConnection redis;

    public RedisFaultQueues(RedisConnection redis) {
        this.redis = redis;
    }

    private String queueKey(String operationId) {
        return redis.key("faults:" + operationId);
    }

    private String operationsKey() {
        return redis.key("fault-operations");
    }

    @Override
    public void append(String operationId, Fault fault, int times) {
        redis.redis().rpush(queueKey(operationId), times + "|" + RecordCodec.write(fault));
        redis.redis().sadd(operationsKey(), operationId);
    }

    @Override
    public Optional<Fault> take(String operationId) {
        Object taken = redis.run(Scripts.TAKE_FAULT, List.of(queueKey(operationId)), List.of());
        return Optional.ofNullable((String) taken).map(text -> RecordCodec.read(text, Fault.class));
    }

    @Override
    public List<FaultPlan.Planned> planned() {
        List<FaultPlan.Planned> all = new ArrayList<>();
        redis.redis().smembers(operationsKey()).stream().sorted().forEach(operationId -> {
            for (String entry : redis.redis().lrange(queueKey(operationId), 0, -1)) {
                int bar = entry.indexOf('|');
                all.add(new FaultPlan.Planned(operationId, RecordCodec.read(entry.substring(bar + 1), Fault.class),
                        Integer.parseInt(entry.substring(0, bar))));
            }
        });
        return all;
    }

    @Override
    public void clear() {
        redis.redis().smembers(operationsKey()).forEach(operationId -> redis.redis().del(queueKey(operationId)));
        redis.redis().del(operationsKey());
    }
}
