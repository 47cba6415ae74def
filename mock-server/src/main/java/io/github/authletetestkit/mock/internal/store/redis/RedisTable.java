package io.github.authletetestkit.mock.internal.store.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One kind of record of one service in Redis: each record a string key holding its JSON, expiring with the record
 * (plus a grace period, so the mock's own clock decides when it is expired), and an index set of the IDs for
 * listing. Index entries whose record expired are dropped when met.
 *
 * @param <V> the record type
 */
final class RedisTable<V> {

    /** How long Redis keeps a record past its expiry, so that a mock clock set a little back still finds it. */
    static final Duration GRACE = Duration.ofMinutes(10);

    private final RedisConnection redis;
    private final String keyPrefix;
    private final String index;
    private final Class<V> type;
    private final Function<V, Instant> expiry;
    private final Supplier<Instant> now;

    /**
     * @param servicePrefix the service's key prefix, with its hash tag
     * @param expiry        when a record expires; null for records that do not
     */
    RedisTable(RedisConnection redis, String servicePrefix, String kind, Class<V> type, Function<V, Instant> expiry,
               Supplier<Instant> now) {
        this.redis = redis;
        this.keyPrefix = servicePrefix + kind + ":";
        this.index = servicePrefix + kind + "-ids";
        this.type = type;
        this.expiry = expiry;
        this.now = now;
    }

    Optional<V> get(String id) {
        String text = id == null ? null : redis.redis().get(keyPrefix + id);
        return Optional.ofNullable(text).map(this::read);
    }

    void put(String id, V value) {
        redis.run(Scripts.PUT, List.of(keyPrefix + id, index), List.of(id, RecordCodec.write(value), ttl(value)));
    }

    boolean putIfAbsent(String id, V value) {
        return redis.runForNumber(Scripts.PUT_IF_ABSENT, List.of(keyPrefix + id, index), List.of(id, RecordCodec.write(value), ttl(value))) == 1;
    }

    /** Replaces the record while there is one. */
    boolean replacePresent(String id, V value) {
        return redis.runForNumber(Scripts.REPLACE_PRESENT, List.of(keyPrefix + id), List.of(id, RecordCodec.write(value), ttl(value))) == 1;
    }

    /** Takes the record out; empty when there was none or a concurrent caller took it. */
    Optional<V> take(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Object taken = redis.run(Scripts.TAKE, List.of(keyPrefix + id, index), List.of(id));
        return Optional.ofNullable((String) taken).map(this::read);
    }

    /** Removes the record while it is exactly {@code expected}. */
    boolean removeExact(String id, V expected) {
        return redis.runForNumber(Scripts.REMOVE_EXACT, List.of(keyPrefix + id, index), List.of(id, RecordCodec.write(expected))) == 1;
    }

    /** Compare-and-replace: false when the record is no longer exactly {@code expected}. */
    boolean replaceExact(String id, V expected, V updated) {
        return redis.runForNumber(Scripts.REPLACE_EXACT, List.of(keyPrefix + id),
                List.of(RecordCodec.write(expected), RecordCodec.write(updated), ttl(updated))) == 1;
    }

    /** Every record, in no particular order; index entries of expired records are dropped on the way. */
    List<V> all() {
        List<String> ids = new ArrayList<>(redis.redis().smembers(index));
        List<V> values = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> page = ids.subList(from, Math.min(ids.size(), from + 500));
            List<String> texts = redis.redis().mget(page.stream().map(id -> keyPrefix + id).toArray(String[]::new));
            for (int i = 0; i < page.size(); i++) {
                if (texts.get(i) == null) {
                    gone.add(page.get(i));
                } else {
                    values.add(read(texts.get(i)));
                }
            }
        }
        if (!gone.isEmpty()) {
            redis.redis().srem(index, gone.toArray(String[]::new));
        }
        return values;
    }

    /** Removes every record that still matches when it is removed; the number removed. */
    int removeAll(Function<V, String> idOf, Predicate<V> which) {
        int removed = 0;
        for (V value : all()) {
            if (which.test(value) && removeExact(idOf.apply(value), value)) {
                removed++;
            }
        }
        return removed;
    }

    private V read(String text) {
        return RecordCodec.read(text, type);
    }

    /** Milliseconds Redis keeps the record: until its expiry by the mock clock, plus {@link #GRACE}; "0" for ever. */
    private String ttl(V value) {
        Instant expiresAt = expiry == null ? null : expiry.apply(value);
        long millis = expiresAt == null ? -1 : keepMillis(now.get(), expiresAt);
        return millis < 0 ? "0" : Long.toString(millis);
    }

    /**
     * How long Redis keeps what expires at {@code until} on the mock clock standing at {@code now}: until then plus
     * {@link #GRACE}; -1 when that is too far to count in milliseconds (keep it for ever).
     */
    static long keepMillis(Instant now, Instant until) {
        try {
            return Math.addExact(Math.max(0, Duration.between(now, until).toMillis()), GRACE.toMillis());
        } catch (ArithmeticException tooFar) {
            return -1;
        }
    }
}
