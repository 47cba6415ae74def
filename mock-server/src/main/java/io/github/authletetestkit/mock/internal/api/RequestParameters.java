package io.github.authletetestkit.mock.internal.api;

import io.github.authletetestkit.mock.internal.oauth.FormParameters;
import io.github.authletetestkit.mock.internal.oauth.InvalidParametersException;
import io.github.authletetestkit.mock.model.ServiceConfig;

/**
 * The OAuth request a runtime API received in its {@code parameters} member, parsed — or the
 * {@code BAD_REQUEST} answer that says why it could not be.
 */
record RequestParameters(FormParameters params, ApiResponse refusal) {

    /**
     * @param required whether an absent or empty {@code parameters} is itself an error
     * @param missingCode the result code when it is absent but required
     * @param malformedCode the result code when it is not a valid form encoding
     */
    static RequestParameters parse(ServiceConfig service, String raw, boolean required, String missingCode, String malformedCode) {
        if (raw == null || raw.isBlank()) {
            return required
                    ? refused(service, missingCode, "The request does not contain 'parameters' or it is empty.")
                    : new RequestParameters(FormParameters.parse(""), null);
        }
        try {
            return new RequestParameters(FormParameters.parse(raw), null);
        } catch (InvalidParametersException e) {
            return refused(service, malformedCode, e.getMessage());
        }
    }

    private static RequestParameters refused(ServiceConfig service, String code, String description) {
        return new RequestParameters(null, ApiResponse.ok(RuntimeResult.error(service, code, "BAD_REQUEST", "invalid_request", description)));
    }
}
