package io.github.authletetestkit.mock.internal.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.state.StateDocument.ServiceEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.TokenEntry;
import io.github.authletetestkit.mock.internal.store.ApiCredential;
import io.github.authletetestkit.mock.internal.store.Grant;
import io.github.authletetestkit.mock.internal.store.MockStore;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.internal.grants.ManagedGrant;
import io.github.authletetestkit.mock.internal.store.AuthorizationCode;
import io.github.authletetestkit.mock.internal.store.AuthorizationTicket;
import io.github.authletetestkit.mock.internal.store.BackchannelRequest;
import io.github.authletetestkit.mock.internal.store.DeviceAuthorization;
import io.github.authletetestkit.mock.internal.store.GrantedScopes;
import io.github.authletetestkit.mock.internal.store.PushedRequest;
import io.github.authletetestkit.mock.internal.store.TokenTicket;
import io.github.authletetestkit.mock.internal.oauth.AuthorizationDetails;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;
import java.util.List;

/** Writes a whole {@link MockStore} as one state document that {@link SeedReader} reads back. */
public final class StateExport {

    private StateExport() {}

    /** The store's services, credentials and live entries at {@code now}; {@code clock} null for real time. */
    public static ObjectNode of(MockStore store, Instant now, ClockSetting clock) {
        List<ApiCredential> credentials = store.credentials();
        List<ServiceEntry> services = store.services().stream().map(s -> service(s, credentials, now)).toList();
        List<String> organizationTokens = credentials.stream().filter(ApiCredential::isOrganization)
                .map(ApiCredential::token).sorted().toList();
        return StateMapper.MAPPER.valueToTree(new StateDocument(StateMigrations.CURRENT, services, organizationTokens, clock));
    }

    private static ServiceEntry service(ServiceState service, List<ApiCredential> credentials, Instant now) {
        ServiceState.Snapshot snapshot = service.snapshot(now);
        List<String> serviceTokens = credentials.stream()
                .filter(c -> !c.isOrganization() && c.serviceId() == service.serviceId())
                .map(ApiCredential::token).sorted().toList();
        // each list in the order of its IDs, so that equal states give equal documents whichever store held them
        List<TokenEntry> tokens = sorted(snapshot.tokens(), TokenRecord::accessToken).stream().map(StateExport::token).toList();
        return new ServiceEntry(service.serviceId(), serviceTokens, service.config().toJson(),
                snapshot.clients().stream().map(c -> c.toJson()).toList(), tokens,
                sorted(snapshot.tickets(), AuthorizationTicket::ticket), sorted(snapshot.codes(), AuthorizationCode::code),
                sorted(snapshot.tokenTickets(), TokenTicket::ticket), sorted(snapshot.deviceAuthorizations(), DeviceAuthorization::deviceCode),
                sorted(snapshot.backchannelRequests(), BackchannelRequest::ticket), sorted(snapshot.pushedRequests(), PushedRequest::requestUri),
                sorted(snapshot.grantedScopes(), g -> GrantedScopes.key(g.clientId(), g.subject())), sorted(snapshot.grants(), ManagedGrant::grantId));
    }

    private static <T> List<T> sorted(List<T> entries, Function<T, String> id) {
        return entries.stream().sorted(Comparator.comparing(id)).toList();
    }

    static TokenEntry token(TokenRecord t) {
        Grant g = t.grant();
        return new TokenEntry(t.accessToken(), g.clientId(), g.subject(), g.scopes(), t.accessTokenExpiresAt(),
                t.refreshToken(), t.refreshTokenExpiresAt(), g.grantType(), g.properties(), g.sub(), g.authTimeSeconds(),
                g.acr(), g.claims(), g.nonce(), g.sessionId(), g.idTokenAudType(), t.dpopJkt(), t.createdAt(),
                t.lastRefreshedAt(), g.grantId(), t.certificateThumbprint(), AuthorizationDetails.toJson(g.authorizationDetails()),
                g.resources(), t.accessTokenResources());
    }
}
