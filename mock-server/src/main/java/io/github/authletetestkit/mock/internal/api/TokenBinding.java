package io.github.authletetestkit.mock.internal.api;

import io.github.authletetestkit.mock.internal.oauth.InvalidDpopProofException;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import java.time.Instant;

/** Checks that a DPoP-bound access token is presented with a proof of its key (RFC 9449 7.1). */
final class TokenBinding {

    private TokenBinding() {}

    /** Null when the presentation is acceptable, else why not. */
    static String problem(ServiceState state, TokenRecord token, String dpop, String htm, String htu, Instant now) {
        if (token.dpopJkt() == null) {
            return null;
        }
        if (dpop == null || dpop.isEmpty()) {
            return "Expected a DPoP header but none was provided.";
        }
        try {
            String thumbprint = DpopProofs.verify(state, dpop, htm, htu, token.accessToken(), now);
            return thumbprint.equals(token.dpopJkt()) ? null : "The DPoP proof is signed by another key than the one the token is bound to.";
        } catch (InvalidDpopProofException e) {
            return "The DPoP proof is invalid: " + e.getMessage();
        }
    }
}
