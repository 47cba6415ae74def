package io.github.authletetestkit.mock.internal.api;

import io.github.authletetestkit.mock.internal.oauth.DpopProofVerifier;
import io.github.authletetestkit.mock.internal.oauth.InvalidDpopProofException;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import java.time.Duration;
import java.time.Instant;

/** Checks a DPoP proof (RFC 9449) for a service: the proof itself, then that its {@code jti} was not used before. */
final class DpopProofs {

    /** How far a proof's {@code iat} may be from the mock's clock, either way. */
    static final Duration IAT_WINDOW = Duration.ofSeconds(60);

    private DpopProofs() {}

    /**
     * @return the proof's key thumbprint
     * @throws InvalidDpopProofException when the proof is invalid or replayed
     */
    static String verify(ServiceState state, String proof, String htm, String htu, String accessToken, Instant now) {
        DpopProofVerifier.DpopProof checked = DpopProofVerifier.verify(proof, htm, htu, accessToken, now, IAT_WINDOW);
        if (!state.firstUseOfDpopProof(checked.jwkThumbprint(), checked.jti(), checked.issuedAt().plus(IAT_WINDOW).plus(IAT_WINDOW))) {
            throw new InvalidDpopProofException("The DPoP proof's jti '" + checked.jti() + "' was used before.");
        }
        return checked.jwkThumbprint();
    }
}
