package io.github.authletetestkit.mock.coverage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts calls by operation, {@code action} and {@code resultCode}, without bound on time (unlike the call journal,
 * which forgets old calls): what a {@link Coverage} is made of. Thread-safe.
 */
public final class CoverageCounter {

    private final ConcurrentHashMap<CallKind, LongAdder> counts = new ConcurrentHashMap<>();

    /**
     * Counts one call.
     *
     * @param operationId the operation; a call to no operation (a path the spec lacks) is not counted
     * @param action the answer's {@code action}, or null
     * @param resultCode the answer's {@code resultCode}, or null
     */
    public void record(String operationId, String action, String resultCode) {
        if (operationId != null) {
            counts.computeIfAbsent(new CallKind(operationId, action, resultCode), k -> new LongAdder()).increment();
        }
    }

    /** The counts so far. */
    public Map<CallKind, Long> counts() {
        Map<CallKind, Long> copy = new LinkedHashMap<>();
        counts.forEach((kind, count) -> copy.put(kind, count.sum()));
        return copy;
    }

    public void clear() {
        counts.clear();
    }
}
