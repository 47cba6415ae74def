package io.github.authletetestkit.mock.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.nimbusds.jose.jwk.JWKSet;
import io.github.authletetestkit.mock.internal.oauth.DeferredSigningKeys;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.List;

/**
 * The configuration of a service nobody configured: every grant type, response type and delivery mode
 * the mock implements, the OIDC standard scopes and a signing key, so that any SDK can run any flow
 * against a fresh mock.
 */
public final class ServiceDefaults {

    public static final List<String> GRANT_TYPES = List.of(
            "AUTHORIZATION_CODE", "IMPLICIT", "PASSWORD", "CLIENT_CREDENTIALS", "REFRESH_TOKEN", "DEVICE_CODE", "CIBA", "PRE_AUTHORIZED_CODE");
    public static final List<String> RESPONSE_TYPES = List.of(
            "NONE", "CODE", "TOKEN", "ID_TOKEN", "CODE_TOKEN", "CODE_ID_TOKEN", "ID_TOKEN_TOKEN", "CODE_ID_TOKEN_TOKEN");
    public static final List<String> SCOPES = List.of("openid", "profile", "email", "address", "phone", "offline_access");
    public static final List<String> CLAIMS = List.of(
            "sub", "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile",
            "picture", "website", "email", "email_verified", "gender", "birthdate", "zoneinfo", "locale",
            "phone_number", "phone_number_verified", "address", "updated_at");

    private ServiceDefaults() {}

    /** The {@code jwks} member and the ID of its first key; null for no keys. */
    private record SigningKeysMember(JsonNode json, String firstKeyId) {
        static SigningKeysMember of(JWKSet keys) {
            return keys == null || keys.getKeys().isEmpty() ? null
                    : new SigningKeysMember(TextNode.valueOf(Jwks.fullJson(keys)), keys.getKeys().get(0).getKeyID());
        }

        static SigningKeysMember of(DeferredSigningKeys keys) {
            return new SigningKeysMember(new DeferredText(keys::fullJson), keys.firstKeyId());
        }
    }

    /**
     * A complete service document with the {@code requested} members merged in. The endpoints hang below the
     * requested issuer when it is an absolute http(s) URI, below a made-up one otherwise.
     */
    public static ServiceConfig service(long apiKey, ObjectNode requested, JWKSet keys, Instant now) {
        return service(apiKey, requested, SigningKeysMember.of(keys), now);
    }

    /** {@link #service(long, ObjectNode, JWKSet, Instant)} with keys generated when first used. */
    public static ServiceConfig service(long apiKey, ObjectNode requested, DeferredSigningKeys keys, Instant now) {
        return service(apiKey, requested, SigningKeysMember.of(keys), now);
    }

    private static ServiceConfig service(long apiKey, ObjectNode requested, SigningKeysMember keys, Instant now) {
        String issuer = requested.path("issuer").asText("");
        String base = issuer.matches("https?://[^\\s/?#]+[^\\s?#]*") ? issuer : "https://as-" + apiKey + ".example.com";
        String name = requested.path("serviceName").asText("Service " + apiKey);
        return new ServiceConfig(service(apiKey, name, base, keys, now)).merge(requested);
    }

    /**
     * A complete service document. {@code issuer} doubles as the base of the service's endpoints.
     * {@code keys} signs ID tokens (its first key is the ID-token key).
     */
    public static ObjectNode service(long apiKey, String serviceName, String issuer, JWKSet keys, Instant now) {
        return service(apiKey, serviceName, issuer, SigningKeysMember.of(keys), now);
    }

    /** {@link #service(long, String, String, JWKSet, Instant)} with keys generated when first used. */
    public static ObjectNode service(long apiKey, String serviceName, String issuer, DeferredSigningKeys keys, Instant now) {
        return service(apiKey, serviceName, issuer, SigningKeysMember.of(keys), now);
    }

    private static ObjectNode service(long apiKey, String serviceName, String issuer, SigningKeysMember keys, Instant now) {
        ObjectNode s = Json.object();
        s.put("number", (int) (apiKey % 100_000));
        s.put("serviceName", serviceName);
        s.put("issuer", issuer);
        s.put("description", "A service of the Authlete Testkit mock");
        s.put("apiKey", apiKey);
        s.put("serviceOwnerNumber", 1);
        s.put("clientIdAliasEnabled", true);
        s.put("createdAt", now.toEpochMilli());
        s.put("modifiedAt", now.toEpochMilli());
        strings(s.putArray("supportedGrantTypes"), GRANT_TYPES);
        strings(s.putArray("supportedResponseTypes"), RESPONSE_TYPES);
        ArrayNode scopes = s.putArray("supportedScopes");
        for (String scope : SCOPES) {
            scopes.addObject().put("name", scope).put("defaultEntry", false).put("description", "The " + scope + " scope.");
        }
        strings(s.putArray("supportedClaims"), CLAIMS);
        strings(s.putArray("supportedClaimTypes"), List.of("NORMAL"));
        strings(s.putArray("supportedDisplays"), List.of("PAGE", "POPUP", "TOUCH", "WAP"));
        strings(s.putArray("supportedPromptValues"), List.of("NONE", "LOGIN", "CONSENT", "SELECT_ACCOUNT", "CREATE"));
        strings(s.putArray("supportedTokenAuthMethods"), List.of("CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST", "NONE"));
        strings(s.putArray("supportedRevocationAuthMethods"), List.of("CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST", "NONE"));
        strings(s.putArray("supportedIntrospectionAuthMethods"), List.of("CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST"));
        strings(s.putArray("supportedBackchannelTokenDeliveryModes"), List.of("POLL", "PING", "PUSH"));
        s.put("authorizationEndpoint", issuer + "/authorize");
        s.put("tokenEndpoint", issuer + "/token");
        s.put("revocationEndpoint", issuer + "/revoke");
        s.put("introspectionEndpoint", issuer + "/introspect");
        s.put("userInfoEndpoint", issuer + "/userinfo");
        s.put("jwksUri", issuer + "/jwks");
        s.put("pushedAuthReqEndpoint", issuer + "/par");
        s.put("deviceAuthorizationEndpoint", issuer + "/device_authorization");
        s.put("deviceVerificationUri", issuer + "/device");
        s.put("deviceVerificationUriComplete", issuer + "/device?user_code=USER_CODE");
        s.put("backchannelAuthenticationEndpoint", issuer + "/bc-authorize");
        s.put("registrationEndpoint", issuer + "/register");
        s.put("registrationManagementEndpoint", issuer + "/register");
        s.put("accessTokenType", "Bearer");
        s.put("accessTokenDuration", 86_400);
        s.put("refreshTokenDuration", 864_000);
        s.put("idTokenDuration", 86_400);
        s.put("authorizationResponseDuration", 0);
        s.put("pushedAuthReqDuration", 600);
        s.put("deviceFlowCodeDuration", 600);
        s.put("deviceFlowPollingInterval", 5);
        s.put("backchannelAuthReqIdDuration", 600);
        s.put("backchannelPollingInterval", 5);
        s.put("backchannelUserCodeParameterSupported", true);
        s.put("userCodeCharset", "BASE20");
        s.put("userCodeLength", 8);
        s.put("allowableClockSkew", 0);
        for (String flag : List.of("pkceRequired", "pkceS256Required", "parRequired", "requestObjectRequired",
                "refreshTokenKept", "refreshTokenDurationKept", "refreshTokenDurationReset", "singleAccessTokenPerSubject",
                "issSuppressed", "scopeRequired", "errorDescriptionOmitted", "errorUriOmitted", "tokenExpirationLinked",
                "idTokenReissuable", "loopbackRedirectionUriVariable")) {
            s.put(flag, false);
        }
        s.put("loopbackRedirectionUriVariable", true);
        s.put("dynamicRegistrationSupported", true);
        // OpenID4VCI: two credential configurations the mock can sign, with the service's own keys (no credentialJwks)
        s.put("verifiableCredentialsEnabled", true);
        ObjectNode configurations = Json.object();
        configurations.putObject("IdentityCredential").put("format", "vc+sd-jwt").put("vct", issuer + "/credentials/identity");
        configurations.putObject("UniversityDegree").put("format", "jwt_vc_json").putObject("credential_definition")
                .putArray("type").add("VerifiableCredential").add("UniversityDegreeCredential");
        s.putObject("credentialIssuerMetadata")
                .put("credentialIssuer", issuer)
                .put("credentialEndpoint", issuer + "/credential")
                .put("batchCredentialEndpoint", issuer + "/batch_credential")
                .put("deferredCredentialEndpoint", issuer + "/deferred_credential")
                .put("credentialsSupported", Json.write(configurations));
        if (keys != null) {
            s.set("jwks", keys.json());
            s.put("idTokenSignatureKeyId", keys.firstKeyId());
            s.put("userInfoSignatureKeyId", keys.firstKeyId());
        }
        return s;
    }

    private static void strings(ArrayNode target, List<String> values) {
        values.forEach(target::add);
    }
}
