package io.github.authletetestkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.store.ApiCredential;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What must hold of the mock's state whatever requests it answered. */
final class StateInvariants {

    private StateInvariants() {}

    /** Checks the state, then sweeps now and after every lifetime has passed; leaves the clock moved on. */
    static void check(AuthleteMockServer mock) {
        List<ServiceState> services = MockInternals.of(mock).store().services();
        assertThat(services).as("services").isNotEmpty();
        for (ServiceState service : services) {
            consistent(service);
        }
        // every service credential names a service that exists
        for (ApiCredential credential : MockInternals.of(mock).store().credentials()) {
            if (credential.kind() == ApiCredential.Kind.SERVICE) {
                assertThat(MockInternals.of(mock).store().service(credential.serviceId())).as("service of credential %s", credential.token()).isPresent();
            }
        }

        Instant now = mock.clock().instant();
        MockInternals.of(mock).store().sweep(now);
        for (ServiceState service : MockInternals.of(mock).store().services()) {
            consistent(service);
            for (TokenRecord token : service.tokens()) {
                assertThat(token.accessTokenExpired(now) && !token.refreshTokenUsable(now))
                        .as("swept, yet expired and not refreshable: %s", token.accessToken()).isFalse();
            }
        }

        mock.clock().advance(Duration.ofDays(3650));
        MockInternals.of(mock).store().sweep(mock.clock().instant());
        for (ServiceState service : MockInternals.of(mock).store().services()) {
            ServiceState.StoreCounts counts = service.counts();
            assertThat(counts.tickets()).as("tickets of %d after every lifetime", service.serviceId()).isZero();
            assertThat(counts.codes()).as("codes after every lifetime").isZero();
            assertThat(counts.accessTokens()).as("access tokens after every lifetime").isZero();
            assertThat(counts.refreshTokens()).as("refresh tokens after every lifetime").isZero();
            assertThat(service.tokens()).isEmpty();
        }
    }

    private static void consistent(ServiceState service) {
        ServiceState.StoreCounts counts = service.counts();
        assertThat(counts.clients()).isEqualTo(service.clients().size());
        List<TokenRecord> tokens = service.tokens();
        long withAccess = tokens.stream().filter(t -> service.byAccessToken(t.accessToken()).isPresent()).count();
        long withRefresh = tokens.stream().filter(t -> t.refreshToken() != null && service.byRefreshToken(t.refreshToken()).isPresent()).count();
        assertThat(counts.accessTokens()).as("access tokens of service %d", service.serviceId()).isEqualTo(withAccess);
        assertThat(counts.refreshTokens()).as("refresh tokens of service %d", service.serviceId()).isEqualTo(withRefresh);
        for (TokenRecord token : tokens) {
            assertThat(service.client(token.clientId())).as("client of token %s", token.accessToken()).isPresent();
            if (token.grant().grantId() != null) {
                // a revoked grant takes its tokens along
                assertThat(service.grant(token.grant().grantId()).map(g -> g.clientId()))
                        .as("grant of token %s", token.accessToken()).contains(token.clientId());
            }
            assertThat(token.accessTokenExpiresAt()).as("expiry of %s", token.accessToken()).isAfterOrEqualTo(token.createdAt());
            if (token.refreshToken() != null) {
                assertThat(token.refreshTokenExpiresAt()).isNotNull();
            }
        }
    }
}
