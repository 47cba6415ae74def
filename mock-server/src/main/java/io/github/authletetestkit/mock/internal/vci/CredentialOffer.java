package io.github.authletetestkit.mock.internal.vci;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.store.Property;
import io.github.authletetestkit.mock.model.Json;
import java.time.Instant;
import java.util.List;

/**
 * A credential offer ({@code /vci/offer/create}): which credential configurations, for which end-user, through which
 * grants. Its pre-authorized code, when it has one, is redeemed once at the token endpoint.
 */
public record CredentialOffer(String identifier, String credentialIssuer, String subject, List<String> configurationIds,
                              boolean authorizationCodeGrantIncluded, String issuerState, String preAuthorizedCode,
                              String txCode, String txCodeInputMode, String txCodeDescription, Instant expiresAt,
                              String context, List<Property> properties, String jwtAtClaims, Long authTime, String acr) {

    public static final String PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The offer as the wallet receives it (OpenID4VCI {@code credential_offer}). */
    public ObjectNode offerJson() {
        ObjectNode offer = Json.object();
        offer.put("credential_issuer", credentialIssuer);
        configurationIds.forEach(offer.putArray("credential_configuration_ids")::add);
        ObjectNode grants = offer.putObject("grants");
        if (authorizationCodeGrantIncluded) {
            ObjectNode code = grants.putObject("authorization_code");
            if (issuerState != null) {
                code.put("issuer_state", issuerState);
            }
        }
        if (preAuthorizedCode != null) {
            ObjectNode pre = grants.putObject(PRE_AUTHORIZED_GRANT);
            pre.put("pre-authorized_code", preAuthorizedCode);
            if (txCode != null) {
                ObjectNode tx = pre.putObject("tx_code");
                tx.put("length", txCode.length());
                tx.put("input_mode", txCodeInputMode != null ? txCodeInputMode : "numeric");
                if (txCodeDescription != null) {
                    tx.put("description", txCodeDescription);
                }
            }
        }
        return offer;
    }

    /** The {@code info} member of {@code /vci/offer/create} and {@code /vci/offer/info}. */
    public ObjectNode toInfo() {
        ObjectNode info = Json.object();
        info.put("identifier", identifier);
        info.put("credentialOffer", Json.write(offerJson()));
        info.put("credentialIssuer", credentialIssuer);
        info.put("authorizationCodeGrantIncluded", authorizationCodeGrantIncluded);
        info.put("issuerStateIncluded", issuerState != null);
        if (issuerState != null) {
            info.put("issuerState", issuerState);
        }
        info.put("preAuthorizedCodeGrantIncluded", preAuthorizedCode != null);
        if (preAuthorizedCode != null) {
            info.put("preAuthorizedCode", preAuthorizedCode);
        }
        if (subject != null) {
            info.put("subject", subject);
        }
        info.put("expiresAt", expiresAt.toEpochMilli());
        putIfSet(info, "context", context);
        if (properties != null && !properties.isEmpty()) {
            info.set("properties", Json.MAPPER.valueToTree(properties));
        }
        putIfSet(info, "jwtAtClaims", jwtAtClaims);
        if (authTime != null) {
            info.put("authTime", authTime);
        }
        putIfSet(info, "acr", acr);
        configurationIds.forEach(info.putArray("credentialConfigurationIds")::add);
        putIfSet(info, "txCode", txCode);
        putIfSet(info, "txCodeInputMode", txCodeInputMode);
        putIfSet(info, "txCodeDescription", txCodeDescription);
        return info;
    }

    private static void putIfSet(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
