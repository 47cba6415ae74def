package io.github.authletetestkit.mock.internal.api;

import io.github.authletetestkit.mock.internal.oauth.ClientAssertions;
import io.github.authletetestkit.mock.internal.oauth.ClientCertificates;
import io.github.authletetestkit.mock.internal.oauth.ClientKeys;
import io.github.authletetestkit.mock.internal.oauth.FormParameters;
import io.github.authletetestkit.mock.internal.oauth.InvalidClientCredentialsException;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Identifies and authenticates the OAuth client of a token, revocation, PAR, device or CIBA request. Credentials come
 * from the {@code clientId}/{@code clientSecret} members (the service's HTTP Basic), the form body ({@code client_id},
 * {@code client_secret}, {@code client_assertion}) or the {@code clientCertificate} of mutual TLS. A client that
 * registered a {@code tokenAuthMethod} must use it.
 */
final class ClientAuthentication {

    /** The authenticated client, or why not: an {@code INVALID_CLIENT} or a {@code BAD_REQUEST}. */
    record Result(ClientConfig client, String method, boolean invalidClient, String error, String description) {
        boolean ok() {
            return client != null && error == null;
        }
    }

    /** What the request carries besides its form body. */
    record Credentials(String clientId, String clientSecret, String clientCertificate) {}

    /** The endpoints a client assertion's {@code aud} may name, besides the issuer. */
    private static final List<String> ENDPOINTS = List.of("tokenEndpoint", "pushedAuthReqEndpoint", "revocationEndpoint",
            "introspectionEndpoint", "backchannelAuthenticationEndpoint", "deviceAuthorizationEndpoint");

    /** The one-time records of client assertions share the store's proof-jti verb under this key prefix. */
    private static final String ASSERTION_KEY_PREFIX = "client_assertion ";

    private ClientAuthentication() {}

    static Result authenticate(ServiceState service, Credentials credentials, FormParameters params, Instant now) {
        String basicClientId = credentials.clientId();
        String basicSecret = credentials.clientSecret();
        String bodyClientId = params.first("client_id");
        String bodySecret = params.first("client_secret");
        String assertion = params.first("client_assertion");
        boolean basic = basicClientId != null && !basicClientId.isEmpty();
        if (basic && bodyClientId != null && !bodyClientId.equals(basicClientId)) {
            return refused(false, "invalid_request", "The client ID in the body differs from the one in the Authorization header.");
        }
        boolean secretInHeader = basicSecret != null && !basicSecret.isEmpty();
        if (secretInHeader && bodySecret != null) {
            return refused(false, "invalid_request", "The client secret is given both in the Authorization header and in the body.");
        }
        String secret = secretInHeader ? basicSecret : bodySecret;
        if (assertion != null) {
            if (secret != null) {
                return refused(false, "invalid_request", "The request carries both a client secret and a client assertion.");
            }
            if (!ClientAssertions.JWT_BEARER_TYPE.equals(params.first("client_assertion_type"))) {
                return refused(false, "invalid_request", "The 'client_assertion_type' parameter must be '"
                        + ClientAssertions.JWT_BEARER_TYPE + "' when 'client_assertion' is given.");
            }
        }
        String clientId = basic ? basicClientId : bodyClientId;
        try {
            if ((clientId == null || clientId.isEmpty()) && assertion != null) {
                clientId = ClientAssertions.claimedClient(assertion);
            }
            if (clientId == null || clientId.isEmpty()) {
                return refused(true, "invalid_client", "The request does not identify the client.");
            }
            Optional<ClientConfig> found = service.findClient(clientId);
            if (found.isEmpty()) {
                return refused(true, "invalid_client", "The client ID '" + clientId + "' is not registered.");
            }
            ClientConfig client = found.get();
            if (client.locked()) {
                throw new ApiException(403, ResultCodes.CLIENT_LOCKED, "The client (ID = " + client.clientId() + ") is locked.");
            }
            if (secret != null && !matches(secret, client.clientSecret())) {
                return refused(true, "invalid_client", "The client secret is wrong.");
            }
            String method = secret != null ? (secretInHeader ? "CLIENT_SECRET_BASIC" : "CLIENT_SECRET_POST")
                    : assertion != null ? assertionMethod(service, client, assertion, now)
                    : certificateMethod(client, credentials.clientCertificate());
            if (client.isPublic()) {
                return new Result(client, method, false, null, null);
            }
            if (method.equals("NONE")) {
                return refused(true, "invalid_client", "The client is confidential but the request carries no client credentials.");
            }
            String registered = client.tokenAuthMethod();
            if (registered != null && !registered.equals(method)) {
                return refused(true, "invalid_client", "The client must authenticate with " + registered + ", not " + method + ".");
            }
            return new Result(client, method, false, null, null);
        } catch (InvalidClientCredentialsException e) {
            return refused(true, "invalid_client", e.getMessage());
        }
    }

    /** {@code PRIVATE_KEY_JWT} or {@code CLIENT_SECRET_JWT}, once the assertion is verified and its {@code jti} new. */
    private static String assertionMethod(ServiceState service, ClientConfig client, String assertion, Instant now) {
        ServiceConfig config = service.config();
        long skew = config.allowableClockSkew();
        ClientAssertions.Checked checked = ClientAssertions.verify(assertion, client, audiences(config), now, skew);
        if (!service.firstUseOfDpopProof(ASSERTION_KEY_PREFIX + client.clientId(), checked.jti(), checked.expiresAt().plusSeconds(skew))) {
            throw new InvalidClientCredentialsException("The client assertion's jti '" + checked.jti() + "' was used before.");
        }
        return checked.method();
    }

    /**
     * {@code TLS_CLIENT_AUTH} or {@code SELF_SIGNED_TLS_CLIENT_AUTH} when the client registered one of them and the
     * certificate fits; {@code NONE} when the request carries no credentials the client's method could use.
     */
    private static String certificateMethod(ClientConfig client, String pem) {
        String registered = client.tokenAuthMethod();
        boolean tls = "TLS_CLIENT_AUTH".equals(registered);
        boolean selfSigned = "SELF_SIGNED_TLS_CLIENT_AUTH".equals(registered);
        if (!tls && !selfSigned || pem == null || pem.isBlank()) {
            return "NONE";
        }
        X509Certificate certificate = ClientCertificates.parse(pem);
        if (tls) {
            ClientCertificates.checkTlsClientAuth(certificate, client);
        } else {
            try {
                ClientCertificates.checkSelfSigned(certificate, ClientKeys.publicKeys(client));
            } catch (ClientKeys.KeyProblem e) {
                throw new InvalidClientCredentialsException(e.getMessage());
            }
        }
        return registered;
    }

    private static Set<String> audiences(ServiceConfig config) {
        return Stream.concat(Stream.of(config.issuer()), ENDPOINTS.stream().map(config::endpoint))
                .filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static Result refused(boolean invalidClient, String error, String description) {
        return new Result(null, null, invalidClient, error, description);
    }

    private static boolean matches(String given, String expected) {
        return expected != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
