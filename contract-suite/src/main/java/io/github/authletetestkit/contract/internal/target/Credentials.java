package io.github.authletetestkit.contract.internal.target;

import io.github.authletetestkit.mock.AuthleteMockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The API credentials of a target. Read from the environment only; {@link #toString()} never shows them.
 *
 * @param serviceId    the service's API key (the {@code {serviceId}} of every path)
 * @param serviceToken the service access token
 * @param orgToken     the organisation token, or {@code null}; used for management calls when present
 */
public record Credentials(String serviceId, String serviceToken, String orgToken) {

    public static final String ENV_SERVICE_ID = "AUTHLETE_SERVICE_ID";
    public static final String ENV_SERVICE_TOKEN = "AUTHLETE_SERVICE_TOKEN";
    public static final String ENV_ORG_TOKEN = "AUTHLETE_ORG_TOKEN";

    public Credentials {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(serviceToken, "serviceToken");
        if (orgToken != null && orgToken.isBlank()) {
            orgToken = null;
        }
    }

    /**
     * The credentials from {@link #ENV_SERVICE_ID}, {@link #ENV_SERVICE_TOKEN} and optionally {@link #ENV_ORG_TOKEN}.
     *
     * @throws MissingCredentialsException naming the variables that are not set (never their values)
     */
    public static Credentials fromEnvironment(Map<String, String> env) {
        String id = trimmed(env.get(ENV_SERVICE_ID));
        String token = trimmed(env.get(ENV_SERVICE_TOKEN));
        List<String> missing = new ArrayList<>();
        if (id == null) {
            missing.add(ENV_SERVICE_ID);
        }
        if (token == null) {
            missing.add(ENV_SERVICE_TOKEN);
        }
        if (!missing.isEmpty()) {
            throw new MissingCredentialsException(missing);
        }
        if (!id.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(ENV_SERVICE_ID + " must be the numeric service ID (API key)");
        }
        return new Credentials(id, token, trimmed(env.get(ENV_ORG_TOKEN)));
    }

    /** What the mock runs with when nobody configures it: its default service, service token and organization token. */
    public static Credentials mockDefaults() {
        return new Credentials(Long.toString(AuthleteMockServer.DEFAULT_SERVICE_ID), AuthleteMockServer.DEFAULT_SERVICE_TOKEN,
                AuthleteMockServer.DEFAULT_ORG_TOKEN);
    }

    /** Whether the environment sets none of the credential variables. */
    public static boolean absentFrom(Map<String, String> env) {
        return trimmed(env.get(ENV_SERVICE_ID)) == null && trimmed(env.get(ENV_SERVICE_TOKEN)) == null
                && trimmed(env.get(ENV_ORG_TOKEN)) == null;
    }

    /** The token for management calls: the organisation token when there is one. */
    public String managementToken() {
        return orgToken != null ? orgToken : serviceToken;
    }

    /** Every secret value, for masking. */
    public List<String> secrets() {
        return orgToken == null ? List.of(serviceToken) : List.of(serviceToken, orgToken);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "Credentials[serviceId=****, serviceToken=****, orgToken=" + (orgToken == null ? "none" : "****") + "]";
    }
}
