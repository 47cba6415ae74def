package io.github.authletetestkit.mock.internal.grants;

import java.util.Optional;

/** What an authorization request asks to do with a grant ({@code grant_management_action}). */
public enum GrantAction {
    CREATE, MERGE, REPLACE;

    /** The action of a {@code grant_management_action} value; empty when the value names none. */
    public static Optional<GrantAction> fromWireName(String value) {
        for (GrantAction action : values()) {
            if (action.wireName().equals(value)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Merge and replace change an existing grant, so they name it. */
    public boolean needsGrantId() {
        return this != CREATE;
    }
}
