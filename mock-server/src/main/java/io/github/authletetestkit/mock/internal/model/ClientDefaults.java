package io.github.authletetestkit.mock.internal.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.model.Json;
import java.time.Instant;
import java.util.List;

/** The members of a client nobody configured, as Authlete fills them in on creation. */
public final class ClientDefaults {

    private ClientDefaults() {}

    public static ObjectNode client(long clientId, int serviceNumber, String clientSecret, Instant now) {
        ObjectNode client = Json.object();
        client.put("number", (int) (clientId % 1_000_000));
        client.put("serviceNumber", serviceNumber);
        client.put("clientId", clientId);
        client.put("clientSecret", clientSecret);
        client.put("clientIdAlias", Long.toString(clientId));
        client.put("clientIdAliasEnabled", true);
        client.put("clientType", "PUBLIC");
        client.putArray("grantTypes");
        client.putArray("responseTypes");
        client.putArray("redirectUris");
        client.put("subjectType", "PUBLIC");
        client.put("idTokenSignAlg", "RS256");
        client.put("defaultMaxAge", 0);
        for (String flag : List.of("authTimeRequired", "parRequired", "requestObjectRequired", "dpopRequired",
                "dynamicallyRegistered", "locked", "tlsClientCertificateBoundAccessTokens")) {
            client.put(flag, false);
        }
        client.putObject("extension").put("requestableScopesEnabled", false);
        client.put("createdAt", now.toEpochMilli());
        client.put("modifiedAt", now.toEpochMilli());
        return client;
    }
}
