package io.github.authletetestkit.mock.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.internal.grants.ManagedGrant;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ServiceState} implementation must do, verb by verb: single-use values are taken by exactly one
 * of many racing callers, compare-and-replace loses to a concurrent change, a change racing a removal never brings
 * the record back, lookup indexes follow their records, and a grant goes atomically with its tokens. Run against
 * the in-memory store and against Redis.
 */
public abstract class ServiceStateContract {

    protected static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    protected ServiceState state;

    /** A new, empty service of the implementation under test, whose clock stands at {@link #NOW}. */
    protected abstract ServiceState newState(ServiceConfig config);

    @BeforeEach
    void newService() {
        state = newState(new ServiceConfig(Json.object().put("apiKey", 1L).put("serviceName", "contract")));
    }

    private static final Grant GRANT = Grant.forClient(1, List.of("read"), "AUTHORIZATION_CODE");

    private static ClientConfig client(long id, String alias) {
        return new ClientConfig(Json.object().put("clientId", id).put("clientIdAlias", alias).put("clientName", "c" + id));
    }

    private static TokenRecord pair(String accessToken, String refreshToken) {
        return new TokenRecord(accessToken, NOW.plusSeconds(60), refreshToken, refreshToken == null ? null : NOW.plusSeconds(120), GRANT,
                null, NOW, null);
    }

    private static AuthorizationTicket ticket(String id, long clientId) {
        return new AuthorizationTicket(id, clientId, false, "https://c/cb", true, "code", ResponseMode.QUERY, List.of("read"),
                null, null, null, null, 0, null, null, NOW.plusSeconds(60), null);
    }

    private static DeviceAuthorization device(String deviceCode, String userCode) {
        return new DeviceAuthorization(deviceCode, userCode, 1, false, List.of("read"), List.of(), NOW.plusSeconds(600), 5, null, null, null);
    }

    private static BackchannelRequest backchannel(String ticket) {
        return new BackchannelRequest(ticket, 1, false, List.of("read"), List.of(), "POLL", null, "login_hint", "alice", null, null, null,
                0, null, NOW.plusSeconds(600), 5, null, null, null);
    }

    private static EndUserDecision authorized() {
        return new EndUserDecision(EndUserDecision.Result.AUTHORIZED, GRANT, null, null, 0, 0, null);
    }

    // ---- configuration

    @Test
    void configurationChangesAreAtomicCompareAndReplace() throws Exception {
        ServiceConfig first = state.config();
        assertThat(first.serviceName()).isEqualTo("contract");

        race(() -> {
            state.changeConfig(c -> new ServiceConfig(c.toJson().put("accessTokenDuration", c.accessTokenDuration() + 1)));
            return true;
        });

        assertThat(state.config().accessTokenDuration()).isEqualTo(first.accessTokenDuration() + 8);
        assertThat(state.replaceConfig(first, new ServiceConfig(first.toJson().put("serviceName", "stale")))).isFalse();
        assertThat(state.config().serviceName()).isEqualTo("contract");
    }

    // ---- clients

    @Test
    void clientsAreFoundByIdOrAliasAndListedInOrder() {
        state.putClient(client(2, "two"));
        state.putClient(client(1, "one"));

        assertThat(state.findClient("2")).map(ClientConfig::clientName).contains("c2");
        assertThat(state.findClient("one")).map(ClientConfig::clientId).contains(1L);
        assertThat(state.findClient("nobody")).isEmpty();
        assertThat(state.findClient("")).isEmpty();
        assertThat(state.clients()).extracting(ClientConfig::clientId).containsExactly(1L, 2L);
        assertThat(state.aliasTaken("one", 2)).isTrue();
        assertThat(state.aliasTaken("one", 1)).isFalse();
    }

    @Test
    void aClientUpdateLosesToAConcurrentChangeAndNeverResurrectsADeletedClient() {
        ClientConfig original = client(1, "one");
        state.putClient(original);
        assertThat(state.updateClient(1, c -> new ClientConfig(c.toJson().put("clientName", "renamed")))).isPresent();

        assertThat(state.replaceClient(original, client(1, "stale"))).isFalse();
        assertThat(state.removeClient(1)).isTrue();
        assertThat(state.removeClient(1)).isFalse();
        assertThat(state.updateClient(1, c -> c)).isEmpty();
        assertThat(state.client(1)).isEmpty();
    }

    @Test
    void clientUpdatesRacingItsDeletionNeverBringItBack() throws Exception {
        for (int round = 0; round < 20; round++) {
            state.putClient(client(1, "one"));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> update = pool.submit(() -> state.updateClient(1, c -> new ClientConfig(c.toJson().put("clientName", "x"))));
                Future<Boolean> delete = pool.submit(() -> state.removeClient(1));
                update.get(10, TimeUnit.SECONDS);
                assertThat(delete.get(10, TimeUnit.SECONDS)).isTrue();
            } finally {
                pool.shutdownNow();
            }
            assertThat(state.client(1)).as("round " + round).isEmpty();
        }
    }

    @Test
    void removingAClientTakesEverythingIssuedToIt() {
        state.putClient(client(1, "one"));
        state.putClient(client(2, "two"));
        state.putTicket(ticket("t1", 1));
        state.putTicket(ticket("t2", 2));
        state.putCode(new AuthorizationCode("c1", null, GRANT, NOW.plusSeconds(60)));
        state.putToken(pair("a1", "r1"));
        state.putPushedRequest(new PushedRequest("urn:1", 1, "x=y", NOW.plusSeconds(60)));
        state.recordGrant(1, "alice", List.of("read"), NOW);
        state.changeGrant("mine", current -> Optional.of(grant("mine", 1, List.of())), g -> g);
        state.changeGrant("theirs", current -> Optional.of(grant("theirs", 2, List.of())), g -> g);

        state.removeClient(1);

        assertThat(state.ticket("t1")).isEmpty();
        assertThat(state.ticket("t2")).isPresent();
        assertThat(state.code("c1")).isEmpty();
        assertThat(state.byAccessToken("a1")).isEmpty();
        assertThat(state.byRefreshToken("r1")).isEmpty();
        assertThat(state.consumePushedRequest("urn:1")).isEmpty();
        assertThat(state.grantedScopes(1, "alice")).isEmpty();
        assertThat(state.grant("mine")).isEmpty();
        assertThat(state.grant("theirs")).isPresent();
    }

    // ---- tickets, pushed requests, token tickets, codes

    @Test
    void oneTicketIsConsumedOnceAmongEightThreads() throws Exception {
        state.putTicket(ticket("t", 1));

        assertThat(race(() -> state.consumeTicket("t").isPresent())).isEqualTo(1);
        assertThat(state.consumeTicket(null)).isEmpty();
    }

    @Test
    void aReplacedTicketKeepsItsPlaceButAConsumedOneStaysConsumed() {
        state.putTicket(ticket("t", 1));
        state.replaceTicket(ticket("t", 1).withContext("ctx"));
        assertThat(state.ticket("t")).map(AuthorizationTicket::context).contains("ctx");

        state.consumeTicket("t");
        state.replaceTicket(ticket("t", 1).withContext("again"));
        assertThat(state.ticket("t")).isEmpty();
    }

    @Test
    void pushedRequestsAndTokenTicketsAreGoodForOneUse() throws Exception {
        state.putPushedRequest(new PushedRequest("urn:x", 1, "a=b", NOW.plusSeconds(60)));
        state.putTokenTicket(new TokenTicket("tt", GRANT, "alice", NOW.plusSeconds(60)));

        assertThat(race(() -> state.consumePushedRequest("urn:x").isPresent())).isEqualTo(1);
        assertThat(race(() -> state.consumeTokenTicket("tt").isPresent())).isEqualTo(1);
    }

    @Test
    void oneCodeIsConsumedOnceAmongEightThreads() throws Exception {
        AuthorizationCode code = new AuthorizationCode("c", null, GRANT, NOW.plusSeconds(60));
        state.putCode(code);

        assertThat(state.code("c")).contains(code);
        assertThat(race(() -> state.consumeCode(code))).isEqualTo(1);
        assertThat(state.code("c")).isEmpty();
    }

    // ---- tokens

    @Test
    void aTokenKeepsItsAuthorizationDetailsResourcesAndAudience() {
        Grant targeted = GRANT.withResources(List.of("https://rs.example/a", "https://rs.example/b"));
        targeted = new Grant(targeted.clientId(), targeted.subject(), targeted.sub(), targeted.scopes(), targeted.grantType(),
                targeted.properties(), targeted.authTimeSeconds(), targeted.acr(), targeted.claims(), targeted.nonce(),
                targeted.sessionId(), targeted.idTokenAudType(), null, null, "[{\"type\":\"payment_initiation\",\"x\":{\"y\":1}}]",
                targeted.resources());
        TokenRecord narrowed = new TokenRecord("rar", NOW.plusSeconds(60), "rar-r", NOW.plusSeconds(120), targeted, null, NOW, null,
                null, List.of("https://rs.example/b"));
        state.putToken(narrowed);

        assertThat(state.byAccessToken("rar")).contains(narrowed);
        assertThat(state.byRefreshToken("rar-r")).get().extracting(TokenRecord::audience).isEqualTo(List.of("https://rs.example/b"));
    }

    @Test
    void aCertificateBoundTokenAndTicketKeepTheirThumbprint() {
        TokenRecord bound = new TokenRecord("bound", NOW.plusSeconds(60), "bound-r", NOW.plusSeconds(120), GRANT, null, NOW, null, "x5t");
        state.putToken(bound);
        state.putTokenTicket(new TokenTicket("bound-tt", GRANT, "alice", NOW.plusSeconds(60), "x5t"));

        assertThat(state.byAccessToken("bound")).get().extracting(TokenRecord::certificateThumbprint).isEqualTo("x5t");
        assertThat(state.byRefreshToken("bound-r")).contains(bound);
        assertThat(state.consumeTokenTicket("bound-tt")).get().extracting(TokenTicket::certificateThumbprint).isEqualTo("x5t");
    }

    @Test
    void aPairIsFoundByEitherTokenAndReplacedOnlyFromItsCurrentVersion() {
        TokenRecord original = pair("a", "r");
        state.putToken(original);
        assertThat(state.byRefreshToken("r")).contains(original);

        TokenRecord rotated = new TokenRecord("a", NOW.plusSeconds(60), "r2", NOW.plusSeconds(120), GRANT, null, NOW, NOW);
        assertThat(state.replaceToken(original, rotated)).isTrue();
        assertThat(state.replaceToken(original, rotated)).isFalse();
        assertThat(state.byRefreshToken("r")).isEmpty();
        assertThat(state.byRefreshToken("r2")).contains(rotated);
        assertThat(state.tokens()).containsExactly(rotated);
    }

    @Test
    void oneRefreshPairIsConsumedOnceAmongEightThreads() throws Exception {
        TokenRecord pair = pair("a", "r");
        state.putToken(pair);

        assertThat(race(() -> state.consumePair(pair))).isEqualTo(1);
        assertThat(state.byAccessToken("a")).isEmpty();
        assertThat(state.byRefreshToken("r")).isEmpty();
    }

    @Test
    void aRefreshRotationRaceHasOneWinner() throws Exception {
        TokenRecord original = pair("a", "r");
        state.putToken(original);
        AtomicInteger next = new AtomicInteger();

        int wins = race(() -> state.replaceToken(original,
                new TokenRecord("a", NOW.plusSeconds(60), "r" + next.incrementAndGet(), NOW.plusSeconds(120), GRANT, null, NOW, NOW)));

        assertThat(wins).isEqualTo(1);
        assertThat(state.byRefreshToken("r")).isEmpty();
        assertThat(state.tokens()).hasSize(1);
    }

    @Test
    void tokenUpdatesRacingARevocationNeverBringThePairBack() throws Exception {
        for (int round = 0; round < 20; round++) {
            String accessToken = "a" + round;
            String refreshToken = "r" + round;
            state.putToken(pair(accessToken, refreshToken));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> update = pool.submit(() -> state.updateToken(accessToken, t -> t.withAccessTokenExpiresAt(NOW.plusSeconds(999))));
                Future<?> revoke = pool.submit(() -> state.removePair(pair(accessToken, refreshToken)));
                update.get(10, TimeUnit.SECONDS);
                revoke.get(10, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertThat(state.byAccessToken(accessToken)).as("round " + round).isEmpty();
            assertThat(state.updateToken(accessToken, t -> t)).isEmpty();
        }
    }

    @Test
    void removeIfAndRemoveTokensRemoveOnlyWhatMatches() {
        state.putToken(pair("a", null));
        state.putToken(pair("b", "rb"));

        assertThat(state.removeIf("a", t -> false)).isFalse();
        assertThat(state.removeIf("missing", t -> true)).isFalse();
        assertThat(state.removeTokens(t -> t.refreshToken() != null)).isEqualTo(1);
        assertThat(state.tokens()).extracting(TokenRecord::accessToken).containsExactly("a");
    }

    @Test
    void tokenBatchesAreKeptByRequestId() {
        state.putTokenBatch(new TokenBatch("req", true, null, null, 3, NOW));

        assertThat(state.tokenBatch("req")).map(TokenBatch::tokenCount).contains(3);
        assertThat(state.tokenBatch("other")).isEmpty();
        assertThat(state.tokenBatch(null)).isEmpty();
    }

    @Test
    void aDpopProofIsAcceptedOncePerKey() throws Exception {
        assertThat(race(() -> state.firstUseOfDpopProof("key", "jti", NOW.plusSeconds(60)))).isEqualTo(1);
        assertThat(state.firstUseOfDpopProof("other-key", "jti", NOW.plusSeconds(60))).isTrue();
    }

    @Test
    void sweepDropsOnlyWhatCanNoLongerBeUsed() {
        state.putToken(new TokenRecord("dead", NOW.minusSeconds(1), null, null, GRANT, null, NOW, null));
        state.putToken(new TokenRecord("refreshable", NOW.minusSeconds(1), "r", NOW.plusSeconds(60), GRANT, null, NOW, null));
        state.putToken(new TokenRecord("alive", NOW.plusSeconds(1), null, null, GRANT, null, NOW, null));
        state.putCode(new AuthorizationCode("old", null, GRANT, NOW));

        state.sweep(NOW);

        assertThat(state.byAccessToken("dead")).isEmpty();
        assertThat(state.byRefreshToken("r")).isPresent();
        assertThat(state.byAccessToken("alive")).isPresent();
        assertThat(state.code("old")).isEmpty();
        assertThat(state.counts().accessTokens()).isEqualTo(2);
        assertThat(state.counts().refreshTokens()).isEqualTo(1);
    }

    // ---- device flow and CIBA

    @Test
    void aUserCodeStandsForOneRequestAndOneDecision() throws Exception {
        assertThat(state.putDeviceAuthorization(device("d1", "USER-1"))).isTrue();
        assertThat(state.putDeviceAuthorization(device("d2", "USER-1"))).as("user code in use").isFalse();
        assertThat(state.deviceAuthorization("d2")).isEmpty();
        assertThat(state.deviceAuthorizationByUserCode("USER-1")).map(DeviceAuthorization::deviceCode).contains("d1");

        assertThat(race(() -> state.decideDeviceAuthorization("USER-1", authorized()).isPresent())).isEqualTo(1);
        assertThat(state.deviceAuthorizationByUserCode("USER-1")).isEmpty();
        DeviceAuthorization decided = state.deviceAuthorization("d1").orElseThrow();
        assertThat(decided.decision().authorized()).isTrue();

        DeviceAuthorization polled = decided.polledAt(NOW);
        assertThat(state.replaceDeviceAuthorization(decided, polled)).isTrue();
        assertThat(state.replaceDeviceAuthorization(decided, polled)).isFalse();
        assertThat(race(() -> state.consumeDeviceAuthorization(polled))).isEqualTo(1);
        assertThat(state.deviceAuthorization("d1")).isEmpty();
    }

    @Test
    void aBackchannelRequestIsFoundByItsAuthReqIdOnceIssuedAndTakenOnce() throws Exception {
        BackchannelRequest pending = backchannel("t");
        state.putBackchannelRequest(pending);
        assertThat(state.backchannelRequestByAuthReqId("id")).isEmpty();

        BackchannelRequest issued = pending.issuedAs("id", NOW.plusSeconds(600), 5);
        assertThat(state.replaceBackchannelRequest(pending, issued)).isTrue();
        assertThat(state.replaceBackchannelRequest(pending, issued)).isFalse();
        assertThat(state.backchannelRequestByAuthReqId("id")).contains(issued);

        assertThat(race(() -> state.consumeBackchannelRequest(issued))).isEqualTo(1);
        assertThat(state.backchannelRequestByAuthReqId("id")).isEmpty();

        state.putBackchannelRequest(backchannel("t2"));
        assertThat(state.removeBackchannelRequest("t2")).isPresent();
        assertThat(state.removeBackchannelRequest("t2")).isEmpty();
    }

    // ---- granted scopes and managed grants

    @Test
    void concurrentGrantsOfScopesAllLand() throws Exception {
        AtomicInteger next = new AtomicInteger();

        race(() -> {
            state.recordGrant(1, "alice", List.of("s" + next.incrementAndGet()), NOW);
            return true;
        });

        assertThat(state.grantedScopes(1, "alice").orElseThrow().merged()).hasSize(8);
        state.forgetGrantedScopes(1, "alice");
        assertThat(state.grantedScopes(1, "alice")).isEmpty();
    }

    @Test
    void aChangeIsStoredAndItsFollowUpAnswered() {
        Optional<String> answer = state.changeGrant("g", current -> Optional.of(grant("g", 1, List.of("read"))), g -> "minted for " + g.grantId());

        assertThat(answer).contains("minted for g");
        assertThat(state.grant("g")).contains(grant("g", 1, List.of("read")));
    }

    @Test
    void aRefusedChangeLeavesTheGrantAndRunsNothing() {
        state.changeGrant("g", current -> Optional.of(grant("g", 1, List.of("read"))), g -> g);

        Optional<Object> answer = state.changeGrant("g", current -> Optional.empty(), g -> {
            throw new AssertionError("must not run");
        });

        assertThat(answer).isEmpty();
        assertThat(state.grant("g")).contains(grant("g", 1, List.of("read")));
        assertThat(state.changeGrant("new", current -> Optional.empty(), g -> g)).isEmpty();
        assertThat(state.grant("new")).isEmpty();
        assertThat(state.revokeGrant("nope")).isFalse();
        assertThat(state.revokeGrant(null)).isFalse();
        assertThat(state.grant(null)).isEmpty();
    }

    @Test
    void oneGrantIsRevokedOnceAmongEightThreadsAndTakesItsTokens() throws Exception {
        state.changeGrant("g", current -> Optional.of(grant("g", 1, List.of("read"))), g -> tokenUnder(g, "a1"));
        state.putToken(pair("other", null));

        assertThat(race(() -> state.revokeGrant("g"))).isEqualTo(1);
        assertThat(state.grant("g")).isEmpty();
        assertThat(state.byAccessToken("a1")).isEmpty();
        assertThat(state.byAccessToken("other")).isPresent();
    }

    @Test
    void concurrentMergesAllLandInTheGrant() throws Exception {
        state.changeGrant("g", current -> Optional.of(grant("g", 1, List.of())), g -> g);
        AtomicInteger next = new AtomicInteger();

        race(() -> state.changeGrant("g", current -> {
            List<String> scopes = new ArrayList<>(current.scopes());
            scopes.add("s" + next.incrementAndGet());
            return Optional.of(grant("g", 1, scopes));
        }, g -> g).isPresent());

        assertThat(state.grant("g").orElseThrow().scopes()).hasSize(8);
    }

    @Test
    void aMergeRacingARevocationLeavesNoTokenOfARevokedGrant() throws Exception {
        for (int round = 0; round < 20; round++) {
            String id = "g" + round;
            String token = "t" + round;
            state.changeGrant(id, current -> Optional.of(grant(id, 1, List.of())), g -> g);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> merge = pool.submit(() -> state.changeGrant(id, current -> Optional.ofNullable(current), g -> tokenUnder(g, token)));
                Future<?> revoke = pool.submit(() -> state.revokeGrant(id));
                merge.get(10, TimeUnit.SECONDS);
                revoke.get(10, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertThat(state.grant(id)).isEmpty();
            assertThat(state.byAccessToken(token)).as("round " + round).isEmpty();
        }
    }

    // ---- export

    @Test
    void aSnapshotRestoresEveryLiveEntry() {
        state.putClient(client(1, "one"));
        state.putTicket(ticket("t", 1));
        state.putToken(pair("a", "r"));
        state.putDeviceAuthorization(device("d", "U"));
        state.changeGrant("g", current -> Optional.of(grant("g", 1, List.of("read"))), g -> g);

        ServiceState copy = ServiceState.restore(state.config(), state.snapshot(NOW));

        assertThat(copy.client(1)).isPresent();
        assertThat(copy.ticket("t")).isPresent();
        assertThat(copy.byRefreshToken("r")).isPresent();
        assertThat(copy.deviceAuthorizationByUserCode("U")).isPresent();
        assertThat(copy.grant("g")).isPresent();
        assertThat(state.snapshot(NOW.plusSeconds(3600)).tickets()).as("expired by then").isEmpty();
    }

    protected static ManagedGrant grant(String id, long clientId, List<String> scopes) {
        return new ManagedGrant(id, clientId, "alice", scopes, null, NOW, NOW);
    }

    private TokenRecord tokenUnder(ManagedGrant managed, String accessToken) {
        TokenRecord token = new TokenRecord(accessToken, NOW.plusSeconds(60), null, null,
                Grant.forClient(1, managed.scopes(), "AUTHORIZATION_CODE").withGrantId(managed.grantId()), null, NOW, null);
        state.putToken(token);
        return token;
    }

    /** Runs {@code attempt} on eight threads released together; how many returned true. */
    protected static int race(Callable<Boolean> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = IntStream.range(0, 8).mapToObj(i -> pool.submit(() -> {
                start.await();
                return attempt.call();
            })).toList();
            start.countDown();
            int wins = 0;
            for (Future<Boolean> result : results) {
                wins += result.get(20, TimeUnit.SECONDS) ? 1 : 0;
            }
            return wins;
        } finally {
            pool.shutdownNow();
        }
    }
}
