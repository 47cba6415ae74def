package io.github.authletetestkit.mock.internal.store.redis;

import io.github.authletetestkit.mock.MockClock;
import java.util.List;

/** The mock clock's setting in Redis, so that every process of a deployment agrees on the time. */
public final class RedisClockSetting implements MockClock.SharedSetting {

    private final RedisConnection redis;

    public RedisClockSetting(RedisConnection redis) {
        this.redis = redis;
    }

    private String key() {
        return redis.key("clock");
    }

    @Override
    public String read() {
        String text = redis.redis().get(key());
        return text == null ? "" : text;
    }

    @Override
    public boolean swap(String expected, String updated) {
        return redis.runForNumber(Scripts.SWAP, List.of(key()), List.of(expected, updated)) == 1;
    }
}
