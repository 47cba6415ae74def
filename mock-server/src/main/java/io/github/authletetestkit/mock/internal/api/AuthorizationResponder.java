package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import io.github.authletetestkit.mock.internal.oauth.CannotSignException;
import io.github.authletetestkit.mock.internal.oauth.JarmResponses;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.internal.oauth.RedirectUris;
import io.github.authletetestkit.mock.internal.store.ResponseMode;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.Map;

/**
 * Puts an authorization response, success or error, into the answer: {@code LOCATION} with the parameters on the
 * redirect URI (query or fragment), {@code FORM} with an auto-posting page for form_post, and for the JARM modes the
 * same with one parameter, {@code response}, the signed JWT of them all.
 */
final class AuthorizationResponder {

    /** Where the response goes: the redirect URI, how, and to which client (null when it was deleted meanwhile). */
    record Recipient(String redirectUri, ResponseMode mode, long clientId, ClientConfig client) {}

    private AuthorizationResponder() {}

    /** @throws CannotSignException when a JARM response cannot be signed */
    static void respond(ObjectNode body, ServiceConfig service, Recipient to, Map<String, String> params, Instant now) {
        Map<String, String> sent = params;
        if (to.mode().jwt()) {
            long lifetime = service.toJson().path("authorizationResponseDuration").asLong(0);
            sent = Map.of("response", signer(service, to).sign(params, service.issuer(), Long.toString(to.clientId()), now,
                    lifetime > 0 ? lifetime : JarmResponses.DEFAULT_LIFETIME_SECONDS));
        }
        ResponseMode carrier = to.mode().carrier();
        if (carrier == ResponseMode.FORM_POST) {
            body.put("action", "FORM");
            body.put("responseContent", FormPostPage.render(to.redirectUri(), sent));
        } else {
            body.put("responseContent", RedirectUris.appendParameters(to.redirectUri(), sent, carrier == ResponseMode.FRAGMENT));
        }
    }

    /**
     * Checks, before anything changes, that a JARM response to {@code to} can be signed.
     *
     * @throws CannotSignException when it cannot
     */
    static void checkSignable(ServiceConfig service, Recipient to) {
        if (to.mode().jwt()) {
            signer(service, to);
        }
    }

    private static JarmResponses.Signer signer(ServiceConfig service, Recipient to) {
        ClientConfig client = to.client();
        String alg = client == null ? null : client.authorizationSignAlg();
        String secret = client == null ? null : client.clientSecret();
        String jwks = service.jwks();
        return JarmResponses.signer(jwks == null || jwks.isBlank() ? new JWKSet() : Jwks.parse(jwks),
                service.authorizationSignatureKeyId(), alg, secret);
    }
}
