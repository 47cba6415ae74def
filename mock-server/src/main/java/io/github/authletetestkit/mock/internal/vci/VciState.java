package io.github.authletetestkit.mock.internal.vci;

import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One service's credential issuance state: offers (and their pre-authorized codes), what each access token may be
 * issued with its current {@code c_nonce}, parsed credential requests waiting for their issue call, and deferred
 * transactions. Every change is one atomic map operation, so concurrent wallets redeem a code or a transaction once.
 */
public final class VciState {

    /** What an access token may obtain, and the nonce its next proof must carry. */
    public record IssuanceRights(List<String> configurationIds, String cnonce, Instant cnonceExpiresAt) {}

    /** A parsed credential request: what to issue, to whom (the access token) and bound to which key. */
    public record CredentialRequest(String identifier, String accessToken, String format, String configurationId,
                                    JWK bindingKey) {}

    private final ConcurrentMap<String, CredentialOffer> offers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> offerByCode = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, IssuanceRights> rights = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CredentialRequest> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CredentialRequest> transactions = new ConcurrentHashMap<>();

    public void addOffer(CredentialOffer offer) {
        offers.put(offer.identifier(), offer);
        if (offer.preAuthorizedCode() != null) {
            offerByCode.put(offer.preAuthorizedCode(), offer.identifier());
        }
    }

    public Optional<CredentialOffer> offer(String identifier) {
        return Optional.ofNullable(identifier == null ? null : offers.get(identifier));
    }

    /** The offer whose pre-authorized code this is, while the code is unredeemed. */
    public Optional<CredentialOffer> offerByCode(String code) {
        return Optional.ofNullable(code == null ? null : offerByCode.get(code)).map(offers::get);
    }

    /** Redeems a pre-authorized code; false when a concurrent caller redeemed it first. */
    public boolean redeem(CredentialOffer offer) {
        return offerByCode.remove(offer.preAuthorizedCode(), offer.identifier());
    }

    public void grant(String accessToken, IssuanceRights granted) {
        rights.put(accessToken, granted);
    }

    public Optional<IssuanceRights> rights(String accessToken) {
        return Optional.ofNullable(accessToken == null ? null : rights.get(accessToken));
    }

    /** A new nonce for the token's next proof; the old one is used up. */
    public void renewNonce(String accessToken, String cnonce, Instant expiresAt) {
        rights.computeIfPresent(accessToken, (token, r) -> new IssuanceRights(r.configurationIds(), cnonce, expiresAt));
    }

    public void putRequest(CredentialRequest request) {
        requests.put(request.identifier(), request);
    }

    /** Takes the parsed request for issuance, once, and only for the token that made it. */
    public Optional<CredentialRequest> takeRequest(String identifier, String accessToken) {
        CredentialRequest request = identifier == null ? null : requests.get(identifier);
        if (request == null || !request.accessToken().equals(accessToken) || !requests.remove(identifier, request)) {
            return Optional.empty();
        }
        return Optional.of(request);
    }

    public void putTransaction(String transactionId, CredentialRequest request) {
        transactions.put(transactionId, request);
    }

    public Optional<CredentialRequest> transaction(String transactionId) {
        return Optional.ofNullable(transactionId == null ? null : transactions.get(transactionId));
    }

    /** Takes a deferred transaction for issuance, once. */
    public Optional<CredentialRequest> takeTransaction(String transactionId) {
        return Optional.ofNullable(transactionId == null ? null : transactions.remove(transactionId));
    }
}
