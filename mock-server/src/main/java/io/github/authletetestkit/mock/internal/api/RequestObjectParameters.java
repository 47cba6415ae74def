package io.github.authletetestkit.mock.internal.api;

import com.nimbusds.jose.jwk.JWKSet;
import io.github.authletetestkit.mock.internal.oauth.FormParameters;
import io.github.authletetestkit.mock.internal.oauth.InvalidRequestObjectException;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.internal.oauth.RequestObjects;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of an authorization request (at {@code /auth/authorization} and at PAR) with its request object opened:
 * the object's claims take the place of the same parameters, {@code request} itself is gone. A service or client with
 * {@code requestObjectRequired} refuses a request without one.
 */
final class RequestObjectParameters {

    private RequestObjectParameters() {}

    /**
     * @throws InvalidRequestObjectException when the request object is missing where required, or refused
     */
    static FormParameters expand(ServiceState state, FormParameters params, Instant now) {
        Optional<ClientConfig> found = state.findClient(params.first("client_id"));
        if (found.isEmpty()) {
            return params; // the authorization rules refuse the request for its client
        }
        ClientConfig client = found.get();
        ServiceConfig service = state.config();
        String request = params.first("request");
        if (request == null || request.isEmpty()) {
            if (service.requestObjectRequired() || client.requestObjectRequired()) {
                throw new InvalidRequestObjectException("The authorization request has no request object, but the "
                        + (service.requestObjectRequired() ? "service" : "client") + " requires one.");
            }
            return params;
        }
        JWKSet serviceKeys = service.jwks() == null || service.jwks().isBlank() ? new JWKSet() : Jwks.parse(service.jwks());
        RequestObjects.Rules rules = new RequestObjects.Rules(service.issuer(), service.requestObjectAudienceChecked(),
                service.fapi() || client.fapi(), service.allowableClockSkew());
        Map<String, String> merged = new LinkedHashMap<>(params.toSingleValueMap());
        merged.remove("request");
        merged.putAll(RequestObjects.open(request, client, serviceKeys, rules, now));
        return FormParameters.parse(FormParameters.encode(merged));
    }
}
