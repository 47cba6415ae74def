package io.github.authletetestkit.mock.internal.faults;

import io.github.authletetestkit.mock.Fault;
import io.github.authletetestkit.mock.control.AuthleteMockControl;
import io.github.authletetestkit.mock.control.PlannedFault;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The faults waiting for the next calls of each operation, by operationId ({@code "*"} for any
 * operation). Each entry is used for a number of calls and then gone; entries for one operation are
 * used in the order they were added. The queues live in this process, or in {@link Queues} that several mock
 * processes share (Redis), so that a fault planned through one is met by a call to any.
 */
public final class FaultPlan {

    public static final String ANY_OPERATION = AuthleteMockControl.ANY_OPERATION;

    /** A fault still waiting for {@code calls} more calls of {@code operationId}. */
    public record Planned(String operationId, Fault fault, int calls) {

        /** As the control interface and the admin API show it. */
        public PlannedFault shown() {
            return new PlannedFault(operationId, fault, calls);
        }
    }

    /** The per-operation queues of planned faults. Each method is atomic. */
    public interface Queues {
        void append(String operationId, Fault fault, int times);

        /** Uses the head of the operation's queue once (removing it when spent); empty when none is planned. */
        Optional<Fault> take(String operationId);

        /** Every planned fault, by operationId, each operation's in queue order. */
        List<Planned> planned();

        void clear();
    }

    private final Queues queues;

    public FaultPlan() {
        this(new LocalQueues());
    }

    public FaultPlan(Queues queues) {
        this.queues = queues;
    }

    /** The next {@code times} calls of {@code operationId} get {@code fault}. */
    public FaultPlan add(String operationId, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        queues.append(operationId, fault, times);
        return this;
    }

    /** Takes the fault for this call, if one is planned for the operation or for any operation. */
    public Optional<Fault> next(String operationId) {
        Optional<Fault> specific = queues.take(operationId);
        return specific.isPresent() ? specific : queues.take(ANY_OPERATION);
    }

    /** How many faulty calls are still planned for the operation. */
    public int pending(String operationId) {
        return queues.planned().stream().filter(p -> p.operationId().equals(operationId)).mapToInt(Planned::calls).sum();
    }

    /** Every fault still waiting, by operationId, each operation's in the order they will be used. */
    public List<Planned> planned() {
        return queues.planned();
    }

    /**
     * Refuses an operation no fault could ever fire for: one that is not among the spec's {@code operationIds}
     * (nor {@value #ANY_OPERATION}).
     *
     * @throws IllegalArgumentException saying what to give instead
     */
    public static void checkOperation(String operation, java.util.Set<String> operationIds) {
        if (!ANY_OPERATION.equals(operation) && !operationIds.contains(operation)) {
            throw new IllegalArgumentException("No operation of the spec has the operationId '" + operation
                    + "'; use an operationId such as auth_token_api, or " + ANY_OPERATION + " for any.");
        }
    }

    public void clear() {
        queues.clear();
    }

    /** Queues in this process's memory. */
    private static final class LocalQueues implements Queues {

        private record Entry(Fault fault, int[] remaining) {}

        private final Map<String, Deque<Entry>> planned = new HashMap<>();

        @Override
        public synchronized void append(String operationId, Fault fault, int times) {
            planned.computeIfAbsent(operationId, k -> new ArrayDeque<>()).addLast(new Entry(fault, new int[] {times}));
        }

        @Override
        public synchronized Optional<Fault> take(String operationId) {
            Deque<Entry> queue = planned.get(operationId);
            if (queue == null || queue.isEmpty()) {
                return Optional.empty();
            }
            Entry head = queue.peekFirst();
            if (--head.remaining()[0] == 0) {
                queue.removeFirst();
            }
            return Optional.of(head.fault());
        }

        @Override
        public synchronized List<Planned> planned() {
            List<Planned> all = new ArrayList<>();
            planned.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                    e.getValue().forEach(entry -> all.add(new Planned(e.getKey(), entry.fault(), entry.remaining()[0]))));
            return all;
        }

        @Override
        public synchronized void clear() {
            planned.clear();
        }
    }
}
