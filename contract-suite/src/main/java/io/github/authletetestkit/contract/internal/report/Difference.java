package io.github.authletetestkit.contract.internal.report;

/**
 * Where the target and the embedded mock answered the same step differently.
 *
 * @param pointer JSON pointer for shape differences ({@code (json)} marks the inside of {@code responseContent})
 * @param target  what the target answered there (a status, an action or a JSON type)
 * @param mock    what the mock answered there
 */
public record Difference(String flow, String step, String operationId, Kind kind, String pointer, String target, String mock) {

    public enum Kind {
        STATUS, ACTION,
        /** a member only the target's answer has */
        ONLY_TARGET,
        /** a member only the mock's answer has */
        ONLY_MOCK,
        /** the same member with a different JSON type */
        TYPE,
        /** a step one side reached and the other did not, or a flow one side skipped */
        STEP
    }
}
