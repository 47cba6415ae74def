package io.github.authletetestkit.mock.internal.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.model.Json;
import java.util.List;
import java.util.Set;

/**
 * The {@code authorization_details} parameter of Rich Authorization Requests (RFC 9396): a JSON array of objects, each
 * with a string {@code type} the service lists in {@code supportedAuthorizationDetailsTypes}. Kept as compact JSON text
 * in the RFC's form (as the token response and the JWT access token carry it); Authlete's API members use
 * {@link #toAuthlete the elements form}. Pure.
 */
public final class AuthorizationDetails {

    /** The element members Authlete's APIs carry by name; the rest travel in {@code otherFields}. */
    private static final Set<String> COMMON_MEMBERS = Set.of("type", "locations", "actions", "dataTypes", "identifier", "privileges");

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
     * Authorization details given by the caller of {@code /auth/authorization/issue} in Authlete's form
     * ({@code {"elements": [...]}}, see {@link #toAuthlete}), checked like the request parameter. Null when absent.
     */
    public static String fromApi(JsonNode given, List<String> supportedTypes) {
        if (given == null || given.isNull()) {
            return null;
        }
        JsonNode elements = given.path("elements");
        ArrayNode rfc = Json.array();
        if (elements.isArray()) {
            for (JsonNode element : elements) {
                rfc.add(element.isObject() ? fromAuthleteElement((ObjectNode) element) : element);
            }
        }
        return Json.write(checkElements(elements.isArray() ? rfc : given, supportedTypes));
    }

    /**
     * The stored details as Authlete's APIs carry them: {@code {"elements": [...]}}, each element with the members RFC 9396
     * names ({@code datatypes} as {@code dataTypes}) and every other member in {@code otherFields}, a JSON string.
     */
    public static ObjectNode toAuthlete(String stored) {
        ObjectNode out = Json.object();
        ArrayNode elements = out.putArray("elements");
        for (JsonNode element : toJson(stored)) {
            ObjectNode authlete = Json.object();
            ObjectNode others = Json.object();
            element.fields().forEachRemaining(member -> {
                String name = member.getKey().equals("datatypes") ? "dataTypes" : member.getKey();
                if (COMMON_MEMBERS.contains(name)) {
                    authlete.set(name, member.getValue());
                } else {
                    others.set(member.getKey(), member.getValue());
                }
            });
            if (!others.isEmpty()) {
                authlete.put("otherFields", Json.write(others));
            }
            elements.add(authlete);
        }
        return out;
    }

    private static JsonNode fromAuthleteElement(ObjectNode element) {
        ObjectNode rfc = Json.object();
        element.fields().forEachRemaining(member -> {
            if (member.getKey().equals("otherFields")) {
                if (member.getValue().isTextual()) {
                    JsonNode others = parseOrNull(member.getValue().asText());
                    if (others == null || !others.isObject()) {
                        throw invalid("'otherFields' of an authorization details element must be a JSON object as a string.");
                    }
                    others.fields().forEachRemaining(other -> rfc.set(other.getKey(), other.getValue()));
                }
            } else if (!member.getValue().isNull()) {
                rfc.set(member.getKey().equals("dataTypes") ? "datatypes" : member.getKey(), member.getValue());
            }
        });
        return rfc;
    }

    private static JsonNode parseOrNull(String text) {
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
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
