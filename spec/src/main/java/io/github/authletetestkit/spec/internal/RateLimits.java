package io.github.authletetestkit.spec.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Calls allowed per hour in each {@link RateCategory}; absent means unlimited. Immutable. */
public final class RateLimits {

    private final Map<RateCategory, Integer> perHour;

    private RateLimits(Map<RateCategory, Integer> perHour) {
        perHour.forEach((category, limit) -> {
            if (limit == null || limit < 1) {
                throw new IllegalArgumentException("an hourly limit must be at least 1: " + category + "=" + limit);
            }
        });
        this.perHour = perHour.isEmpty() ? Map.of() : new EnumMap<>(perHour);
    }

    /** Authlete's published limits: service management 1,000, client management 5,000, authorization and token 10,000 an hour. */
    public static RateLimits authlete() {
        Map<RateCategory, Integer> limits = new EnumMap<>(RateCategory.class);
        limits.put(RateCategory.SERVICE_MANAGEMENT, 1_000);
        limits.put(RateCategory.CLIENT_MANAGEMENT, 5_000);
        limits.put(RateCategory.AUTHORIZATION, 10_000);
        limits.put(RateCategory.TOKEN, 10_000);
        return new RateLimits(limits);
    }

    public static RateLimits unlimited() {
        return new RateLimits(Map.of());
    }

    public static RateLimits of(Map<RateCategory, Integer> perHour) {
        return new RateLimits(perHour);
    }

    /**
     * The limits named by each category's {@link RateCategory#label() label} ({@code "token"}, {@code "service management"}…),
     * the form the mock's settings take; an unknown label is refused with the known ones.
     */
    public static RateLimits ofLabels(Map<String, Integer> perHour) {
        Map<RateCategory, Integer> limits = new EnumMap<>(RateCategory.class);
        perHour.forEach((label, limit) -> limits.put(RateCategory.ofLabel(label), limit));
        return new RateLimits(limits);
    }

    /** {@link #asMap()} keyed by label, in the categories' order. */
    public Map<String, Integer> asLabels() {
        Map<String, Integer> labels = new LinkedHashMap<>();
        perHour.forEach((category, limit) -> labels.put(category.label(), limit));
        return Collections.unmodifiableMap(labels);
    }

    /** The published limit, or -1 when unlimited. */
    public int published(RateCategory category) {
        return perHour.getOrDefault(category, -1);
    }

    /** The limit of every category that has one. */
    public Map<RateCategory, Integer> asMap() {
        return Collections.unmodifiableMap(perHour);
    }
}
