package io.github.authletetestkit.mock.internal.store;

import java.util.Optional;

/**
 * Where authorization responses go: OAuth 2.0 Multiple Response Types and Form Post Response Mode, and the JWT-secured
 * forms of JARM ({@code jwt} itself is resolved to {@code query.jwt} or {@code fragment.jwt} by the response type).
 */
public enum ResponseMode {
    QUERY("query"), FRAGMENT("fragment"), FORM_POST("form_post"),
    JWT("jwt"), QUERY_JWT("query.jwt"), FRAGMENT_JWT("fragment.jwt"), FORM_POST_JWT("form_post.jwt");

    private final String wireName;

    ResponseMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the response goes as one signed JWT (JARM). */
    public boolean jwt() {
        return wireName.endsWith("jwt");
    }

    /** {@code jwt} as JARM defines it: {@code query.jwt} where the response type's default is the query, else {@code fragment.jwt}. */
    public ResponseMode resolve(ResponseMode defaultMode) {
        return this != JWT ? this : defaultMode == QUERY ? QUERY_JWT : FRAGMENT_JWT;
    }

    /** How the parameters (or the JWT) travel: query, fragment or form post. */
    public ResponseMode carrier() {
        return switch (this) {
            case QUERY_JWT, JWT -> QUERY;
            case FRAGMENT_JWT -> FRAGMENT;
            case FORM_POST_JWT -> FORM_POST;
            default -> this;
        };
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
