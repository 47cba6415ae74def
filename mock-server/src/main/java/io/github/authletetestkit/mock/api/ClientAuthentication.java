package io.github.authletetestkit.mock.api;

import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.oauth.FormParameters;
import io.github.authletetestkit.mock.store.ServiceState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Identifies and authenticates the OAuth client of a token, revocation or PAR request. Credentials come
 * from the {@code clientId}/{@code clientSecret} members (the service's HTTP Basic) or the form body.
 */
final class ClientAuthentication {

    /** The authenticated client, or why not: an {@code INVALID_CLIENT} or a {@code BAD_REQUEST}. */
    record Result(ClientConfig client, String method, boolean invalidClient, String error, String description) {
        boolean ok() {
            return client != null && error == null;
        }
    }

    private ClientAuthentication() {}

    static Result authenticate(ServiceState service, String basicClientId, String basicSecret, FormParameters params) {
        String bodyClientId = params.first("client_id");
        String bodySecret = params.first("client_secret");
        boolean basic = basicClientId != null && !basicClientId.isEmpty();
        if (basic && bodyClientId != null && !bodyClientId.equals(basicClientId)) {
            return refused(false, "invalid_request", "The client ID in the body differs from the one in the Authorization header.");
        }
        if (basicSecret != null && !basicSecret.isEmpty() && bodySecret != null) {
            return refused(false, "invalid_request", "The client secret is given both in the Authorization header and in the body.");
        }
        String clientId = basic ? basicClientId : bodyClientId;
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
        boolean secretInHeader = basicSecret != null && !basicSecret.isEmpty();
        String secret = secretInHeader ? basicSecret : bodySecret;
        String method = secret == null ? "NONE" : secretInHeader ? "CLIENT_SECRET_BASIC" : "CLIENT_SECRET_POST";
        if (client.isPublic()) {
            if (secret != null && !matches(secret, client.clientSecret())) {
                return refused(true, "invalid_client", "The client secret is wrong.");
            }
            return new Result(client, method, false, null, null);
        }
        if (secret == null) {
            return refused(true, "invalid_client", "The client is confidential but the request carries no client secret.");
        }
        if (!matches(secret, client.clientSecret())) {
            return refused(true, "invalid_client", "The client secret is wrong.");
        }
        String registered = client.tokenAuthMethod();
        if (registered != null && (registered.equals("CLIENT_SECRET_BASIC") || registered.equals("CLIENT_SECRET_POST"))
                && !registered.equals(method)) {
            return refused(true, "invalid_client", "The client must authenticate with " + registered + ", not " + method + ".");
        }
        return new Result(client, method, false, null, null);
    }

    private static Result refused(boolean invalidClient, String error, String description) {
        return new Result(null, null, invalidClient, error, description);
    }

    private static boolean matches(String given, String expected) {
        return expected != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
