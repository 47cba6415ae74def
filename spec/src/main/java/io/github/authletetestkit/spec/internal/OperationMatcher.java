package io.github.authletetestkit.spec.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the operation for a concrete request such as {@code GET /api/123/client/get/456}.
 *
 * <p>The templates are compiled once into a segment tree. At every segment a literal child is tried
 * before a parameter child, so {@code /api/service/get/list} is the service-list operation and never
 * {@code /api/{serviceId}/...}. When the most specific path has no operation for the method, less
 * specific paths are tried; if none has it, there is no match and {@link #allowedMethods(String)} tells
 * a 405 from a 404. Matching splits the path once and allocates only the result; it is thread-safe.
 */
public final class OperationMatcher {

    /** A successful match: the operation and the percent-decoded path parameter values by name. */
    public record Match(SpecOperation operation, Map<String, String> pathParameters) {
        public Match {
            Objects.requireNonNull(operation, "operation");
            pathParameters = pathParameters == null ? Map.of() : pathParameters;
        }

        /** Shortcut for {@code operation().operationId()}. */
        public String operationId() {
            return operation.operationId();
        }

        /** A path parameter value, or {@code null}. */
        public String pathParameter(String name) {
            return pathParameters.get(name);
        }
    }

    private static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        Node parameter;
        /** Operations ending at this node, by upper-case method. */
        final Map<String, SpecOperation> operations = new LinkedHashMap<>();
    }

    private final Node root = new Node();
    private final List<SpecOperation> operations;

    private OperationMatcher(Collection<SpecOperation> operations) {
        this.operations = List.copyOf(operations);
        for (SpecOperation operation : this.operations) {
            PathTemplate template = operation.template();
            Node node = root;
            for (int i = 0; i < template.segmentCount(); i++) {
                if (template.isParameter(i)) {
                    if (node.parameter == null) {
                        node.parameter = new Node();
                    }
                    node = node.parameter;
                } else {
                    node = node.literals.computeIfAbsent(template.literal(i), k -> new Node());
                }
            }
            // Templates differing only in parameter names are equivalent (OpenAPI forbids them); first wins.
            node.operations.putIfAbsent(operation.method(), operation);
        }
    }

    /** Compiles a matcher for the given operations (typically {@link AuthleteSpec#operations()}). */
    public static OperationMatcher of(Collection<SpecOperation> operations) {
        return new OperationMatcher(operations);
    }

    /** The operations this matcher knows. */
    public List<SpecOperation> operations() {
        return operations;
    }

    /**
     * The operation for {@code method} and the concrete {@code path} (query string and fragment are
     * ignored; parameter values are percent-decoded). Empty when no template fits the path or none that
     * fits has the method.
     */
    public Optional<Match> match(String method, String path) {
        Objects.requireNonNull(method, "method");
        String[] segments = PathTemplate.splitSegments(PathTemplate.stripQuery(path));
        if (segments == null) {
            return Optional.empty();
        }
        String upper = method.toUpperCase(Locale.ROOT);
        SpecOperation found = find(root, segments, 0, upper);
        if (found == null) {
            return Optional.empty();
        }
        PathTemplate template = found.template();
        List<String> names = template.parameterNames();
        if (names.isEmpty()) {
            return Optional.of(new Match(found, Map.of()));
        }
        Map<String, String> values = new LinkedHashMap<>(names.size() * 2);
        for (int i = 0; i < segments.length; i++) {
            if (template.isParameter(i)) {
                values.put(template.parameter(i), PathTemplate.decode(segments[i]));
            }
        }
        return Optional.of(new Match(found, Collections.unmodifiableMap(values)));
    }

    /** The operation, if any, that would handle the request; the same as {@code match(...).map(Match::operation)}. */
    public Optional<SpecOperation> operation(String method, String path) {
        return match(method, path).map(Match::operation);
    }

    /**
     * The methods some template fitting {@code path} declares, sorted. Empty means the path is unknown
     * (404); non-empty without a {@link #match} for the request's method means 405.
     */
    public Set<String> allowedMethods(String path) {
        String[] segments = PathTemplate.splitSegments(PathTemplate.stripQuery(path));
        Set<String> methods = new TreeSet<>();
        if (segments != null) {
            collectMethods(root, segments, 0, methods);
        }
        return Collections.unmodifiableSet(methods);
    }

    private static SpecOperation find(Node node, String[] segments, int index, String method) {
        if (index == segments.length) {
            return node.operations.get(method);
        }
        Node literal = node.literals.get(segments[index]);
        if (literal != null) {
            SpecOperation found = find(literal, segments, index + 1, method);
            if (found != null) {
                return found;
            }
        }
        if (node.parameter != null) {
            return find(node.parameter, segments, index + 1, method);
        }
        return null;
    }

    private static void collectMethods(Node node, String[] segments, int index, Set<String> methods) {
        if (index == segments.length) {
            methods.addAll(node.operations.keySet());
            return;
        }
        Node literal = node.literals.get(segments[index]);
        if (literal != null) {
            collectMethods(literal, segments, index + 1, methods);
        }
        if (node.parameter != null) {
            collectMethods(node.parameter, segments, index + 1, methods);
        }
    }

    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        for (SpecOperation operation : operations) {
            lines.add(operation.toString());
        }
        return "OperationMatcher" + lines;
    }
}
