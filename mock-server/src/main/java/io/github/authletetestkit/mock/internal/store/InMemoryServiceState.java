package io.github.authletetestkit.mock.internal.store;

import io.github.authletetestkit.mock.internal.grants.ManagedGrant;
import io.github.authletetestkit.mock.internal.hsk.HardwareKeys;
import io.github.authletetestkit.mock.internal.vci.VciState;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A service's state in concurrent maps, the default store. Single-use values are consumed with {@link Map#remove},
 * so under concurrency exactly one caller wins; a token pair changes inside one atomic {@code compute}.
 */
public final class InMemoryServiceState implements ServiceState {

    private final AtomicReference<ServiceConfig> config;
    private final Map<Long, ClientConfig> clients = new ConcurrentHashMap<>();
    private final Map<String, AuthorizationTicket> tickets = new ConcurrentHashMap<>();
    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final Map<String, TokenRecord> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, TokenRecord> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, TokenTicket> tokenTickets = new ConcurrentHashMap<>();
    private final Map<String, DeviceAuthorization> deviceAuthorizations = new ConcurrentHashMap<>();
    /** user code to device code, while the end-user's decision is still awaited */
    private final Map<String, String> userCodes = new ConcurrentHashMap<>();
    private final Map<String, BackchannelRequest> backchannelRequests = new ConcurrentHashMap<>();
    /** auth_req_id to ticket */
    private final Map<String, String> authReqIds = new ConcurrentHashMap<>();
    private final Map<String, PushedRequest> pushedRequests = new ConcurrentHashMap<>();
    private final Map<String, GrantedScopes> grantedScopes = new ConcurrentHashMap<>();
    private final Map<String, Instant> dpopProofsSeen = new ConcurrentHashMap<>();
    private final Map<String, TokenBatch> tokenBatches = new ConcurrentHashMap<>();
    /** Grant Management's grants by grant ID; changed only under their key's lock, see {@link #changeGrant}. */
    private final Map<String, ManagedGrant> grants = new ConcurrentHashMap<>();
    private final HardwareKeys hardwareKeys = new HardwareKeys();
    private final VciState credentialIssuance = new VciState();

    @Override
    public HardwareKeys hardwareKeys() {
        return hardwareKeys;
    }

    @Override
    public VciState credentialIssuance() {
        return credentialIssuance;
    }

    InMemoryServiceState(ServiceConfig config) {
        this.config = new AtomicReference<>(config);
    }

    @Override
    public long serviceId() {
        return config.get().apiKey();
    }

    @Override
    public ServiceConfig config() {
        return config.get();
    }

    @Override
    public boolean replaceConfig(ServiceConfig current, ServiceConfig updated) {
        return config.compareAndSet(current, updated);
    }

    @Override
    public void updateConfig(ServiceConfig newConfig) {
        config.set(newConfig);
    }

    // ---- clients

    @Override
    public void putClient(ClientConfig client) {
        clients.put(client.clientId(), client);
    }

    @Override
    public boolean replaceClient(ClientConfig current, ClientConfig updated) {
        return current.clientId() == updated.clientId() && clients.replace(current.clientId(), current, updated);
    }

    @Override
    public Optional<ClientConfig> client(long clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    @Override
    public List<ClientConfig> clients() {
        List<ClientConfig> all = new ArrayList<>(clients.values());
        all.sort(Comparator.comparingLong(ClientConfig::clientId));
        return all;
    }

    @Override
    public boolean removeClient(long clientId) {
        if (clients.remove(clientId) == null) {
            return false;
        }
        tickets.values().removeIf(t -> t.clientId() == clientId);
        codes.values().removeIf(c -> c.grant().clientId() == clientId);
        removeTokens(t -> t.clientId() == clientId);
        tokenTickets.values().removeIf(t -> t.grant().clientId() == clientId);
        deviceAuthorizations.values().removeIf(d -> d.clientId() == clientId);
        backchannelRequests.values().removeIf(b -> b.clientId() == clientId);
        dropOrphanedIndexes();
        pushedRequests.values().removeIf(p -> p.clientId() == clientId);
        forgetGrantedScopes(clientId, null);
        grants.values().removeIf(g -> g.clientId() == clientId);
        return true;
    }

    // ---- authorization tickets and codes

    @Override
    public void putTicket(AuthorizationTicket ticket) {
        tickets.put(ticket.ticket(), ticket);
    }

    @Override
    public Optional<AuthorizationTicket> ticket(String ticket) {
        return ticket == null ? Optional.empty() : Optional.ofNullable(tickets.get(ticket));
    }

    @Override
    public Optional<AuthorizationTicket> consumeTicket(String ticket) {
        return ticket == null ? Optional.empty() : Optional.ofNullable(tickets.remove(ticket));
    }

    @Override
    public void replaceTicket(AuthorizationTicket updated) {
        tickets.replace(updated.ticket(), updated);
    }

    @Override
    public void putCode(AuthorizationCode code) {
        codes.put(code.code(), code);
    }

    @Override
    public Optional<AuthorizationCode> code(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(codes.get(code));
    }

    @Override
    public boolean consumeCode(AuthorizationCode code) {
        return codes.remove(code.code(), code);
    }

    // ---- tokens

    /*
     * A token pair lives under its access token in accessTokens and, when it has one, under its refresh token in
     * refreshTokens. Every change to a pair runs inside accessTokens' atomic compute on the access token, which
     * also keeps refreshTokens in step, so the two maps never disagree and each verb below is atomic.
     */

    @Override
    public void putToken(TokenRecord token) {
        accessTokens.compute(token.accessToken(), (key, previous) -> {
            if (previous != null && previous.refreshToken() != null) {
                refreshTokens.remove(previous.refreshToken(), previous);
            }
            if (token.refreshToken() != null) {
                refreshTokens.put(token.refreshToken(), token);
            }
            return token;
        });
    }

    @Override
    public Optional<TokenRecord> byAccessToken(String accessToken) {
        return accessToken == null ? Optional.empty() : Optional.ofNullable(accessTokens.get(accessToken));
    }

    @Override
    public Optional<TokenRecord> byRefreshToken(String refreshToken) {
        return refreshToken == null ? Optional.empty() : Optional.ofNullable(refreshTokens.get(refreshToken));
    }

    @Override
    public boolean removeIf(String accessToken, Predicate<TokenRecord> which) {
        AtomicBoolean removed = new AtomicBoolean();
        accessTokens.computeIfPresent(accessToken, (key, current) -> {
            if (!which.test(current)) {
                return current;
            }
            if (current.refreshToken() != null) {
                refreshTokens.remove(current.refreshToken(), current);
            }
            removed.set(true);
            return null;
        });
        return removed.get();
    }

    @Override
    public boolean replaceToken(TokenRecord current, TokenRecord updated) {
        TokenStore.requireSameAccessToken(current, updated);
        AtomicBoolean replaced = new AtomicBoolean();
        accessTokens.computeIfPresent(current.accessToken(), (key, stored) -> {
            if (!stored.equals(current)) {
                return stored;
            }
            if (stored.refreshToken() != null) {
                refreshTokens.remove(stored.refreshToken(), stored);
            }
            if (updated.refreshToken() != null) {
                refreshTokens.put(updated.refreshToken(), updated);
            }
            replaced.set(true);
            return updated;
        });
        return replaced.get();
    }

    @Override
    public List<TokenRecord> tokens() {
        return new ArrayList<>(accessTokens.values());
    }

    // ---- pushed authorization requests

    @Override
    public void putPushedRequest(PushedRequest request) {
        pushedRequests.put(request.requestUri(), request);
    }

    @Override
    public Optional<PushedRequest> consumePushedRequest(String requestUri) {
        return requestUri == null ? Optional.empty() : Optional.ofNullable(pushedRequests.remove(requestUri));
    }

    // ---- granted scopes per (client, subject)

    @Override
    public void recordGrant(long clientId, String subject, List<String> scopes, Instant now) {
        grantedScopes.merge(GrantedScopes.key(clientId, subject),
                new GrantedScopes(clientId, subject, List.copyOf(scopes), List.copyOf(scopes), now),
                (old, fresh) -> old.plus(scopes, now));
    }

    @Override
    public Optional<GrantedScopes> grantedScopes(long clientId, String subject) {
        return Optional.ofNullable(grantedScopes.get(GrantedScopes.key(clientId, subject)));
    }

    @Override
    public void forgetGrantedScopes(long clientId, String subject) {
        grantedScopes.values().removeIf(g -> g.clientId() == clientId && (subject == null || subject.equals(g.subject())));
    }

    // ---- Grant Management

    @Override
    public Optional<ManagedGrant> grant(String grantId) {
        return grantId == null ? Optional.empty() : Optional.ofNullable(grants.get(grantId));
    }

    /**
     * Replaces the grant under {@code grantId} (null when there is none yet) by what {@code change} makes of it,
     * and runs {@code then} with the new grant (minting its tokens) under the same lock, so that a concurrent
     * {@link #revokeGrant} sees the grant and its tokens together or neither. Empty, changing nothing, when
     * {@code change} refuses.
     */
    @Override
    public <T> Optional<T> changeGrant(String grantId, Function<ManagedGrant, Optional<ManagedGrant>> change,
                                       Function<ManagedGrant, T> then) {
        AtomicReference<T> result = new AtomicReference<>();
        grants.compute(grantId, (id, current) -> {
            Optional<ManagedGrant> changed = change.apply(current);
            changed.ifPresent(g -> result.set(then.apply(g)));
            return changed.orElse(current);
        });
        return Optional.ofNullable(result.get());
    }

    @Override
    public boolean revokeGrant(String grantId) {
        AtomicBoolean revoked = new AtomicBoolean();
        if (grantId != null) {
            grants.computeIfPresent(grantId, (id, grant) -> {
                removeTokens(t -> id.equals(t.grant().grantId()));
                revoked.set(true);
                return null;
            });
        }
        return revoked.get();
    }

    // ---- token creation batches

    @Override
    public void putTokenBatch(TokenBatch batch) {
        tokenBatches.put(batch.requestId(), batch);
    }

    @Override
    public Optional<TokenBatch> tokenBatch(String requestId) {
        return requestId == null ? Optional.empty() : Optional.ofNullable(tokenBatches.get(requestId));
    }

    // ---- DPoP proof replay (RFC 9449 11.1)

    @Override
    public boolean firstUseOfDpopProof(String jwkThumbprint, String jti, Instant forgetAt) {
        return dpopProofsSeen.putIfAbsent(jwkThumbprint + " " + jti, forgetAt) == null;
    }

    // ---- token tickets (password grant)

    @Override
    public void putTokenTicket(TokenTicket ticket) {
        tokenTickets.put(ticket.ticket(), ticket);
    }

    @Override
    public Optional<TokenTicket> consumeTokenTicket(String ticket) {
        return ticket == null ? Optional.empty() : Optional.ofNullable(tokenTickets.remove(ticket));
    }

    // ---- device flow (RFC 8628)

    @Override
    public boolean putDeviceAuthorization(DeviceAuthorization authorization) {
        deviceAuthorizations.put(authorization.deviceCode(), authorization);
        if (userCodes.putIfAbsent(authorization.userCode(), authorization.deviceCode()) != null) {
            deviceAuthorizations.remove(authorization.deviceCode(), authorization);
            return false;
        }
        return true;
    }

    @Override
    public Optional<DeviceAuthorization> deviceAuthorization(String deviceCode) {
        return deviceCode == null ? Optional.empty() : Optional.ofNullable(deviceAuthorizations.get(deviceCode));
    }

    @Override
    public Optional<DeviceAuthorization> deviceAuthorizationByUserCode(String userCode) {
        String deviceCode = userCode == null ? null : userCodes.get(userCode);
        return deviceCode == null ? Optional.empty() : Optional.ofNullable(deviceAuthorizations.get(deviceCode));
    }

    @Override
    public Optional<DeviceAuthorization> decideDeviceAuthorization(String userCode, EndUserDecision decision) {
        String deviceCode = userCode == null ? null : userCodes.remove(userCode);
        return deviceCode == null ? Optional.empty()
                : Optional.ofNullable(deviceAuthorizations.computeIfPresent(deviceCode, (k, d) -> d.decided(decision)));
    }

    @Override
    public boolean replaceDeviceAuthorization(DeviceAuthorization current, DeviceAuthorization updated) {
        return deviceAuthorizations.replace(current.deviceCode(), current, updated);
    }

    @Override
    public boolean consumeDeviceAuthorization(DeviceAuthorization authorization) {
        if (!deviceAuthorizations.remove(authorization.deviceCode(), authorization)) {
            return false;
        }
        userCodes.remove(authorization.userCode(), authorization.deviceCode());
        return true;
    }

    // ---- CIBA backchannel authentication requests

    @Override
    public void putBackchannelRequest(BackchannelRequest request) {
        backchannelRequests.put(request.ticket(), request);
    }

    @Override
    public Optional<BackchannelRequest> backchannelRequest(String ticket) {
        return ticket == null ? Optional.empty() : Optional.ofNullable(backchannelRequests.get(ticket));
    }

    @Override
    public Optional<BackchannelRequest> backchannelRequestByAuthReqId(String authReqId) {
        String ticket = authReqId == null ? null : authReqIds.get(authReqId);
        return ticket == null ? Optional.empty() : Optional.ofNullable(backchannelRequests.get(ticket));
    }

    @Override
    public boolean replaceBackchannelRequest(BackchannelRequest current, BackchannelRequest updated) {
        if (!backchannelRequests.replace(current.ticket(), current, updated)) {
            return false;
        }
        if (updated.authReqId() != null) {
            authReqIds.put(updated.authReqId(), updated.ticket());
        }
        return true;
    }

    @Override
    public boolean consumeBackchannelRequest(BackchannelRequest request) {
        if (!backchannelRequests.remove(request.ticket(), request)) {
            return false;
        }
        if (request.authReqId() != null) {
            authReqIds.remove(request.authReqId(), request.ticket());
        }
        return true;
    }

    @Override
    public Optional<BackchannelRequest> removeBackchannelRequest(String ticket) {
        BackchannelRequest removed = ticket == null ? null : backchannelRequests.remove(ticket);
        if (removed != null && removed.authReqId() != null) {
            authReqIds.remove(removed.authReqId(), removed.ticket());
        }
        return Optional.ofNullable(removed);
    }

    // ---- housekeeping

    @Override
    public void sweep(Instant now) {
        tickets.values().removeIf(t -> t.isExpired(now));
        codes.values().removeIf(c -> c.isExpired(now));
        tokenTickets.values().removeIf(t -> t.isExpired(now));
        deviceAuthorizations.values().removeIf(d -> d.isExpired(now));
        backchannelRequests.values().removeIf(b -> b.isExpired(now));
        dropOrphanedIndexes();
        pushedRequests.values().removeIf(p -> p.isExpired(now));
        dpopProofsSeen.values().removeIf(forgetAt -> !now.isBefore(forgetAt));
        removeTokens(t -> t.accessTokenExpired(now) && !t.refreshTokenUsable(now));
    }

    /** Index entries whose device authorization or backchannel request is gone. */
    private void dropOrphanedIndexes() {
        userCodes.entrySet().removeIf(e -> !deviceAuthorizations.containsKey(e.getValue()));
        authReqIds.entrySet().removeIf(e -> !backchannelRequests.containsKey(e.getValue()));
    }

    // ---- export and restore (state documents, persistence)

    @Override
    public Snapshot snapshot(Instant now) {
        List<TokenRecord> live = accessTokens.values().stream()
                .filter(t -> !t.accessTokenExpired(now) || t.refreshTokenUsable(now)).toList();
        return new Snapshot(clients(),
                tickets.values().stream().filter(t -> !t.isExpired(now)).toList(),
                codes.values().stream().filter(c -> !c.isExpired(now)).toList(),
                live,
                tokenTickets.values().stream().filter(t -> !t.isExpired(now)).toList(),
                deviceAuthorizations.values().stream().filter(d -> !d.isExpired(now)).toList(),
                backchannelRequests.values().stream().filter(b -> !b.isExpired(now)).toList(),
                pushedRequests.values().stream().filter(p -> !p.isExpired(now)).toList(),
                List.copyOf(grantedScopes.values()),
                List.copyOf(grants.values()));
    }

    /** A new service holding what {@link #snapshot} gave, its lookup indexes rebuilt. */
    static InMemoryServiceState restore(ServiceConfig config, Snapshot snapshot) {
        InMemoryServiceState state = new InMemoryServiceState(config);
        snapshot.clients().forEach(state::putClient);
        snapshot.tickets().forEach(state::putTicket);
        snapshot.codes().forEach(state::putCode);
        snapshot.tokens().forEach(state::putToken);
        snapshot.tokenTickets().forEach(state::putTokenTicket);
        for (DeviceAuthorization d : snapshot.deviceAuthorizations()) {
            state.deviceAuthorizations.put(d.deviceCode(), d);
            // a user code stands for its request only until the end-user's decision
            if (d.pending()) {
                state.userCodes.put(d.userCode(), d.deviceCode());
            }
        }
        for (BackchannelRequest b : snapshot.backchannelRequests()) {
            state.backchannelRequests.put(b.ticket(), b);
            if (b.authReqId() != null) {
                state.authReqIds.put(b.authReqId(), b.ticket());
            }
        }
        snapshot.pushedRequests().forEach(state::putPushedRequest);
        snapshot.grantedScopes().forEach(g -> state.grantedScopes.put(GrantedScopes.key(g.clientId(), g.subject()), g));
        snapshot.grants().forEach(g -> state.grants.put(g.grantId(), g));
        return state;
    }

    @Override
    public StoreCounts counts() {
        return new StoreCounts(clients.size(), tickets.size(), codes.size(), accessTokens.size(), refreshTokens.size());
    }
}
