package io.github.authletetestkit.flows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the target's service supports, read from {@code service/get} by the service-read flow. Flows use it
 * to skip (never to reconfigure the service: a live service is not ours to change).
 */
public record ServiceProfile(Set<String> grantTypes, Set<String> responseTypes, Set<String> scopes,
                             Set<String> backchannelDeliveryModes, boolean deviceVerificationUri,
                             boolean parRequired, boolean requestObjectRequired, boolean verifiableCredentials) {

    public ServiceProfile {
        grantTypes = Set.copyOf(grantTypes);
        responseTypes = Set.copyOf(responseTypes);
        scopes = Set.copyOf(scopes);
        backchannelDeliveryModes = Set.copyOf(backchannelDeliveryModes);
    }

    public static ServiceProfile from(JsonNode service) {
        Set<String> scopes = new LinkedHashSet<>();
        for (JsonNode scope : service.path("supportedScopes")) {
            if (scope.hasNonNull("name")) {
                scopes.add(scope.get("name").asText());
            }
        }
        return new ServiceProfile(texts(service.path("supportedGrantTypes")), texts(service.path("supportedResponseTypes")),
                scopes, texts(service.path("supportedBackchannelTokenDeliveryModes")),
                service.hasNonNull("deviceVerificationUri") && !service.get("deviceVerificationUri").asText().isBlank(),
                service.path("parRequired").asBoolean(false), service.path("requestObjectRequired").asBoolean(false),
                service.path("verifiableCredentialsEnabled").asBoolean(false));
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** A skip reason when a grant type is not enabled on the service. */
    public Optional<String> requireGrantTypes(String... names) {
        for (String name : names) {
            if (!grantTypes.contains(name)) {
                return Optional.of("the service does not support the grant type " + name);
            }
        }
        return Optional.empty();
    }

    public Optional<String> requireScopes(String... names) {
        for (String name : names) {
            if (!scopes.contains(name)) {
                return Optional.of("the service does not support the scope " + name);
            }
        }
        return Optional.empty();
    }

    /** The code flow (response type CODE, grant type AUTHORIZATION_CODE) is enabled, whatever the front channel must carry. */
    public Optional<String> requireCodeFlow() {
        if (!responseTypes.contains("CODE")) {
            return Optional.of("the service does not support the response type CODE");
        }
        return requireGrantTypes("AUTHORIZATION_CODE");
    }

    /** The front channel (a direct {@code auth/authorization} request) is usable. */
    public Optional<String> requireDirectAuthorizationRequests() {
        if (!responseTypes.contains("CODE")) {
            return Optional.of("the service does not support the response type CODE");
        }
        if (parRequired) {
            return Optional.of("the service requires PAR for every authorization request");
        }
        if (requestObjectRequired) {
            return Optional.of("the service requires request objects");
        }
        return Optional.empty();
    }
}
