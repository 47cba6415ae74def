package io.github.authletetestkit.mock.internal.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.model.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenID Connect {@code claims} request parameter (Core 5.5): which claims the client asks for in the ID token
 * and at the UserInfo endpoint, each essential or voluntary, with values it may require.
 *
 * @param idToken  the {@code id_token} member; null when absent
 * @param userInfo the {@code userinfo} member; null when absent
 */
public record ClaimsRequest(ObjectNode idToken, ObjectNode userInfo) {

    public static final ClaimsRequest NONE = new ClaimsRequest(null, null);

    /**
     * @throws InvalidParametersException when the parameter is not a JSON object, or a member is not one
     */
    public static ClaimsRequest parse(String claims) {
        if (claims == null || claims.isBlank()) {
            return NONE;
        }
        JsonNode parsed;
        try {
            parsed = Json.parse(claims);
        } catch (RuntimeException e) {
            throw new InvalidParametersException("claims", "The value of 'claims' parameter is not valid JSON.");
        }
        if (!parsed.isObject()) {
            throw new InvalidParametersException("claims", "The value of 'claims' parameter is not a JSON object.");
        }
        return new ClaimsRequest(member(parsed, "id_token"), member(parsed, "userinfo"));
    }

    private static ObjectNode member(JsonNode claims, String name) {
        JsonNode member = claims.get(name);
        if (member == null || member.isNull()) {
            return null;
        }
        if (!member.isObject()) {
            throw new InvalidParametersException("claims", "The '" + name + "' member of 'claims' parameter is not a JSON object.");
        }
        return (ObjectNode) member;
    }

    /** The claim names asked for in the ID token, essential or not, in request order. */
    public List<String> idTokenNames() {
        return names(idToken);
    }

    /** The claim names asked for at the UserInfo endpoint, essential or not, in request order. */
    public List<String> userInfoNames() {
        return names(userInfo);
    }

    /** The whole parameter again, as it is kept with the grant (null when there was none). */
    public String toJson() {
        if (idToken == null && userInfo == null) {
            return null;
        }
        ObjectNode json = Json.object();
        if (idToken != null) {
            json.set("id_token", idToken);
        }
        if (userInfo != null) {
            json.set("userinfo", userInfo);
        }
        return Json.write(json);
    }

    private static List<String> names(ObjectNode member) {
        List<String> names = new ArrayList<>();
        if (member != null) {
            member.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }
}
