package io.github.authletetestkit.mock.coverage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which operations of the spec, and which {@code action} values of each, calls exercised: every operation of the
 * spec with its call count, every action value its responses may carry (counted, 0 when never answered), and the
 * {@code resultCode}s answered. Immutable; {@link #merge} adds two together (test classes, JVMs, runs).
 *
 * @param operations every operation of the spec, then any other one called, in that order
 */
public record Coverage(List<OperationCoverage> operations) {

    /**
     * One operation.
     *
     * @param actions every action value the spec lists for the operation, in its order, then any other one answered;
     *                each with its count
     * @param resultCodes the result codes answered, sorted, each with its count
     */
    public record OperationCoverage(String operationId, long calls, Map<String, Long> actions, Map<String, Long> resultCodes) {

        public OperationCoverage {
            actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
            resultCodes = Collections.unmodifiableMap(new TreeMap<>(resultCodes));
        }

        public boolean called() {
            return calls > 0;
        }

        /** The action values never answered. */
        public List<String> uncoveredActions() {
            return actions.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
        }

        OperationCoverage plus(OperationCoverage other) {
            return new OperationCoverage(operationId, calls + other.calls, sum(actions, other.actions), sum(resultCodes, other.resultCodes));
        }
    }

    public Coverage {
        operations = List.copyOf(operations);
    }

    /**
     * The coverage of these counts over these operations and action values.
     *
     * @param catalog operationId to its action values, in the order to report them (e.g. the spec's)
     */
    public static Coverage of(Map<String, List<String>> catalog, Map<CallKind, Long> counts) {
        Map<String, long[]> calls = new LinkedHashMap<>();
        Map<String, Map<String, Long>> actions = new LinkedHashMap<>();
        Map<String, Map<String, Long>> codes = new LinkedHashMap<>();
        catalog.forEach((operation, values) -> {
            calls.put(operation, new long[1]);
            Map<String, Long> zeros = new LinkedHashMap<>();
            values.forEach(value -> zeros.put(value, 0L));
            actions.put(operation, zeros);
            codes.put(operation, new TreeMap<>());
        });
        counts.forEach((kind, count) -> {
            calls.computeIfAbsent(kind.operationId(), k -> new long[1])[0] += count;
            if (kind.action() != null) {
                actions.computeIfAbsent(kind.operationId(), k -> new LinkedHashMap<>()).merge(kind.action(), count, Long::sum);
            }
            if (kind.resultCode() != null) {
                codes.computeIfAbsent(kind.operationId(), k -> new TreeMap<>()).merge(kind.resultCode(), count, Long::sum);
            }
        });
        List<OperationCoverage> operations = new ArrayList<>();
        calls.forEach((operation, n) -> operations.add(new OperationCoverage(operation, n[0],
                actions.getOrDefault(operation, Map.of()), codes.getOrDefault(operation, Map.of()))));
        return new Coverage(operations);
    }

    /** Both together: calls, actions and result codes added up; the operations of this one first. */
    public Coverage merge(Coverage other) {
        Map<String, OperationCoverage> merged = new LinkedHashMap<>();
        for (OperationCoverage operation : operations) {
            merged.put(operation.operationId(), operation);
        }
        for (OperationCoverage operation : other.operations) {
            merged.merge(operation.operationId(), operation, OperationCoverage::plus);
        }
        return new Coverage(new ArrayList<>(merged.values()));
    }

    /** An empty coverage, the start of a {@link #merge}. */
    public static Coverage empty() {
        return new Coverage(List.of());
    }

    public long calls() {
        return operations.stream().mapToLong(OperationCoverage::calls).sum();
    }

    /** The operations called at least once. */
    public long calledOperations() {
        return operations.stream().filter(OperationCoverage::called).count();
    }

    /** How many (operation, action) pairs there are, and how many were answered at least once. */
    public long actions() {
        return operations.stream().mapToLong(o -> o.actions().size()).sum();
    }

    public long coveredActions() {
        return operations.stream().mapToLong(o -> o.actions().size() - o.uncoveredActions().size()).sum();
    }

    /** The operations never called. */
    public List<String> uncalledOperations() {
        return operations.stream().filter(o -> !o.called()).map(OperationCoverage::operationId).toList();
    }

    /** operationId to its action values never answered, for every operation with any. */
    public Map<String, List<String>> uncoveredActions() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (OperationCoverage operation : operations) {
            List<String> missing = operation.uncoveredActions();
            if (!missing.isEmpty()) {
                result.put(operation.operationId(), missing);
            }
        }
        return result;
    }

    /** One operation's coverage; null when the coverage has no such operation. */
    public OperationCoverage operation(String operationId) {
        return operations.stream().filter(o -> o.operationId().equals(operationId)).findFirst().orElse(null);
    }

    private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> result = new LinkedHashMap<>(a);
        b.forEach((key, count) -> result.merge(key, count, Long::sum));
        return result;
    }
}
