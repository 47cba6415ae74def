package io.github.authletetestkit.mock.internal.store.redis;

import io.github.authletetestkit.mock.internal.grants.ManagedGrant;
import io.github.authletetestkit.mock.internal.hsk.HardwareKeys;
import io.github.authletetestkit.mock.internal.store.AuthorizationCode;
import io.github.authletetestkit.mock.internal.store.AuthorizationTicket;
import io.github.authletetestkit.mock.internal.store.BackchannelRequest;
import io.github.authletetestkit.mock.internal.store.DeviceAuthorization;
import io.github.authletetestkit.mock.internal.store.EndUserDecision;
import io.github.authletetestkit.mock.internal.store.GrantedScopes;
import io.github.authletetestkit.mock.internal.store.PushedRequest;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenBatch;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.internal.store.TokenStore;
import io.github.authletetestkit.mock.internal.store.TokenTicket;
import io.github.authletetestkit.mock.internal.vci.VciState;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import redis.clients.jedis.params.SetParams;

/**
 * One service's state in Redis, shared by every mock process of the deployment. Each verb is atomic in Redis:
 * single-use records are taken with one script, compare-and-replace compares the record's JSON text with what
 * Redis holds. Lookup indexes (refresh token, user code, {@code auth_req_id}) point at a record's ID and are
 * checked against the record when read, so a stale index entry finds nothing. Keys carry the service ID as
 * their hash tag.
 *
 * <p>HSM keys ({@code /hsk}) and credential issuance state ({@code /vci}) stay in each process.
 */
final class RedisServiceState implements ServiceState {

    private final RedisConnection redis;
    private final long serviceId;
    private final String prefix;
    private final Supplier<Instant> now;
    private final RedisTable<ClientRecord> clients;
    private final RedisTable<AuthorizationTicket> tickets;
    private final RedisTable<AuthorizationCode> codes;
    private final RedisTable<TokenRecord> tokens;
    private final RedisTable<TokenTicket> tokenTickets;
    private final RedisTable<DeviceAuthorization> devices;
    private final RedisTable<BackchannelRequest> backchannel;
    private final RedisTable<PushedRequest> pushed;
    private final RedisTable<GrantedScopes> grantedScopes;
    private final RedisTable<ManagedGrant> grants;
    private final RedisTable<TokenBatch> batches;
    private final HardwareKeys hardwareKeys = new HardwareKeys();
    private final VciState credentialIssuance = new VciState();
    /** The configuration last read and its version in Redis, so that an unchanged configuration is not read again. */
    private final AtomicReference<CachedConfig> cachedConfig = new AtomicReference<>();

    private record CachedConfig(String version, String text, ServiceConfig config) {}

    /** A client as Redis holds it: Authlete's client JSON. */
    record ClientRecord(String json) {
        static ClientRecord of(ClientConfig client) {
            return new ClientRecord(client.toJson().toString());
        }

        ClientConfig client() {
            return new ClientConfig(RecordCodec.readObject(json));
        }
    }

    RedisServiceState(RedisConnection redis, long serviceId, Supplier<Instant> now) {
        this.redis = redis;
        this.serviceId = serviceId;
        this.prefix = redis.key("{" + serviceId + "}:");
        this.now = now;
        this.clients = table("client", ClientRecord.class, null);
        this.tickets = table("ticket", AuthorizationTicket.class, AuthorizationTicket::expiresAt);
        this.codes = table("code", AuthorizationCode.class, AuthorizationCode::expiresAt);
        this.tokens = table("token", TokenRecord.class, RedisServiceState::lastUse);
        this.tokenTickets = table("token-ticket", TokenTicket.class, TokenTicket::expiresAt);
        this.devices = table("device", DeviceAuthorization.class, DeviceAuthorization::expiresAt);
        this.backchannel = table("ciba", BackchannelRequest.class, BackchannelRequest::expiresAt);
        this.pushed = table("par", PushedRequest.class, PushedRequest::expiresAt);
        this.grantedScopes = table("granted", GrantedScopes.class, null);
        this.grants = table("grant", ManagedGrant.class, null);
        this.batches = table("batch", TokenBatch.class, b -> b.createdAt().plus(Duration.ofDays(1)));
    }

    private <V> RedisTable<V> table(String kind, Class<V> type, Function<V, Instant> expiry) {
        return new RedisTable<>(redis, prefix, kind, type, expiry, now);
    }

    /** When Redis may forget a token pair: once neither token can be used. */
    private static Instant lastUse(TokenRecord t) {
        return t.refreshToken() == null || t.refreshTokenExpiresAt() == null || t.refreshTokenExpiresAt().isBefore(t.accessTokenExpiresAt())
                ? t.accessTokenExpiresAt() : t.refreshTokenExpiresAt();
    }

    /** The keys of this service's configuration. */
    private String configKey() {
        return prefix + "config";
    }

    private String configVersionKey() {
        return prefix + "config-version";
    }

    /** Writes the configuration and bumps its version (a new service, or a seed). */
    void writeConfig(ServiceConfig config) {
        String text = config.toJson().toString();
        while (!swapConfig(readConfigText(), text)) {
            Thread.onSpinWait();
        }
    }

    private String readConfigText() {
        String text = redis.redis().get(configKey());
        return text == null ? "" : text;
    }

    private boolean swapConfig(String expectedText, String text) {
        return redis.runForNumber(Scripts.SWAP_VERSIONED, List.of(configKey(), configVersionKey()), List.of(expectedText, text)) == 1;
    }

    /** Deletes every key of this service. */
    void deleteAll() {
        redis.deleteMatching(prefix);
    }

    /** Milliseconds an index entry lives: as long as the record it points at ({@link RedisTable#keepMillis}). */
    private long indexTtl(Instant until) {
        long millis = RedisTable.keepMillis(now.get(), until);
        return millis < 0 ? Long.MAX_VALUE / 2 : millis;
    }

    // ---- configuration

    @Override
    public long serviceId() {
        return serviceId;
    }

    @Override
    public ServiceConfig config() {
        String version = redis.redis().get(configVersionKey());
        CachedConfig cached = cachedConfig.get();
        if (cached != null && cached.version().equals(version)) {
            return cached.config();
        }
        List<String> both = redis.redis().mget(configVersionKey(), configKey());
        if (both.get(1) == null) {
            throw new IllegalStateException("service " + serviceId + " has no configuration in Redis (deleted by another replica?)");
        }
        ServiceConfig config = new ServiceConfig(RecordCodec.readObject(both.get(1)));
        cachedConfig.set(new CachedConfig(both.get(0) == null ? "" : both.get(0), both.get(1), config));
        return config;
    }

    @Override
    public boolean replaceConfig(ServiceConfig current, ServiceConfig updated) {
        return swapConfig(current.toJson().toString(), updated.toJson().toString());
    }

    @Override
    public void updateConfig(ServiceConfig newConfig) {
        writeConfig(newConfig);
    }

    // ---- clients

    @Override
    public void putClient(ClientConfig client) {
        clients.put(Long.toString(client.clientId()), ClientRecord.of(client));
    }

    @Override
    public boolean replaceClient(ClientConfig current, ClientConfig updated) {
        return current.clientId() == updated.clientId()
                && clients.replaceExact(Long.toString(current.clientId()), ClientRecord.of(current), ClientRecord.of(updated));
    }

    @Override
    public Optional<ClientConfig> client(long clientId) {
        return clients.get(Long.toString(clientId)).map(ClientRecord::client);
    }

    @Override
    public List<ClientConfig> clients() {
        return clients.all().stream().map(ClientRecord::client).sorted(Comparator.comparingLong(ClientConfig::clientId)).toList();
    }

    @Override
    public boolean removeClient(long clientId) {
        if (clients.take(Long.toString(clientId)).isEmpty()) {
            return false;
        }
        tickets.removeAll(AuthorizationTicket::ticket, t -> t.clientId() == clientId);
        codes.removeAll(AuthorizationCode::code, c -> c.grant().clientId() == clientId);
        removeTokens(t -> t.clientId() == clientId);
        tokenTickets.removeAll(TokenTicket::ticket, t -> t.grant().clientId() == clientId);
        devices.removeAll(DeviceAuthorization::deviceCode, d -> d.clientId() == clientId);
        backchannel.removeAll(BackchannelRequest::ticket, b -> b.clientId() == clientId);
        pushed.removeAll(PushedRequest::requestUri, p -> p.clientId() == clientId);
        forgetGrantedScopes(clientId, null);
        grants.removeAll(ManagedGrant::grantId, g -> g.clientId() == clientId);
        return true;
    }

    // ---- authorization tickets, pushed requests, token tickets

    @Override
    public void putTicket(AuthorizationTicket ticket) {
        tickets.put(ticket.ticket(), ticket);
    }

    @Override
    public Optional<AuthorizationTicket> ticket(String ticket) {
        return tickets.get(ticket);
    }

    @Override
    public Optional<AuthorizationTicket> consumeTicket(String ticket) {
        return tickets.take(ticket);
    }

    @Override
    public void replaceTicket(AuthorizationTicket updated) {
        tickets.replacePresent(updated.ticket(), updated);
    }

    @Override
    public void putPushedRequest(PushedRequest request) {
        pushed.put(request.requestUri(), request);
    }

    @Override
    public Optional<PushedRequest> consumePushedRequest(String requestUri) {
        return pushed.take(requestUri);
    }

    @Override
    public void putTokenTicket(TokenTicket ticket) {
        tokenTickets.put(ticket.ticket(), ticket);
    }

    @Override
    public Optional<TokenTicket> consumeTokenTicket(String ticket) {
        return tokenTickets.take(ticket);
    }

    // ---- codes

    @Override
    public void putCode(AuthorizationCode code) {
        codes.put(code.code(), code);
    }

    @Override
    public Optional<AuthorizationCode> code(String code) {
        return codes.get(code);
    }

    @Override
    public boolean consumeCode(AuthorizationCode code) {
        return codes.removeExact(code.code(), code);
    }

    // ---- tokens: a pair under its access token; "refresh:<token>" points at it

    private String refreshKey(String refreshToken) {
        return prefix + "refresh:" + refreshToken;
    }

    private void indexRefreshToken(TokenRecord token) {
        if (token.refreshToken() != null) {
            redis.redis().psetex(refreshKey(token.refreshToken()), indexTtl(lastUse(token)), token.accessToken());
        }
    }

    private void dropRefreshIndex(TokenRecord token) {
        if (token.refreshToken() != null) {
            redis.run(Scripts.DELETE_IF_EQUAL, List.of(refreshKey(token.refreshToken())), List.of(token.accessToken()));
        }
    }

    @Override
    public void putToken(TokenRecord token) {
        tokens.put(token.accessToken(), token);
        indexRefreshToken(token);
    }

    @Override
    public Optional<TokenRecord> byAccessToken(String accessToken) {
        return tokens.get(accessToken);
    }

    @Override
    public Optional<TokenRecord> byRefreshToken(String refreshToken) {
        if (refreshToken == null) {
            return Optional.empty();
        }
        String accessToken = redis.redis().get(refreshKey(refreshToken));
        return tokens.get(accessToken).filter(pair -> refreshToken.equals(pair.refreshToken()));
    }

    @Override
    public boolean removeIf(String accessToken, Predicate<TokenRecord> which) {
        while (true) {
            Optional<TokenRecord> current = tokens.get(accessToken);
            if (current.isEmpty() || !which.test(current.get())) {
                return false;
            }
            if (tokens.removeExact(accessToken, current.get())) {
                dropRefreshIndex(current.get());
                return true;
            }
        }
    }

    @Override
    public boolean replaceToken(TokenRecord current, TokenRecord updated) {
        TokenStore.requireSameAccessToken(current, updated);
        if (!tokens.replaceExact(current.accessToken(), current, updated)) {
            return false;
        }
        if (!Objects.equals(current.refreshToken(), updated.refreshToken())) {
            dropRefreshIndex(current);
        }
        indexRefreshToken(updated);
        return true;
    }

    @Override
    public List<TokenRecord> tokens() {
        return tokens.all();
    }

    @Override
    public void putTokenBatch(TokenBatch batch) {
        batches.put(batch.requestId(), batch);
    }

    @Override
    public Optional<TokenBatch> tokenBatch(String requestId) {
        return batches.get(requestId);
    }

    @Override
    public boolean firstUseOfDpopProof(String jwkThumbprint, String jti, Instant forgetAt) {
        return "OK".equals(redis.redis().set(prefix + "dpop:" + jwkThumbprint + " " + jti, "1", new SetParams().nx().px(indexTtl(forgetAt))));
    }

    // ---- granted scopes and managed grants

    @Override
    public void recordGrant(long clientId, String subject, List<String> scopes, Instant at) {
        String id = GrantedScopes.key(clientId, subject);
        while (true) {
            Optional<GrantedScopes> current = grantedScopes.get(id);
            boolean stored = current.isEmpty()
                    ? grantedScopes.putIfAbsent(id, new GrantedScopes(clientId, subject, List.copyOf(scopes), List.copyOf(scopes), at))
                    : grantedScopes.replaceExact(id, current.get(), current.get().plus(scopes, at));
            if (stored) {
                return;
            }
        }
    }

    @Override
    public Optional<GrantedScopes> grantedScopes(long clientId, String subject) {
        return grantedScopes.get(GrantedScopes.key(clientId, subject));
    }

    @Override
    public void forgetGrantedScopes(long clientId, String subject) {
        grantedScopes.removeAll(g -> GrantedScopes.key(g.clientId(), g.subject()),
                g -> g.clientId() == clientId && (subject == null || subject.equals(g.subject())));
    }

    @Override
    public Optional<ManagedGrant> grant(String grantId) {
        return grants.get(grantId);
    }

    /**
     * Compare-and-replaces the grant, then runs {@code then}; when a concurrent {@link #revokeGrant} took the grant
     * meanwhile, the tokens {@code then} minted go with it, so revocation leaves neither grant nor tokens.
     */
    @Override
    public <T> Optional<T> changeGrant(String grantId, Function<ManagedGrant, Optional<ManagedGrant>> change,
                                       Function<ManagedGrant, T> then) {
        while (true) {
            ManagedGrant current = grants.get(grantId).orElse(null);
            Optional<ManagedGrant> changed = change.apply(current);
            if (changed.isEmpty()) {
                return Optional.empty();
            }
            boolean stored = current == null ? grants.putIfAbsent(grantId, changed.get())
                    : grants.replaceExact(grantId, current, changed.get());
            if (stored) {
                T result = then.apply(changed.get());
                if (grants.get(grantId).isEmpty()) {
                    removeTokens(t -> grantId.equals(t.grant().grantId()));
                }
                return Optional.ofNullable(result);
            }
        }
    }

    @Override
    public boolean revokeGrant(String grantId) {
        if (grants.take(grantId).isEmpty()) {
            return false;
        }
        removeTokens(t -> grantId.equals(t.grant().grantId()));
        return true;
    }

    // ---- device flow: "user-code:<code>" points at the device code while the decision is awaited

    private String userCodeKey(String userCode) {
        return prefix + "user-code:" + userCode;
    }

    @Override
    public boolean putDeviceAuthorization(DeviceAuthorization authorization) {
        if (!"OK".equals(redis.redis().set(userCodeKey(authorization.userCode()), authorization.deviceCode(),
                new SetParams().nx().px(indexTtl(authorization.expiresAt()))))) {
            return false;
        }
        devices.put(authorization.deviceCode(), authorization);
        return true;
    }

    @Override
    public Optional<DeviceAuthorization> deviceAuthorization(String deviceCode) {
        return devices.get(deviceCode);
    }

    @Override
    public Optional<DeviceAuthorization> deviceAuthorizationByUserCode(String userCode) {
        String deviceCode = userCode == null ? null : redis.redis().get(userCodeKey(userCode));
        return devices.get(deviceCode).filter(d -> d.userCode().equals(userCode));
    }

    @Override
    public Optional<DeviceAuthorization> decideDeviceAuthorization(String userCode, EndUserDecision decision) {
        String deviceCode = userCode == null ? null : redis.redis().getDel(userCodeKey(userCode));
        if (deviceCode == null) {
            return Optional.empty();
        }
        while (true) {
            Optional<DeviceAuthorization> current = devices.get(deviceCode);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            DeviceAuthorization decided = current.get().decided(decision);
            if (devices.replaceExact(deviceCode, current.get(), decided)) {
                return Optional.of(decided);
            }
        }
    }

    @Override
    public boolean replaceDeviceAuthorization(DeviceAuthorization current, DeviceAuthorization updated) {
        return devices.replaceExact(current.deviceCode(), current, updated);
    }

    @Override
    public boolean consumeDeviceAuthorization(DeviceAuthorization authorization) {
        if (!devices.removeExact(authorization.deviceCode(), authorization)) {
            return false;
        }
        redis.run(Scripts.DELETE_IF_EQUAL, List.of(userCodeKey(authorization.userCode())), List.of(authorization.deviceCode()));
        return true;
    }

    // ---- CIBA: "auth-req-id:<id>" points at the ticket once issued

    private String authReqIdKey(String authReqId) {
        return prefix + "auth-req-id:" + authReqId;
    }

    @Override
    public void putBackchannelRequest(BackchannelRequest request) {
        backchannel.put(request.ticket(), request);
    }

    @Override
    public Optional<BackchannelRequest> backchannelRequest(String ticket) {
        return backchannel.get(ticket);
    }

    @Override
    public Optional<BackchannelRequest> backchannelRequestByAuthReqId(String authReqId) {
        String ticket = authReqId == null ? null : redis.redis().get(authReqIdKey(authReqId));
        return backchannel.get(ticket).filter(b -> authReqId.equals(b.authReqId()));
    }

    @Override
    public boolean replaceBackchannelRequest(BackchannelRequest current, BackchannelRequest updated) {
        if (!backchannel.replaceExact(current.ticket(), current, updated)) {
            return false;
        }
        if (updated.authReqId() != null) {
            redis.redis().psetex(authReqIdKey(updated.authReqId()), indexTtl(updated.expiresAt()), updated.ticket());
        }
        return true;
    }

    @Override
    public boolean consumeBackchannelRequest(BackchannelRequest request) {
        if (!backchannel.removeExact(request.ticket(), request)) {
            return false;
        }
        dropAuthReqId(request);
        return true;
    }

    @Override
    public Optional<BackchannelRequest> removeBackchannelRequest(String ticket) {
        Optional<BackchannelRequest> removed = backchannel.take(ticket);
        removed.ifPresent(this::dropAuthReqId);
        return removed;
    }

    private void dropAuthReqId(BackchannelRequest request) {
        if (request.authReqId() != null) {
            redis.run(Scripts.DELETE_IF_EQUAL, List.of(authReqIdKey(request.authReqId())), List.of(request.ticket()));
        }
    }

    // ---- per process

    @Override
    public HardwareKeys hardwareKeys() {
        return hardwareKeys;
    }

    @Override
    public VciState credentialIssuance() {
        return credentialIssuance;
    }

    // ---- housekeeping, export

    /** Redis forgets records by their TTLs; this drops what the mock clock (which may run ahead) says expired. */
    @Override
    public void sweep(Instant at) {
        tickets.removeAll(AuthorizationTicket::ticket, t -> t.isExpired(at));
        codes.removeAll(AuthorizationCode::code, c -> c.isExpired(at));
        tokenTickets.removeAll(TokenTicket::ticket, t -> t.isExpired(at));
        devices.removeAll(DeviceAuthorization::deviceCode, d -> d.isExpired(at));
        backchannel.removeAll(BackchannelRequest::ticket, b -> b.isExpired(at));
        pushed.removeAll(PushedRequest::requestUri, p -> p.isExpired(at));
        removeTokens(t -> t.accessTokenExpired(at) && !t.refreshTokenUsable(at));
    }

    @Override
    public Snapshot snapshot(Instant at) {
        return new Snapshot(clients(),
                tickets.all().stream().filter(t -> !t.isExpired(at)).toList(),
                codes.all().stream().filter(c -> !c.isExpired(at)).toList(),
                tokens.all().stream().filter(t -> !t.accessTokenExpired(at) || t.refreshTokenUsable(at)).toList(),
                tokenTickets.all().stream().filter(t -> !t.isExpired(at)).toList(),
                devices.all().stream().filter(d -> !d.isExpired(at)).toList(),
                backchannel.all().stream().filter(b -> !b.isExpired(at)).toList(),
                pushed.all().stream().filter(p -> !p.isExpired(at)).toList(),
                grantedScopes.all(),
                grants.all());
    }

    /** Copies a service's entries in (a seed or a state file), with their lookup indexes. */
    void load(Snapshot snapshot) {
        snapshot.clients().forEach(this::putClient);
        snapshot.tickets().forEach(this::putTicket);
        snapshot.codes().forEach(this::putCode);
        snapshot.tokens().forEach(this::putToken);
        snapshot.tokenTickets().forEach(this::putTokenTicket);
        for (DeviceAuthorization d : snapshot.deviceAuthorizations()) {
            devices.put(d.deviceCode(), d);
            // a user code stands for its request only until the end-user's decision
            if (d.pending()) {
                redis.redis().psetex(userCodeKey(d.userCode()), indexTtl(d.expiresAt()), d.deviceCode());
            }
        }
        for (BackchannelRequest b : snapshot.backchannelRequests()) {
            backchannel.put(b.ticket(), b);
            if (b.authReqId() != null) {
                redis.redis().psetex(authReqIdKey(b.authReqId()), indexTtl(b.expiresAt()), b.ticket());
            }
        }
        snapshot.pushedRequests().forEach(this::putPushedRequest);
        snapshot.grantedScopes().forEach(g -> grantedScopes.put(GrantedScopes.key(g.clientId(), g.subject()), g));
        snapshot.grants().forEach(g -> grants.put(g.grantId(), g));
    }

    @Override
    public StoreCounts counts() {
        List<TokenRecord> pairs = tokens.all();
        return new StoreCounts(clients.all().size(), tickets.all().size(), codes.all().size(), pairs.size(),
                (int) pairs.stream().filter(t -> t.refreshToken() != null).count());
    }
}
