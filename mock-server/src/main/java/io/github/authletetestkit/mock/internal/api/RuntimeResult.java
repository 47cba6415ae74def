package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.oauth.OAuthErrors;
import io.github.authletetestkit.mock.model.ServiceConfig;

/**
 * Builds the bodies of runtime APIs: HTTP 200 with an {@code action} telling the caller what to do,
 * even when the OAuth request failed (Authlete reports those in-band).
 */
final class RuntimeResult {

    static final String ERROR_URI_BASE = "https://docs.authlete.com/#";

    private RuntimeResult() {}

    static ObjectNode of(String code, String action, String message) {
        ObjectNode body = ResultCodes.body(code, message);
        body.put("action", action);
        return body;
    }

    /** An error action whose {@code responseContent} is OAuth error JSON. */
    static ObjectNode error(ServiceConfig service, String code, String action, String error, String description) {
        ObjectNode body = of(code, action, description);
        body.put("responseContent", errorJson(service, code, error, description));
        return body;
    }

    /** An error action whose {@code responseContent} is a {@code WWW-Authenticate} value (introspection, userinfo). */
    static ObjectNode challenge(ServiceConfig service, String code, String action, String scheme, String error, String description) {
        ObjectNode body = of(code, action, description);
        body.put("responseContent", OAuthErrors.wwwAuthenticate(scheme, error,
                service.errorDescriptionOmitted() ? null : ResultCodes.message(code, description),
                service.errorUriOmitted() ? null : ERROR_URI_BASE + code));
        return body;
    }

    static String errorJson(ServiceConfig service, String code, String error, String description) {
        return OAuthErrors.errorJson(error,
                service.errorDescriptionOmitted() ? null : ResultCodes.message(code, description),
                service.errorUriOmitted() ? null : ERROR_URI_BASE + code);
    }
}
