package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import io.github.authletetestkit.mock.internal.jose.JoseVerifier;
import io.github.authletetestkit.mock.internal.oauth.ClientKeys;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.model.ClientConfig;
import java.util.List;

/**
 * {@code /jose/verify}: a JOSE object checked as the service checks it. Signed by a client ({@code signedByClient}),
 * it is verified with that client's JWK Set or secret; otherwise with the service's keys. A JWE is decrypted with the
 * service's private keys first. The verdict is HTTP 200 whether or not the object is valid.
 */
public final class JoseApi {

    record JoseVerifyRequest(String jose, List<String> mandatoryClaims, Integer clockSkew, String clientIdentifier,
                             Boolean signedByClient) {}

    private static final int API = 160;

    public ApiResponse verify(ApiCall call) {
        JoseVerifyRequest request = call.body(JoseVerifyRequest.class);
        if (request.jose() == null || request.jose().isBlank()) {
            throw new ApiException(400, ResultCodes.of(API, 2, 1), "The request does not contain 'jose'.");
        }
        List<JWK> serviceKeys = Jwks.parse(call.service().config().jwks()).getKeys();
        List<JWK> verificationKeys;
        try {
            verificationKeys = Boolean.TRUE.equals(request.signedByClient())
                    ? ClientKeys.verificationKeys(signer(call, request.clientIdentifier()))
                    : serviceKeys.stream().map(JWK::toPublicJWK).toList();
        } catch (ClientKeys.KeyProblem e) {
            return ApiResponse.ok(verdict(new JoseVerifier.Verdict(false, List.of(), List.of(), List.of(e.getMessage()))));
        }
        JoseVerifier.Verdict verdict = new JoseVerifier(verificationKeys, serviceKeys).verify(request.jose(),
                request.mandatoryClaims() == null ? List.of() : request.mandatoryClaims(),
                request.clockSkew() == null ? 0 : request.clockSkew(), call.now());
        return ApiResponse.ok(verdict(verdict));
    }

    private static ClientConfig signer(ApiCall call, String clientIdentifier) {
        if (clientIdentifier == null || clientIdentifier.isBlank()) {
            throw new ApiException(400, ResultCodes.of(API, 2, 2),
                    "'clientIdentifier' is required when 'signedByClient' is true.");
        }
        return call.service().findClient(clientIdentifier).orElseThrow(() -> new ApiException(400, ResultCodes.of(API, 2, 3),
                "No client has the identifier '" + clientIdentifier + "'."));
    }

    private static ObjectNode verdict(JoseVerifier.Verdict verdict) {
        ObjectNode body = verdict.valid()
                ? ResultCodes.body(ResultCodes.of(API, 0, 1), "The JOSE is valid.")
                : ResultCodes.body(ResultCodes.of(API, 3, 1), "The JOSE is invalid: " + verdict.errorDescriptions().getFirst());
        body.put("valid", verdict.valid());
        body.put("signatureValid", verdict.signatureValid());
        verdict.missingClaims().forEach(body.putArray("missingClaims")::add);
        verdict.invalidClaims().forEach(body.putArray("invalidClaims")::add);
        verdict.errorDescriptions().forEach(body.putArray("errorDescriptions")::add);
        return body;
    }
}
