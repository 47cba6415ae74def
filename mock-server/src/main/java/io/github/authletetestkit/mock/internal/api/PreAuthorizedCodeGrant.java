package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import io.github.authletetestkit.mock.internal.store.Grant;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.internal.vci.CredentialOffer;
import io.github.authletetestkit.mock.internal.vci.VciState;
import io.github.authletetestkit.mock.model.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pre-authorized code grant (OpenID4VCI) at {@code /auth/token}: an offer's code, redeemed once, with its
 * transaction code when the offer has one, gives an access token for the offered credential configurations and a
 * {@code c_nonce} for the first key proof.
 */
final class PreAuthorizedCodeGrant {

    private PreAuthorizedCodeGrant() {}

    static ObjectNode grant(TokenApi.Exchange x) {
        String code = x.params().first("pre-authorized_code");
        if (code == null || code.isEmpty()) {
            return x.error(70, "invalid_request", "The token request does not contain 'pre-authorized_code' parameter.");
        }
        Instant now = x.call().now();
        VciState issuance = x.state().credentialIssuance();
        Optional<CredentialOffer> found = issuance.offerByCode(code).filter(o -> !o.isExpired(now));
        if (found.isEmpty()) {
            return x.error(71, "invalid_grant", "The pre-authorized code is unknown, expired or already used.");
        }
        CredentialOffer offer = found.get();
        String txCode = x.params().first("tx_code") != null ? x.params().first("tx_code") : x.params().first("user_pin");
        if (offer.txCode() != null && !offer.txCode().equals(txCode)) {
            return x.error(72, "invalid_grant", "The transaction code (tx_code) is missing or wrong.");
        }
        if (!issuance.redeem(offer)) {
            return x.error(71, "invalid_grant", "The pre-authorized code is unknown, expired or already used.");
        }
        Grant grant = new Grant(x.client().clientId(), offer.subject(), offer.subject(), List.of(), "PRE_AUTHORIZED_CODE",
                offer.properties(), offer.authTime(), offer.acr(), null, null, null, null, null);
        TokenRecord token = TokenMinter.mint(x.state(), x.client(), grant, false, now, x.options());
        long cnonceDuration = CredentialEndpointApi.cnonceDuration(x.service());
        String cnonce = RandomValues.token();
        issuance.grant(token.accessToken(), new VciState.IssuanceRights(offer.configurationIds(), cnonce, now.plusSeconds(cnonceDuration)));
        ObjectNode body = TokenApi.ok(x, token, null, ResultCodes.of(50, 0, 9));
        body.put("cnonce", cnonce);
        body.put("cnonceExpiresAt", now.plusSeconds(cnonceDuration).toEpochMilli());
        body.put("cnonceDuration", cnonceDuration);
        ObjectNode content = (ObjectNode) Json.parse(body.get("responseContent").asText());
        content.put("c_nonce", cnonce);
        content.put("c_nonce_expires_in", cnonceDuration);
        ArrayNode details = content.putArray("authorization_details");
        offer.configurationIds().forEach(id -> details.addObject().put("type", "openid_credential").put("credential_configuration_id", id));
        body.put("responseContent", Json.write(content));
        return body;
    }
}
