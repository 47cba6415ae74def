package io.github.authletetestkit.mock.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.authletetestkit.mock.model.Json;
import java.util.List;

/**
 * The {@code authorization_details} parameter of Rich Authorization Requests (RFC 9396): a JSON array of objects, each
 * with a string {@code type} the service lists in {@code supportedAuthorizationDetailsTypes}. Kept as compact JSON text,
 * the form Authlete's {@code authorizationDetails} members and the SDK's {@code AuthzDetails} use. Pure.
 */
public final class AuthorizationDetails {

    private AuthorizationDetails() {}

    /**
     * The parameter checked and written compactly; null when absent.
     *
     * @throws InvalidParametersException when it is not an array of typed objects, or a type is not supported
     */
    public static String check(String parameter, List<String> supportedTypes) {
        if (parameter == null) {
            return null;
        }
        JsonNode parsed;
        try {
            parsed = Json.parse(parameter);
        } catch (IllegalArgumentException e) {
            throw invalid("'authorization_details' is not valid JSON.");
        }
        return Json.write(checkElements(parsed, supportedTypes));
    }

    /**
     * Authorization details given by the caller of {@code /auth/authorization/issue} (the array, as the Java SDK sends
     * it), checked like the request parameter. Null when absent.
     */
    public static String fromApi(JsonNode given, List<String> supportedTypes) {
        if (given == null || given.isNull()) {
            return null;
        }
        return Json.write(checkElements(given, supportedTypes));
    }

    /**
     * Authorization details read from a state document or seed: an array of typed objects, of any type (the service
     * checked the types when it granted them). Null when absent.
     */
    public static String fromState(JsonNode stored) {
        return stored == null || stored.isNull() ? null : Json.write(checkElements(stored, null));
    }

    /** The stored text as a JSON array, for a response or a JWT claim; null when none. */
    public static ArrayNode toJson(String stored) {
        return stored == null ? null : (ArrayNode) Json.parse(stored);
    }

    private static ArrayNode checkElements(JsonNode parsed, List<String> supportedTypes) {
        if (!parsed.isArray()) {
            throw invalid("'authorization_details' must be a JSON array.");
        }
        for (JsonNode element : parsed) {
            if (!element.isObject() || !element.path("type").isTextual() || element.path("type").asText().isEmpty()) {
                throw invalid("Each element of 'authorization_details' must be a JSON object with a string 'type'.");
            }
            String type = element.path("type").asText();
            if (supportedTypes != null && !supportedTypes.contains(type)) {
                throw invalid("The authorization details type '" + type + "' is not supported by this service.");
            }
        }
        return (ArrayNode) parsed;
    }

    private static InvalidParametersException invalid(String message) {
        return new InvalidParametersException("authorization_details", message);
    }
}
