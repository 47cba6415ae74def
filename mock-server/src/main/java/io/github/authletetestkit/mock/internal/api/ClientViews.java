package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.model.ClientConfig;
import java.util.List;

/** The reduced views of a client that Authlete embeds in other answers. */
final class ClientViews {

    /** {@code client_limited}: lists of authorized clients, token lists. */
    static final List<String> LIMITED = List.of("number", "clientName", "clientNames", "description", "descriptions",
            "clientId", "clientIdAlias", "clientIdAliasEnabled", "clientType");

    /** {@code client_limited_authorization}: what the consent page needs in an authorization response. */
    static final List<String> FOR_AUTHORIZATION = List.of("number", "clientId", "clientIdAlias", "clientIdAliasEnabled",
            "clientName", "clientNames", "description", "descriptions", "logoUri", "logoUris", "tosUri", "tosUris",
            "policyUri", "policyUris", "clientUri", "clientUris");

    private ClientViews() {}

    static ObjectNode of(ClientConfig client, List<String> members) {
        return client.view(members);
    }
}
