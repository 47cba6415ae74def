package io.github.authletetestkit.mock.internal.store.redis;

import io.github.authletetestkit.mock.internal.ratelimit.RateLimiter;
import io.github.authletetestkit.spec.internal.RateCategory;
import io.github.authletetestkit.spec.internal.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rate-limit windows counted in Redis, so that the calls to every mock process of a deployment count together. */
public final class RedisRateWindows implements RateLimiter.Windows {

    private final RedisConnection redis;

    public RedisRateWindows(RedisConnection redis) {
        this.redis = redis;
    }

    private String windowKey(long serviceId, RateCategory category) {
        return redis.key("rate:" + serviceId + ":" + category.name());
    }

    private String windowsKey() {
        return redis.key("rate-windows");
    }

    @Override
    public Optional<Duration> take(long serviceId, RateCategory category, Instant now, int limit) {
        String key = windowKey(serviceId, category);
        redis.redis().sadd(windowsKey(), serviceId + ":" + category.name());
        long wait = redis.runForNumber(Scripts.TAKE_RATE_SLOT, List.of(key),
                List.of(Long.toString(now.toEpochMilli()), Long.toString(RateLimiter.WINDOW.toMillis()), Integer.toString(limit)));
        return wait < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(wait));
    }

    @Override
    public List<RateLimiter.Usage> usage(Instant now, RateLimits limits) {
        List<RateLimiter.Usage> open = new ArrayList<>();
        for (String member : redis.redis().smembers(windowsKey())) {
            int colon = member.indexOf(':');
            long serviceId = Long.parseLong(member.substring(0, colon));
            RateCategory category = RateCategory.valueOf(member.substring(colon + 1));
            Map<String, String> window = redis.redis().hgetAll(windowKey(serviceId, category));
            if (window.isEmpty()) {
                continue;
            }
            Instant start = Instant.ofEpochMilli(Long.parseLong(window.get("start")));
            Instant ends = start.plus(RateLimiter.WINDOW);
            if (!now.isBefore(start) && now.isBefore(ends)) {
                open.add(new RateLimiter.Usage(serviceId, category, Integer.parseInt(window.get("calls")), limits.published(category), ends));
            }
        }
        return open;
    }

    @Override
    public void clear() {
        redis.redis().smembers(windowsKey()).forEach(member -> redis.redis().del(redis.key("rate:" + member)));
        redis.redis().del(windowsKey());
    }
}
