package io.github.authletetestkit.mock.internal.store;

import io.github.authletetestkit.mock.internal.grants.ManagedGrant;
import io.github.authletetestkit.mock.internal.hsk.HardwareKeys;
import io.github.authletetestkit.mock.internal.vci.VciState;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.List;

/**
 * Everything one service holds, as the handlers see it: one store interface per kind of state, each shaped by
 * the atomic verbs the rules need (consume once, compare-and-replace, remove-if, …). Handlers never lock; every
 * change is one verb. Implemented in memory ({@link InMemoryServiceState}) and on Redis
 * ({@code mock.store.redis}), where several mock processes share it.
 */
public interface ServiceState extends ServiceConfigStore, ClientStore, AuthorizationRequestStore, CodeStore, TokenStore,
        GrantStore, DeviceFlowStore, BackchannelStore {

    /** A new, empty service held in memory. */
    static ServiceState inMemory(ServiceConfig config) {
        return new InMemoryServiceState(config);
    }

    /** A new in-memory service holding what {@link #snapshot} gave, its lookup indexes rebuilt. */
    static ServiceState restore(ServiceConfig config, Snapshot snapshot) {
        return InMemoryServiceState.restore(config, snapshot);
    }

    /** The keys this service holds in HSMs ({@code /hsk/*}). */
    HardwareKeys hardwareKeys();

    /** This service's verifiable credential issuance state ({@code /vci/*}). */
    VciState credentialIssuance();

    /** Drops what can no longer be used at {@code now}, so a long-running mock does not grow. */
    void sweep(Instant now);

    /**
     * What a restarted mock needs to keep this service's clients, requests and tokens working, without
     * entries that expired by {@code now}.
     */
    Snapshot snapshot(Instant now);

    StoreCounts counts();

    /** The entries of one service, as lists; see {@link #snapshot}. */
    record Snapshot(
            List<ClientConfig> clients,
            List<AuthorizationTicket> tickets,
            List<AuthorizationCode> codes,
            List<TokenRecord> tokens,
            List<TokenTicket> tokenTickets,
            List<DeviceAuthorization> deviceAuthorizations,
            List<BackchannelRequest> backchannelRequests,
            List<PushedRequest> pushedRequests,
            List<GrantedScopes> grantedScopes,
            List<ManagedGrant> grants) {}

    /** How many live entries of each kind a service holds. */
    record StoreCounts(int clients, int tickets, int codes, int accessTokens, int refreshTokens) {}
}
