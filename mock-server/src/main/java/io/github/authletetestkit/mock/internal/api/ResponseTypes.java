package io.github.authletetestkit.mock.internal.api;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Maps OAuth {@code response_type} values ("code id_token") to Authlete's names ({@code CODE_ID_TOKEN}). */
final class ResponseTypes {

    private static final Set<String> PARTS = Set.of("code", "token", "id_token");

    private ResponseTypes() {}

    /** Authlete's name for a space-separated value in any order; empty when the value is not a known combination. */
    static Optional<String> authleteName(String wireValue) {
        if (wireValue == null || wireValue.isBlank()) {
            return Optional.empty();
        }
        if (wireValue.equals("none")) {
            return Optional.of("NONE");
        }
        Set<String> parts = new TreeSet<>();
        for (String part : wireValue.trim().split(" +")) {
            if (!PARTS.contains(part) || !parts.add(part)) {
                return Optional.empty();
            }
        }
        StringBuilder name = new StringBuilder();
        for (String ordered : new String[] {"code", "id_token", "token"}) {
            if (parts.contains(ordered)) {
                name.append(name.isEmpty() ? "" : "_").append(ordered.toUpperCase());
            }
        }
        return Optional.of(name.toString());
    }

    /** The canonical wire value of an Authlete name: {@code CODE_ID_TOKEN} → "code id_token". */
    static String wireValue(String authleteName) {
        // the placeholder keeps id_token's own underscore while the separators become spaces
        return authleteName.equals("NONE") ? "none"
                : authleteName.toLowerCase().replace("id_token", "ID").replace('_', ' ').replace("ID", "id_token");
    }
}
