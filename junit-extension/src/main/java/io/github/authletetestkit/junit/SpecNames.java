package io.github.authletetestkit.junit;

import io.github.authletetestkit.mock.internal.faults.FaultPlan;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import io.github.authletetestkit.spec.internal.SpecOperation;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Names from the spec a mock routes by — operation IDs, members of a service — so that a misspelt one fails at once instead of matching nothing. */
final class SpecNames {

    private final AuthleteSpec spec;

    SpecNames(AuthleteSpec spec) {
        this.spec = spec;
    }

    void check(String operationId) {
        Objects.requireNonNull(operationId, "operationId");
        if (spec.operation(operationId).isPresent()) {
            return;
        }
        List<String> known = spec.operations().stream().map(SpecOperation::operationId).filter(Objects::nonNull).sorted().toList();
        String closest = known.stream().min(Comparator.comparingInt(id -> distance(id, operationId))).orElse(null);
        throw new IllegalArgumentException("The spec has no operation '" + operationId + "'"
                + (closest != null && distance(closest, operationId) <= Math.max(3, operationId.length() / 3)
                        ? "; did you mean '" + closest + "'?" : ".")
                + " Operation IDs: " + String.join(", ", known));
    }

    /** Like {@link #check}, and also accepts {@link FaultPlan#ANY_OPERATION}. */
    void checkOrAny(String operationId) {
        if (!FaultPlan.ANY_OPERATION.equals(operationId)) {
            check(operationId);
        }
    }

    /** Checks the members of a service update exist in the spec's {@code Service} schema (when the spec has one). */
    void checkServiceMembers(Iterable<String> members) {
        Map<String, Schema> properties = Optional.ofNullable(spec.openApi().getComponents())
                .map(Components::getSchemas).map(schemas -> schemas.get("Service")).map(Schema::getProperties).orElse(null);
        if (properties == null || properties.isEmpty()) {
            return;
        }
        for (String member : members) {
            if (!properties.containsKey(member)) {
                String closest = properties.keySet().stream().min(Comparator.comparingInt(id -> distance(id, member))).orElse("");
                throw new IllegalArgumentException("A service has no member '" + member + "'"
                        + (distance(closest, member) <= Math.max(3, member.length() / 3) ? "; did you mean '" + closest + "'?" : ".")
                        + " See the Service schema of the spec.");
            }
            Schema<?> schema = properties.get(member);
            if (Boolean.TRUE.equals(schema.getReadOnly())) {
                throw new IllegalArgumentException("The service member '" + member + "' is read-only.");
            }
        }
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
