package io.github.authletetestkit.mock.store;

import java.util.Optional;

/** Where authorization responses go: OAuth 2.0 Multiple Response Types and Form Post Response Mode. */
public enum ResponseMode {
    QUERY("query"), FRAGMENT("fragment"), FORM_POST("form_post");

    private final String wireName;

    ResponseMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ResponseMode> fromWireName(String name) {
        for (ResponseMode m : values()) {
            if (m.wireName.equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
