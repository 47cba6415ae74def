package io.github.authletetestkit.mock.store;

import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything one service holds: its configuration, clients, and the live tickets, codes and tokens.
 * Single-use values are consumed with {@link Map#remove}, so under concurrency exactly one caller wins.
 */
public final class ServiceState {

    private final AtomicReference<ServiceConfig> config;
    private final Map<Long, ClientConfig> clients = new ConcurrentHashMap<>();
    private final Map<String, AuthorizationTicket> tickets = new ConcurrentHashMap<>();
    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final Map<String, TokenRecord> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, TokenRecord> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, TokenTicket> tokenTickets = new ConcurrentHashMap<>();

    public ServiceState(ServiceConfig config) {
        this.config = new AtomicReference<>(config);
    }

    public long serviceId() {
        return config.get().apiKey();
    }

    public ServiceConfig config() {
        return config.get();
    }

    public void updateConfig(ServiceConfig newConfig) {
        config.set(newConfig);
    }

    // ---- clients

    public void putClient(ClientConfig client) {
        clients.put(client.clientId(), client);
    }

    /** Finds a client by numeric ID or alias. */
    public Optional<ClientConfig> findClient(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            return Optional.empty();
        }
        try {
            ClientConfig byId = clients.get(Long.parseLong(identifier));
            if (byId != null) {
                return Optional.of(byId);
            }
        } catch (NumberFormatException notNumeric) {
            // an alias
        }
        return clients.values().stream().filter(c -> c.clientIdAlias().equals(identifier)).findFirst();
    }

    public Optional<ClientConfig> client(long clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    public List<ClientConfig> clients() {
        List<ClientConfig> all = new ArrayList<>(clients.values());
        all.sort(Comparator.comparingLong(ClientConfig::clientId));
        return all;
    }

    public boolean aliasTaken(String alias, long exceptClientId) {
        return clients.values().stream().anyMatch(c -> c.clientId() != exceptClientId && c.clientIdAlias().equals(alias));
    }

    /** Removes the client and every ticket, code and token issued to it. */
    public boolean removeClient(long clientId) {
        if (clients.remove(clientId) == null) {
            return false;
        }
        tickets.values().removeIf(t -> t.clientId() == clientId);
        codes.values().removeIf(c -> c.grant().clientId() == clientId);
        removeTokens(t -> t.clientId() == clientId);
        tokenTickets.values().removeIf(t -> t.grant().clientId() == clientId);
        return true;
    }

    // ---- authorization tickets and codes

    public void putTicket(AuthorizationTicket ticket) {
        tickets.put(ticket.ticket(), ticket);
    }

    public Optional<AuthorizationTicket> ticket(String ticket) {
        return ticket == null ? Optional.empty() : Optional.ofNullable(tickets.get(ticket));
    }

    /** Takes the ticket out; empty when unknown or already taken by a concurrent caller. */
    public Optional<AuthorizationTicket> consumeTicket(String ticket) {
        return ticket == null ? Optional.empty() : Optional.ofNullable(tickets.remove(ticket));
    }

    public void replaceTicket(AuthorizationTicket updated) {
        tickets.replace(updated.ticket(), updated);
    }

    public void putCode(AuthorizationCode code) {
        codes.put(code.code(), code);
    }

    public Optional<AuthorizationCode> code(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(codes.get(code));
    }

    /** Consumes exactly this code record; false when another caller consumed it first. */
    public boolean consumeCode(AuthorizationCode code) {
        return codes.remove(code.code(), code);
    }

    // ---- tokens

    public void putToken(TokenRecord token) {
        accessTokens.put(token.accessToken(), token);
        if (token.refreshToken() != null) {
            refreshTokens.put(token.refreshToken(), token);
        }
    }

    public Optional<TokenRecord> byAccessToken(String accessToken) {
        return accessToken == null ? Optional.empty() : Optional.ofNullable(accessTokens.get(accessToken));
    }

    public Optional<TokenRecord> byRefreshToken(String refreshToken) {
        return refreshToken == null ? Optional.empty() : Optional.ofNullable(refreshTokens.get(refreshToken));
    }

    /**
     * Takes a refresh token's pair out of the store (both tokens stop working). False when a concurrent
     * refresh or revocation took it first.
     */
    public boolean consumePair(TokenRecord pair) {
        if (pair.refreshToken() != null && !refreshTokens.remove(pair.refreshToken(), pair)) {
            return false;
        }
        return accessTokens.remove(pair.accessToken(), pair) || pair.refreshToken() != null;
    }

    public void removePair(TokenRecord pair) {
        accessTokens.remove(pair.accessToken(), pair);
        if (pair.refreshToken() != null) {
            refreshTokens.remove(pair.refreshToken(), pair);
        }
    }

    /** The access token alone stops working; its refresh token (if any) stays usable. */
    public void removeAccessToken(TokenRecord pair) {
        accessTokens.remove(pair.accessToken(), pair);
    }

    public int removeTokens(java.util.function.Predicate<TokenRecord> which) {
        List<TokenRecord> doomed = new ArrayList<>();
        accessTokens.values().stream().filter(which).forEach(doomed::add);
        refreshTokens.values().stream().filter(which).forEach(doomed::add);
        doomed.forEach(this::removePair);
        return (int) doomed.stream().map(TokenRecord::accessToken).distinct().count();
    }

    public List<TokenRecord> tokens() {
        List<TokenRecord> all = new ArrayList<>(accessTokens.values());
        refreshTokens.values().stream().filter(t -> !accessTokens.containsKey(t.accessToken())).forEach(all::add);
        return all;
    }

    // ---- token tickets (password grant)

    public void putTokenTicket(TokenTicket ticket) {
        tokenTickets.put(ticket.ticket(), ticket);
    }

    public Optional<TokenTicket> consumeTokenTicket(String ticket) {
        return ticket == null ? Optional.empty() : Optional.ofNullable(tokenTickets.remove(ticket));
    }

    // ---- housekeeping

    /** Drops what can no longer be used, so a long-running mock does not grow. */
    public void sweep(Instant now) {
        tickets.values().removeIf(t -> t.isExpired(now));
        codes.values().removeIf(c -> c.isExpired(now));
        tokenTickets.values().removeIf(t -> t.isExpired(now));
        removeTokens(t -> t.accessTokenExpired(now) && !t.refreshTokenUsable(now));
    }

    public StoreCounts counts() {
        return new StoreCounts(clients.size(), tickets.size(), codes.size(), accessTokens.size(), refreshTokens.size());
    }

    /** How many live entries of each kind a service holds. */
    public record StoreCounts(int clients, int tickets, int codes, int accessTokens, int refreshTokens) {}
}
