package io.github.authletetestkit.mock.internal.store.redis;

/**
 * The Lua scripts behind the atomic verbs. Each touches one record key and its kind's index set, which share a
 * hash tag (the service), so the scripts also run on a Redis cluster. A TTL argument of {@code "0"} means none.
 */
final class Scripts {

    private Scripts() {}

    private static final String SET_VALUE = """
            local function set_value(key, value, ttl, flag)
              if ttl == '0' then
                if flag then return redis.call('SET', key, value, flag) end
                return redis.call('SET', key, value)
              end
              if flag then return redis.call('SET', key, value, 'PX', ttl, flag) end
              return redis.call('SET', key, value, 'PX', ttl)
            end
            """;

    /** KEYS: record, index. ARGV: id, value, ttl. Stores the record, replacing any. */
    static final String PUT = SET_VALUE + """
            set_value(KEYS[1], ARGV[2], ARGV[3], nil)
            redis.call('SADD', KEYS[2], ARGV[1])
            return 1
            """;

    /** KEYS: record, index. ARGV: id, value, ttl. 1 when stored, 0 when a record was there. */
    static final String PUT_IF_ABSENT = SET_VALUE + """
            if not set_value(KEYS[1], ARGV[2], ARGV[3], 'NX') then return 0 end
            redis.call('SADD', KEYS[2], ARGV[1])
            return 1
            """;

    /** KEYS: record. ARGV: id, value, ttl. 1 when replaced, 0 when there was no record. */
    static final String REPLACE_PRESENT = SET_VALUE + """
            if not set_value(KEYS[1], ARGV[2], ARGV[3], 'XX') then return 0 end
            return 1
            """;

    /** KEYS: record, index. ARGV: id. The record taken out, or nil. */
    static final String TAKE = """
            local value = redis.call('GET', KEYS[1])
            if value then
              redis.call('DEL', KEYS[1])
              redis.call('SREM', KEYS[2], ARGV[1])
            end
            return value
            """;

    /** KEYS: record, index. ARGV: id, expected value. 1 when removed, 0 when the record was another or gone. */
    static final String REMOVE_EXACT = """
            if redis.call('GET', KEYS[1]) ~= ARGV[2] then return 0 end
            redis.call('DEL', KEYS[1])
            redis.call('SREM', KEYS[2], ARGV[1])
            return 1
            """;

    /** KEYS: record. ARGV: expected value, new value, ttl. 1 when replaced, 0 when the record was another or gone. */
    static final String REPLACE_EXACT = SET_VALUE + """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            set_value(KEYS[1], ARGV[2], ARGV[3], nil)
            return 1
            """;

    /** KEYS: key. ARGV: expected value. Deletes the key while it holds that value. */
    static final String DELETE_IF_EQUAL = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;

    /** KEYS: key, version. ARGV: expected value ('' for none), new value. Compare-and-set that bumps a version counter. */
    static final String SWAP_VERSIONED = """
            if (redis.call('GET', KEYS[1]) or '') ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2])
            redis.call('INCR', KEYS[2])
            return 1
            """;

    /** KEYS: key. ARGV: expected value ('' for none), new value. Compare-and-set. */
    static final String SWAP = """
            if (redis.call('GET', KEYS[1]) or '') ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2])
            return 1
            """;

    /**
     * KEYS: the window's hash. ARGV: now (ms), window length (ms), limit. A fixed window opened by its first call:
     * -1 when the call is counted, else the milliseconds until the window closes.
     */
    static final String TAKE_RATE_SLOT = """
            local now, length, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
            local start = tonumber(redis.call('HGET', KEYS[1], 'start') or '-1')
            local calls = tonumber(redis.call('HGET', KEYS[1], 'calls') or '0')
            if start < 0 or now < start or now >= start + length then
              start = now
              calls = 0
            end
            local text = string.format('%.0f', start)
            if calls >= limit then
              redis.call('HSET', KEYS[1], 'start', text, 'calls', string.format('%.0f', calls))
              return start + length - now
            end
            redis.call('HSET', KEYS[1], 'start', text, 'calls', string.format('%.0f', calls + 1))
            redis.call('PEXPIRE', KEYS[1], string.format('%.0f', length * 2))
            return -1
            """;

    /** KEYS: an operation's fault queue. Uses its head entry ("calls|fault") once; the fault, or nil when none. */
    static final String TAKE_FAULT = """
            local head = redis.call('LINDEX', KEYS[1], 0)
            if not head then return nil end
            local bar = string.find(head, '|', 1, true)
            local calls = tonumber(string.sub(head, 1, bar - 1))
            local fault = string.sub(head, bar + 1)
            if calls <= 1 then
              redis.call('LPOP', KEYS[1])
            else
              redis.call('LSET', KEYS[1], 0, string.format('%d', calls - 1) .. '|' .. fault)
            end
            return fault
            """;
}
