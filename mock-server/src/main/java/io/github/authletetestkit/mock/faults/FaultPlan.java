package io.github.authletetestkit.mock.faults;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The faults waiting for the next calls of each operation, by operationId ({@code "*"} for any
 * operation). Each entry is used for a number of calls and then gone; entries for one operation are
 * used in the order they were added.
 */
public final class FaultPlan {

    public static final String ANY_OPERATION = "*";

    private record Entry(Fault fault, int[] remaining) {}

    /** A fault still waiting for {@code calls} more calls of {@code operationId}. */
    public record Planned(String operationId, Fault fault, int calls) {}

    private final Map<String, Deque<Entry>> planned = new HashMap<>();

    /** The next {@code times} calls of {@code operationId} get {@code fault}. */
    public synchronized FaultPlan add(String operationId, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        planned.computeIfAbsent(operationId, k -> new ArrayDeque<>()).addLast(new Entry(fault, new int[] {times}));
        return this;
    }

    /** Takes the fault for this call, if one is planned for the operation or for any operation. */
    public synchronized Optional<Fault> next(String operationId) {
        Optional<Fault> specific = take(operationId);
        return specific.isPresent() ? specific : take(ANY_OPERATION);
    }

    private Optional<Fault> take(String key) {
        Deque<Entry> queue = planned.get(key);
        if (queue == null || queue.isEmpty()) {
            return Optional.empty();
        }
        Entry head = queue.peekFirst();
        if (--head.remaining()[0] == 0) {
            queue.removeFirst();
        }
        return Optional.of(head.fault());
    }

    /** How many faulty calls are still planned for the operation. */
    public synchronized int pending(String operationId) {
        Deque<Entry> queue = planned.get(operationId);
        return queue == null ? 0 : queue.stream().mapToInt(e -> e.remaining()[0]).sum();
    }

    /** Every fault still waiting, by operationId, each operation's in the order they will be used. */
    public synchronized List<Planned> planned() {
        List<Planned> all = new ArrayList<>();
        planned.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                e.getValue().forEach(entry -> all.add(new Planned(e.getKey(), entry.fault(), entry.remaining()[0]))));
        return all;
    }

    public synchronized void clear() {
        planned.clear();
    }
}
