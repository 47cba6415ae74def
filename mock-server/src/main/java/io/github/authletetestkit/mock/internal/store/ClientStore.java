package io.github.authletetestkit.mock.internal.store;

import io.github.authletetestkit.mock.model.ClientConfig;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A service's registered clients. */
public interface ClientStore {

    void putClient(ClientConfig client);

    /** Compare-and-replace: false when the client changed or was deleted since {@code current} was read. */
    boolean replaceClient(ClientConfig current, ClientConfig updated);

    Optional<ClientConfig> client(long clientId);

    /**
     * Applies {@code change} to the client atomically (retried when a concurrent change won); empty when there
     * is no such client, so that a change racing a deletion never brings the client back.
     */
    default Optional<ClientConfig> updateClient(long clientId, UnaryOperator<ClientConfig> change) {
        return AtomicChange.apply(() -> client(clientId).orElse(null), change, this::replaceClient);
    }

    /** Finds a client by numeric ID or alias. */
    default Optional<ClientConfig> findClient(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<ClientConfig> byId = client(Long.parseLong(identifier));
            if (byId.isPresent()) {
                return byId;
            }
        } catch (NumberFormatException notNumeric) {
            // an alias
        }
        return clients().stream().filter(c -> c.clientIdAlias().equals(identifier)).findFirst();
    }

    /** Every client, by client ID. */
    List<ClientConfig> clients();

    default boolean aliasTaken(String alias, long exceptClientId) {
        return clients().stream().anyMatch(c -> c.clientId() != exceptClientId && c.clientIdAlias().equals(alias));
    }

    /** Removes the client and every ticket, code, request, grant and token issued to it. */
    boolean removeClient(long clientId);
}
