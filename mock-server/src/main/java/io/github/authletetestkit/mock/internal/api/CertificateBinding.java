package io.github.authletetestkit.mock.internal.api;

import io.github.authletetestkit.mock.internal.oauth.ClientCertificates;
import io.github.authletetestkit.mock.internal.oauth.InvalidClientCredentialsException;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.ServiceConfig;

/**
 * Certificate-bound access tokens (RFC 8705 section 3): which tokens get bound to the client certificate, and whether a
 * bound token is presented with the certificate it is bound to.
 */
final class CertificateBinding {

    /** The thumbprint to bind a new token to, or the reason the token request cannot be served. */
    record Outcome(String thumbprint, String problem) {}

    private static final Outcome UNBOUND = new Outcome(null, null);

    private CertificateBinding() {}

    /**
     * The binding of the tokens a token request gets. A client that registered {@code tlsClientCertificateBoundAccessTokens}
     * must present a readable certificate. A service that supports binding binds whenever a readable certificate comes,
     * but does not refuse a client that asked for nothing and presents none (never stricter than the service).
     */
    static Outcome forTokenRequest(ServiceConfig service, ClientConfig client, String clientCertificate) {
        boolean clientRequires = client.tlsClientCertificateBoundAccessTokens();
        boolean hasCertificate = clientCertificate != null && !clientCertificate.isBlank();
        if (!clientRequires && !(service.tlsClientCertificateBoundAccessTokens() && hasCertificate)) {
            return UNBOUND;
        }
        if (!hasCertificate) {
            return new Outcome(null,
                    "The access token must be bound to the client certificate, but the token request carries no client certificate.");
        }
        try {
            return new Outcome(ClientCertificates.thumbprintS256(ClientCertificates.parse(clientCertificate)), null);
        } catch (InvalidClientCredentialsException e) {
            return clientRequires ? new Outcome(null, e.getMessage()) : UNBOUND;
        }
    }

    /**
     * Why a presentation of a token at a resource is refused: no certificate came with the bound token ({@code missing}),
     * or another certificate (or one that cannot be read).
     */
    record Mismatch(boolean missing, String reason) {
        /** Authlete's result code: A065304 for a missing certificate, A065305 for another one. */
        String resultCode() {
            return ResultCodes.of(65, 3, missing ? 4 : 5);
        }
    }

    /** Null when {@code token} is not certificate-bound or is presented with its certificate, else why not. */
    static Mismatch check(TokenRecord token, String clientCertificate) {
        if (token.certificateThumbprint() == null) {
            return null;
        }
        if (clientCertificate == null || clientCertificate.isBlank()) {
            return new Mismatch(true, "The access token is bound to a client certificate, but no client certificate was presented.");
        }
        String presented;
        try {
            presented = ClientCertificates.thumbprintS256(ClientCertificates.parse(clientCertificate));
        } catch (InvalidClientCredentialsException e) {
            return new Mismatch(false, e.getMessage());
        }
        return presented.equals(token.certificateThumbprint()) ? null
                : new Mismatch(false, "The client certificate presented is not the one the access token is bound to.");
    }
}
