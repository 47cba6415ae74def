package io.github.authletetestkit.mock.internal.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The two shapes of an OAuth error: a JSON body (RFC 6749 5.2) and a {@code WWW-Authenticate} value (RFC 6750 3). */
public final class OAuthErrors {

    private OAuthErrors() {}

    /**
     * {@code {"error":…,"error_description":…,"error_uri":…}}, compact, null members omitted, JSON-escaped.
     */
    public static String errorJson(String error, String description, String errorUri) {
        ObjectNode body = OAuthJson.MAPPER.createObjectNode();
        putIfPresent(body, "error", error);
        putIfPresent(body, "error_description", description);
        putIfPresent(body, "error_uri", errorUri);
        try {
            return OAuthJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // A tree of strings always serialises.
            throw new IllegalStateException(e);
        }
    }

    /**
     * A challenge such as {@code Bearer error="invalid_token",error_description="…",error_uri="…"}.
     * Null members are omitted (only the scheme remains when all are null); a null scheme means {@code Bearer}.
     * Quotes and backslashes are escaped (RFC 9110 5.6.4 quoted-string) and control characters become spaces,
     * so that a description can never break out of the header line.
     */
    public static String wwwAuthenticate(String scheme, String error, String description, String errorUri) {
        StringBuilder params = new StringBuilder();
        appendParam(params, "error", error);
        appendParam(params, "error_description", description);
        appendParam(params, "error_uri", errorUri);
        String challengeScheme = scheme == null ? "Bearer" : scheme;
        return params.isEmpty() ? challengeScheme : challengeScheme + " " + params;
    }

    private static void putIfPresent(ObjectNode body, String name, String value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    private static void appendParam(StringBuilder params, String name, String value) {
        if (value == null) {
            return;
        }
        if (!params.isEmpty()) {
            params.append(',');
        }
        params.append(name).append("=\"").append(quotedStringContent(value)).append('"');
    }

    static String quotedStringContent(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
