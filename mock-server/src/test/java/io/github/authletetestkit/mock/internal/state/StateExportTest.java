package io.github.authletetestkit.mock.internal.state;

import static io.github.authletetestkit.mock.internal.state.SeedReaderTest.NOW;
import static io.github.authletetestkit.mock.internal.state.SeedReaderTest.ORG;
import static io.github.authletetestkit.mock.internal.state.SeedReaderTest.reader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.grants.GrantAction;
import io.github.authletetestkit.mock.internal.grants.GrantRequest;
import io.github.authletetestkit.mock.internal.grants.ManagedGrant;
import io.github.authletetestkit.mock.internal.model.ClientDefaults;
import io.github.authletetestkit.mock.internal.model.ServiceDefaults;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.internal.store.ApiCredential;
import io.github.authletetestkit.mock.internal.store.AuthorizationCode;
import io.github.authletetestkit.mock.internal.store.AuthorizationTicket;
import io.github.authletetestkit.mock.internal.store.BackchannelRequest;
import io.github.authletetestkit.mock.internal.store.DeviceAuthorization;
import io.github.authletetestkit.mock.internal.store.EndUserDecision;
import io.github.authletetestkit.mock.internal.store.Grant;
import io.github.authletetestkit.mock.internal.store.MockStore;
import io.github.authletetestkit.mock.internal.store.Property;
import io.github.authletetestkit.mock.internal.store.PushedRequest;
import io.github.authletetestkit.mock.internal.store.ResponseMode;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.internal.store.TokenTicket;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every kind of entry a service holds goes out in the state document and comes back equal. */
class StateExportTest {

    static final long SERVICE = 4242;
    static final Instant LATER = NOW.plusSeconds(600);

    private final MockStore store = MockStore.inMemory();
    private final ServiceState service = store.addService(ServiceDefaults.service(SERVICE, Json.object(), Jwks.sharedDefaultKeys(), NOW));
    private final Grant grant = new Grant(7, "alice", "sub-1", List.of("openid"), "AUTHORIZATION_CODE",
            List.of(new Property("k", "v", true)), 1_700_000_000L, "acr", "{}", "n", "sid", "PLAIN", "grant-1");
    private final AuthorizationTicket ticket = new AuthorizationTicket("tk", 7, false, "https://app/cb", true, "code",
            ResponseMode.QUERY, List.of("openid"), "st", null, "ch", "S256", 0, null, null, LATER,
            new GrantRequest(GrantAction.MERGE, "grant-1"));

    StateExportTest() {
        store.addCredential(ApiCredential.service("svc-token", SERVICE));
        store.addCredential(ApiCredential.organization(ORG));
        store.addCredential(ApiCredential.organization("org-2"));
        // a client as the API creates it: the seed reader lays members over the same defaults
        service.putClient(new ClientConfig(ClientDefaults.client(7, 1, "s", NOW).put("clientIdAlias", "app")));
        service.changeGrant("grant-1", none -> Optional.of(new ManagedGrant("grant-1", 7, "alice", List.of("openid"), "{}", NOW, NOW)), g -> g);
        service.putTicket(ticket);
        service.putCode(new AuthorizationCode("code-1", ticket, grant, LATER));
        service.putToken(new TokenRecord("at-1", LATER, "rt-1", LATER, grant, "jkt", NOW, null));
        Grant rar = new Grant(7, "alice", null, List.of("openid"), "AUTHORIZATION_CODE", List.of(), null, null, null, null, null, null,
                null, null, "[{\"type\":\"payment_initiation\",\"amount\":{\"value\":\"1.00\"}}]",
                List.of("https://rs.example/a", "https://rs.example/b"));
        service.putToken(new TokenRecord("at-rar", LATER, "rt-rar", LATER, rar, null, NOW, null, null, List.of("https://rs.example/b")));
        service.putTokenTicket(new TokenTicket("tt", grant, "alice", LATER));
        service.putDeviceAuthorization(new DeviceAuthorization("dc-pending", "UC-1", 7, false, List.of("openid"), List.of(), LATER, 5, null, null, null));
        service.putDeviceAuthorization(new DeviceAuthorization("dc-decided", "UC-2", 7, false, List.of("openid"), List.of(), LATER, 5, NOW, null, null));
        service.decideDeviceAuthorization("UC-2", new EndUserDecision(EndUserDecision.Result.AUTHORIZED, grant, null, null, 0, 0, null));
        BackchannelRequest ciba = new BackchannelRequest("cb-tk", 7, false, List.of("openid"), List.of(), "POLL", null,
                "LOGIN_HINT", "alice", null, null, null, 0, null, LATER, 0, null, null, null);
        service.putBackchannelRequest(ciba);
        service.replaceBackchannelRequest(ciba, ciba.issuedAs("auth-req-1", LATER, 5));
        service.putPushedRequest(new PushedRequest(PushedRequest.URI_PREFIX + "p", 7, "response_type=code", LATER));
        service.recordGrant(7, "alice", List.of("openid"), NOW);
        service.putTicket(new AuthorizationTicket("expired", 7, false, "https://app/cb", true, "code",
                ResponseMode.QUERY, List.of(), null, null, null, null, 0, null, null, NOW.minusSeconds(1), null));
    }

    @Test
    void everyEntryComesBackEqual() {
        ObjectNode document = StateExport.of(store, NOW, null);

        Seed seed = reader().read(document);

        ServiceState restored = seed.services().getFirst();
        // a client read back from the document's text is the same JSON, whatever node types the original was built of
        assertThat(restored.snapshot(NOW)).usingRecursiveComparison().ignoringCollectionOrder()
                .withEqualsForType((a, b) -> a.toJson().toString().equals(b.toJson().toString()), ClientConfig.class)
                .isEqualTo(service.snapshot(NOW));
        assertThat(restored.config().toJson().toString()).isEqualTo(service.config().toJson().toString());
        assertThat(seed.credentials()).containsExactlyInAnyOrder(ApiCredential.service("svc-token", SERVICE), ApiCredential.organization("org-2"));
        assertThat(StateExport.of(storeOf(seed), NOW, null)).as("and out again the same").isEqualTo(document);
    }

    @Test
    void indexesAreRebuilt() {
        ServiceState restored = reader().read(StateExport.of(store, NOW, null)).services().getFirst();

        assertThat(restored.deviceAuthorizationByUserCode("UC-1")).isPresent();
        assertThat(restored.deviceAuthorizationByUserCode("UC-2")).as("a decided user code is used up").isEmpty();
        assertThat(restored.backchannelRequestByAuthReqId("auth-req-1")).isPresent();
        assertThat(restored.consumePushedRequest(PushedRequest.URI_PREFIX + "p")).isPresent();
        assertThat(restored.grantedScopes(7, "alice")).isPresent();
        assertThat(restored.grant("grant-1")).as("a managed grant").isPresent();
        assertThat(restored.revokeGrant("grant-1")).isTrue();
        assertThat(restored.byAccessToken("at-1")).as("its tokens still belong to it").isEmpty();
        assertThat(restored.findClient("app")).isPresent();
    }

    @Test
    void expiredEntriesAndTheRealTimeClockAreLeftOut() {
        ObjectNode document = StateExport.of(store, NOW, null);

        assertThat(document.toString()).doesNotContain("\"expired\"");
        assertThat(document.has("clock")).isFalse();
        assertThat(StateExport.of(store, LATER.plusSeconds(1), null).path("services").get(0).path("tokens")).isEmpty();
    }

    @Test
    void theClockSettingGoesOutAndBack() {
        ObjectNode document = StateExport.of(store, NOW, ClockSetting.of(Duration.ofMinutes(90), false, NOW));

        assertThat(document.path("clock").path("offset").asText()).isEqualTo("PT1H30M");
        assertThat(reader().read(document).clock()).isEqualTo(new ClockSetting(Duration.ofMinutes(90), null));
        assertThat(ClockSetting.of(Duration.ofMillis(300), false, NOW)).as("a test's own run time").isNull();
        assertThat(ClockSetting.of(Duration.ZERO, true, NOW)).isEqualTo(new ClockSetting(null, NOW));
    }

    private static MockStore storeOf(Seed seed) {
        MockStore out = MockStore.inMemory();
        List<ApiCredential> credentials = new java.util.ArrayList<>(seed.credentials());
        credentials.add(ApiCredential.organization(ORG));
        out.replaceAll(seed.services(), credentials);
        return out;
    }
}
