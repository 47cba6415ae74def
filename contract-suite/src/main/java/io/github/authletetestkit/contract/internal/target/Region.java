package io.github.authletetestkit.contract.internal.target;

import java.util.Locale;

/** Authlete's API clusters. */
public enum Region {
    US("https://us.authlete.com"),
    JP("https://jp.authlete.com"),
    EU("https://eu.authlete.com"),
    BR("https://br.authlete.com");

    private final String baseUrl;

    Region(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code us}, {@code jp}, {@code eu} or {@code br}, any case. */
    public static Region parse(String value) {
        for (Region region : values()) {
            if (region.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return region;
            }
        }
        throw new IllegalArgumentException("unknown region '" + value + "': use us, jp, eu or br");
    }
}
