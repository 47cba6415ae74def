package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import io.github.authletetestkit.mock.internal.store.Property;
import io.github.authletetestkit.mock.internal.vci.CredentialOffer;
import io.github.authletetestkit.mock.internal.vci.IssuerMetadata;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.util.List;

/**
 * OpenID4VCI, the issuer's documents and offers: {@code /vci/metadata}, {@code /vci/jwtissuer} and {@code /vci/jwks}
 * from the service's credential issuer settings, and {@code /vci/offer/create} / {@code /vci/offer/info}. The API
 * numbers of the result codes (401 to 405) are ours: no published code was found.
 */
public final class VciApi {

    record DocumentRequest(Boolean pretty) {}

    record OfferCreateRequest(Boolean authorizationCodeGrantIncluded, Boolean issuerStateIncluded,
                              Boolean preAuthorizedCodeGrantIncluded, String subject, Long duration, String context,
                              List<Property> properties, String jwtAtClaims, Long authTime, String acr,
                              List<String> credentialConfigurationIds, String txCode, String txCodeInputMode,
                              String txCodeDescription) {}

    record OfferInfoRequest(String identifier) {}

    private static final int METADATA = 401;
    private static final int JWT_ISSUER = 402;
    private static final int JWKS = 403;
    private static final int OFFER_CREATE = 404;
    private static final int OFFER_INFO = 405;
    private static final long DEFAULT_OFFER_DURATION = 86_400;

    public ApiResponse metadata(ApiCall call) {
        return document(call, METADATA, () -> metadataOf(call.service().config()).toJson());
    }

    public ApiResponse jwtIssuer(ApiCall call) {
        return document(call, JWT_ISSUER, () -> {
            ServiceConfig service = call.service().config();
            ObjectNode doc = Json.object();
            doc.put("issuer", metadataOf(service).credentialIssuer());
            String jwksUri = service.toJson().path("credentialJwksUri").asText(null);
            if (jwksUri != null) {
                doc.put("jwks_uri", jwksUri);
            } else {
                doc.set("jwks", Json.parse(Jwks.publicJson(credentialKeys(service))));
            }
            return doc;
        });
    }

    public ApiResponse jwks(ApiCall call) {
        return document(call, JWKS, () -> (ObjectNode) Json.parse(Jwks.publicJson(credentialKeys(call.service().config()))));
    }

    public ApiResponse createOffer(ApiCall call) {
        ServiceConfig service = call.service().config();
        if (!enabled(service)) {
            return ApiResponse.ok(RuntimeResult.of(ResultCodes.of(OFFER_CREATE, 2, 1), "FORBIDDEN",
                    "The service does not enable verifiable credentials."));
        }
        OfferCreateRequest request = call.body(OfferCreateRequest.class);
        IssuerMetadata metadata;
        try {
            metadata = metadataOf(service);
        } catch (IllegalArgumentException e) {
            return ApiResponse.ok(RuntimeResult.of(ResultCodes.of(OFFER_CREATE, 1, 1), "AUTHLETE_ERROR", e.getMessage()));
        }
        List<String> ids = request.credentialConfigurationIds() == null ? List.of() : request.credentialConfigurationIds();
        String problem = ids.isEmpty() ? "The offer names no credential configuration ('credentialConfigurationIds')."
                : ids.stream().filter(id -> metadata.configuration(id).isEmpty()).findFirst()
                        .map(id -> "The credential configuration '" + id + "' is not in the issuer metadata.").orElse(null);
        boolean codeGrant = Boolean.TRUE.equals(request.authorizationCodeGrantIncluded());
        boolean preAuthorized = Boolean.TRUE.equals(request.preAuthorizedCodeGrantIncluded());
        if (problem == null && !codeGrant && !preAuthorized) {
            problem = "The offer includes neither the authorization code grant nor the pre-authorized code grant.";
        }
        if (problem == null && preAuthorized && (request.subject() == null || request.subject().isBlank())) {
            problem = "An offer with the pre-authorized code grant needs the 'subject' it is made for.";
        }
        if (problem != null) {
            return ApiResponse.ok(RuntimeResult.of(ResultCodes.of(OFFER_CREATE, 2, 2), "CALLER_ERROR", problem));
        }
        long duration = positiveOr(request.duration(), positiveOr(service.toJson().path("credentialOfferDuration").asLong(0),
                DEFAULT_OFFER_DURATION));
        CredentialOffer offer = new CredentialOffer(RandomValues.token(), metadata.credentialIssuer(), request.subject(),
                List.copyOf(ids), codeGrant, codeGrant && Boolean.TRUE.equals(request.issuerStateIncluded()) ? RandomValues.token() : null,
                preAuthorized ? RandomValues.token() : null, blankToNull(request.txCode()), request.txCodeInputMode(),
                request.txCodeDescription(), call.now().plusSeconds(duration), request.context(),
                request.properties() == null ? List.of() : List.copyOf(request.properties()), request.jwtAtClaims(),
                request.authTime(), request.acr());
        call.service().credentialIssuance().addOffer(offer);
        ObjectNode body = RuntimeResult.of(ResultCodes.of(OFFER_CREATE, 0, 1), "CREATED", "The credential offer was created.");
        body.set("info", offer.toInfo());
        return ApiResponse.ok(body);
    }

    public ApiResponse offerInfo(ApiCall call) {
        ServiceConfig service = call.service().config();
        if (!enabled(service)) {
            return ApiResponse.ok(RuntimeResult.of(ResultCodes.of(OFFER_INFO, 2, 1), "FORBIDDEN",
                    "The service does not enable verifiable credentials."));
        }
        OfferInfoRequest request = call.body(OfferInfoRequest.class);
        if (request.identifier() == null || request.identifier().isBlank()) {
            return ApiResponse.ok(RuntimeResult.of(ResultCodes.of(OFFER_INFO, 2, 2), "CALLER_ERROR",
                    "The request does not contain 'identifier'."));
        }
        return call.service().credentialIssuance().offer(request.identifier())
                .filter(offer -> !offer.isExpired(call.now()))
                .map(offer -> {
                    ObjectNode body = RuntimeResult.of(ResultCodes.of(OFFER_INFO, 0, 1), "OK", "The credential offer was found.");
                    body.set("info", offer.toInfo());
                    return ApiResponse.ok(body);
                })
                .orElseGet(() -> ApiResponse.ok(RuntimeResult.of(ResultCodes.of(OFFER_INFO, 2, 3), "NOT_FOUND",
                        "No live credential offer has the identifier '" + request.identifier() + "'.")));
    }

    static boolean enabled(ServiceConfig service) {
        return service.toJson().path("verifiableCredentialsEnabled").asBoolean(false);
    }

    /** The issuer metadata; the service's issuer stands in for a missing credential issuer identifier. */
    static IssuerMetadata metadataOf(ServiceConfig service) {
        return IssuerMetadata.of(service.toJson().path("credentialIssuerMetadata"), service.issuer());
    }

    /** The credential signing keys: {@code credentialJwks}, else the service's own keys. */
    static JWKSet credentialKeys(ServiceConfig service) {
        String jwks = service.toJson().path("credentialJwks").asText(null);
        return Jwks.parse(jwks != null && !jwks.isBlank() ? jwks : service.jwks());
    }

    /** The key a credential is signed with: the one named, else the first private signing key. */
    static JWK signingKey(ServiceConfig service, String keyId) {
        return Jwks.signingKey(credentialKeys(service), keyId, "credential");
    }

    private interface DocumentBuilder {
        ObjectNode build();
    }

    private static ApiResponse document(ApiCall call, int api, DocumentBuilder builder) {
        if (!enabled(call.service().config())) {
            return ApiResponse.ok(RuntimeResult.of(ResultCodes.of(api, 2, 1), "NOT_FOUND",
                    "The service does not enable verifiable credentials."));
        }
        JsonNode doc;
        try {
            doc = builder.build();
        } catch (IllegalArgumentException e) {
            return ApiResponse.ok(RuntimeResult.of(ResultCodes.of(api, 1, 1), "INTERNAL_SERVER_ERROR", e.getMessage()));
        }
        boolean pretty = Boolean.TRUE.equals(call.body(DocumentRequest.class).pretty());
        ObjectNode body = RuntimeResult.of(ResultCodes.of(api, 0, 1), "OK", "The document was built.");
        body.put("responseContent", pretty ? doc.toPrettyString() : Json.write(doc));
        return ApiResponse.ok(body);
    }

    private static long positiveOr(Long value, long fallback) {
        return value != null && value > 0 ? value : fallback;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
