package io.github.authletetestkit.mock.internal.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.grants.GrantRequest;
import io.github.authletetestkit.mock.internal.grants.ManagedGrant;
import io.github.authletetestkit.mock.internal.oauth.AuthorizationDetails;
import io.github.authletetestkit.mock.internal.state.StateDocument.AuthorizationCodeEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.BackchannelRequestEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.DecisionEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.DeviceAuthorizationEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.GrantEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.GrantManagementEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.GrantedScopesEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.ManagedGrantEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.PropertyEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.PushedRequestEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.ServiceEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.TicketEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.TokenEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.TokenTicketEntry;
import io.github.authletetestkit.mock.internal.store.ApiCredential;
import io.github.authletetestkit.mock.internal.store.AuthorizationCode;
import io.github.authletetestkit.mock.internal.store.AuthorizationTicket;
import io.github.authletetestkit.mock.internal.store.BackchannelRequest;
import io.github.authletetestkit.mock.internal.store.DeviceAuthorization;
import io.github.authletetestkit.mock.internal.store.EndUserDecision;
import io.github.authletetestkit.mock.internal.store.Grant;
import io.github.authletetestkit.mock.internal.store.GrantedScopes;
import io.github.authletetestkit.mock.internal.store.MockStore;
import io.github.authletetestkit.mock.internal.store.Property;
import io.github.authletetestkit.mock.internal.store.PushedRequest;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.internal.store.TokenTicket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a whole {@link MockStore} as one state document that {@link SeedReader} reads back, mapping each store record
 * to its {@link StateDocument} entry member by member.
 */
public final class StateExport {

    private StateExport() {}

    /** The store's services, credentials and live entries at {@code now}; {@code clock} null for real time. */
    public static ObjectNode of(MockStore store, Instant now, ClockSetting clock) {
        List<ApiCredential> credentials = store.credentials();
        List<ServiceEntry> services = store.services().stream().map(s -> service(s, credentials, now)).toList();
        List<String> organizationTokens = credentials.stream().filter(ApiCredential::isOrganization)
                .map(ApiCredential::token).sorted().toList();
        return canonical(new StateDocument(StateMigrations.CURRENT, services, organizationTokens, clock));
    }

    /**
     * The document as its JSON text reads back: the stores hold configurations and clients as JSON trees whose numbers
     * may be int or long nodes depending on how they were built, and equal documents must be equal trees whichever
     * store held them.
     */
    private static ObjectNode canonical(StateDocument document) {
        try {
            return (ObjectNode) StateMapper.MAPPER.readTree(StateMapper.MAPPER.writeValueAsBytes(document));
        } catch (IOException e) {
            throw new UncheckedIOException("a state document that cannot be written as JSON", e);
        }
    }

    private static ServiceEntry service(ServiceState service, List<ApiCredential> credentials, Instant now) {
        ServiceState.Snapshot snapshot = service.snapshot(now);
        List<String> serviceTokens = credentials.stream()
                .filter(c -> !c.isOrganization() && c.serviceId() == service.serviceId())
                .map(ApiCredential::token).sorted().toList();
        // each list in the order of its IDs, so that equal states give equal documents whichever store held them
        return new ServiceEntry(service.serviceId(), serviceTokens, service.config().toJson(),
                snapshot.clients().stream().map(c -> c.toJson()).toList(),
                entries(snapshot.tokens(), TokenRecord::accessToken, StateExport::token),
                entries(snapshot.tickets(), AuthorizationTicket::ticket, StateExport::ticket),
                entries(snapshot.codes(), AuthorizationCode::code, StateExport::code),
                entries(snapshot.tokenTickets(), TokenTicket::ticket, StateExport::tokenTicket),
                entries(snapshot.deviceAuthorizations(), DeviceAuthorization::deviceCode, StateExport::device),
                entries(snapshot.backchannelRequests(), BackchannelRequest::ticket, StateExport::backchannel),
                entries(snapshot.pushedRequests(), PushedRequest::requestUri, StateExport::pushed),
                entries(snapshot.grantedScopes(), g -> GrantedScopes.key(g.clientId(), g.subject()), StateExport::granted),
                entries(snapshot.grants(), ManagedGrant::grantId, StateExport::managedGrant));
    }

    /** The records in the order of their IDs, each as its document entry. */
    private static <T, E> List<E> entries(List<T> records, Function<T, String> id, Function<T, E> entry) {
        return records.stream().sorted(Comparator.comparing(id)).map(entry).toList();
    }

    static TokenEntry token(TokenRecord t) {
        Grant g = t.grant();
        return new TokenEntry(t.accessToken(), g.clientId(), g.subject(), g.scopes(), t.accessTokenExpiresAt(),
                t.refreshToken(), t.refreshTokenExpiresAt(), g.grantType(), properties(g.properties()), g.sub(), g.authTimeSeconds(),
                g.acr(), g.claims(), g.nonce(), g.sessionId(), g.idTokenAudType(), t.dpopJkt(), t.createdAt(),
                t.lastRefreshedAt(), g.grantId(), t.certificateThumbprint(), AuthorizationDetails.toJson(g.authorizationDetails()),
                g.resources(), t.accessTokenResources());
    }

    private static List<PropertyEntry> properties(List<Property> properties) {
        return properties == null ? null : properties.stream().map(p -> new PropertyEntry(p.key(), p.value(), p.hidden())).toList();
    }

    private static GrantEntry grant(Grant g) {
        return g == null ? null : new GrantEntry(g.clientId(), g.subject(), g.sub(), g.scopes(), g.grantType(), properties(g.properties()),
                g.authTimeSeconds(), g.acr(), g.claims(), g.nonce(), g.sessionId(), g.idTokenAudType(), g.grantId(), g.claimsRequest(),
                AuthorizationDetails.toJson(g.authorizationDetails()), g.resources());
    }

    private static GrantManagementEntry grantManagement(GrantRequest r) {
        return r == null ? null : new GrantManagementEntry(r.action().wireName(), r.grantId());
    }

    private static DecisionEntry decision(EndUserDecision d) {
        // the result as Authlete's /device/complete and /backchannel/authentication/complete spell it
        return d == null ? null : new DecisionEntry(d.result().name(), grant(d.grant()), d.errorDescription(), d.errorUri(),
                d.accessTokenDuration(), d.refreshTokenDuration(), d.accessToken());
    }

    private static TicketEntry ticket(AuthorizationTicket t) {
        return new TicketEntry(t.ticket(), t.clientId(), t.clientIdAliasUsed(), t.redirectUri(), t.redirectUriExplicit(), t.responseType(),
                t.responseMode() == null ? null : t.responseMode().wireName(), t.scopes(), t.state(), t.nonce(), t.codeChallenge(), t.codeChallengeMethod(), t.maxAge(),
                t.fixedSubject(), t.context(), t.expiresAt(), grantManagement(t.grantManagement()), t.claimsRequest(),
                AuthorizationDetails.toJson(t.authorizationDetails()), t.resources());
    }

    private static AuthorizationCodeEntry code(AuthorizationCode c) {
        return new AuthorizationCodeEntry(c.code(), ticket(c.request()), grant(c.grant()), c.expiresAt());
    }

    private static TokenTicketEntry tokenTicket(TokenTicket t) {
        return new TokenTicketEntry(t.ticket(), grant(t.grant()), t.username(), t.expiresAt(), t.certificateThumbprint());
    }

    private static DeviceAuthorizationEntry device(DeviceAuthorization d) {
        return new DeviceAuthorizationEntry(d.deviceCode(), d.userCode(), d.clientId(), d.clientIdAliasUsed(), d.scopes(), d.acrs(),
                d.expiresAt(), d.intervalSeconds(), d.lastPolledAt(), decision(d.decision()), grantManagement(d.grantManagement()));
    }

    private static BackchannelRequestEntry backchannel(BackchannelRequest b) {
        return new BackchannelRequestEntry(b.ticket(), b.clientId(), b.clientIdAliasUsed(), b.scopes(), b.acrs(), b.deliveryMode(),
                b.clientNotificationToken(), b.hintType(), b.hint(), b.sub(), b.bindingMessage(), b.userCode(), b.requestedExpiry(),
                b.authReqId(), b.expiresAt(), b.intervalSeconds(), b.lastPolledAt(), decision(b.decision()),
                grantManagement(b.grantManagement()));
    }

    private static PushedRequestEntry pushed(PushedRequest p) {
        return new PushedRequestEntry(p.requestUri(), p.clientId(), p.parameters(), p.expiresAt());
    }

    private static GrantedScopesEntry granted(GrantedScopes g) {
        return new GrantedScopesEntry(g.clientId(), g.subject(), g.latest(), g.merged(), g.modifiedAt());
    }

    private static ManagedGrantEntry managedGrant(ManagedGrant g) {
        return new ManagedGrantEntry(g.grantId(), g.clientId(), g.subject(), g.scopes(), g.claims(), g.createdAt(), g.updatedAt());
    }
}
