package io.github.authletetestkit.contract.target;

import java.util.EnumMap;
import java.util.Map;

/** Calls allowed per hour in each {@link RateCategory}; absent means unlimited. */
public final class RateLimits {

    /** Pace to this share of a published limit, leaving room for the team's other use of the service. */
    public static final double SAFETY = 0.9;

    private final Map<RateCategory, Integer> perHour;

    private RateLimits(Map<RateCategory, Integer> perHour) {
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

    /** The published limit, or -1 when unlimited. */
    public int published(RateCategory category) {
        return perHour.getOrDefault(category, -1);
    }

    /** How many calls the suite allows itself in any hour: {@link #SAFETY} of the published limit, at least 1. */
    public int budget(RateCategory category) {
        Integer limit = perHour.get(category);
        return limit == null ? Integer.MAX_VALUE : Math.max(1, (int) Math.floor(limit * SAFETY));
    }
}
