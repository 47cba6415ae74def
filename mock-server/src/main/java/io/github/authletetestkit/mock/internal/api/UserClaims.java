package io.github.authletetestkit.mock.internal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The standard claims each OIDC scope shortcut stands for (OIDC Core 5.4). */
final class UserClaims {

    static final Map<String, List<String>> BY_SCOPE = Map.of(
            "profile", List.of("name", "family_name", "given_name", "middle_name", "nickname", "preferred_username",
                    "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at"),
            "email", List.of("email", "email_verified"),
            "address", List.of("address"),
            "phone", List.of("phone_number", "phone_number_verified"));

    private UserClaims() {}

    static List<String> forScopes(List<String> scopes) {
        List<String> claims = new ArrayList<>();
        for (String scope : scopes) {
            for (String claim : BY_SCOPE.getOrDefault(scope, List.of())) {
                if (!claims.contains(claim)) {
                    claims.add(claim);
                }
            }
        }
        return claims;
    }
}
