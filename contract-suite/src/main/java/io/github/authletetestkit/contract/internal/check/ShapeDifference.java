package io.github.authletetestkit.contract.internal.check;

/**
 * Where two JSON documents differ in shape.
 *
 * @param pointer where ({@code ""} for the root)
 * @param kind    {@link Kind#ONLY_LEFT}: a member only the left side has; {@link Kind#ONLY_RIGHT}: only the
 *                right; {@link Kind#TYPE}: both have it with different JSON types
 * @param left    the left side's JSON type there ({@code absent} when missing)
 * @param right   the right side's JSON type there
 */
public record ShapeDifference(String pointer, Kind kind, String left, String right) {

    public enum Kind { ONLY_LEFT, ONLY_RIGHT, TYPE }
}
