package io.github.authletetestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.common.dto.Client;
import com.authlete.common.dto.TokenResponse;
import io.github.authletetestkit.mock.internal.MockInternals;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** {@code @RegisterExtension AuthleteMockExtension} with its builder: service, tokens, seeded clients. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SeedClient(name = "machine", grantTypes = "CLIENT_CREDENTIALS", responseTypes = {})
class ProgrammaticExtensionTest {

    @RegisterExtension
    static AuthleteMockExtension authlete = AuthleteMockExtension.builder()
            .serviceId(4242)
            .serviceToken("shop-service-token")
            .orgToken("shop-org-token")
            .issuer("https://login.shop.example")
            .service(Map.of("accessTokenDuration", 77))
            .client("web", ClientSpec.confidential().redirectUris("https://shop.example/cb"))
            .client("spa", ClientSpec.publicClient().requirePkceS256())
            .build();

    static final List<RegisteredClient> machineClients = new CopyOnWriteArrayList<>();

    @Test
    @Order(1)
    void configurationReachesTheServer(AuthleteMock mock) {
        assertThat(mock).isSameAs(authlete.mock());
        assertThat(mock.serviceId()).isEqualTo(4242);
        assertThat(mock.serviceToken()).isEqualTo("shop-service-token");
        assertThat(mock.orgToken()).isEqualTo("shop-org-token");
        assertThat(mock.issuer()).isEqualTo("https://login.shop.example");
        assertThat(mock.authleteApi().getService(4242).getAccessTokenDuration()).isEqualTo(77);
    }

    @Test
    @Order(2)
    void seededClientsAreRegisteredAsSpecified(AuthleteMock mock) {
        Client web = mock.authleteApi().getClient(mock.client("web").id());
        Client spa = mock.authleteApi().getClient(mock.client("spa").id());

        assertThat(web.getClientName()).isEqualTo("web");
        assertThat(web.getClientSecret()).isEqualTo(mock.client("web").secret());
        assertThat(web.getRedirectUris()).containsExactly("https://shop.example/cb");
        assertThat(spa.isPkceS256Required()).isTrue();
        TokenResponse token = ClientHelpersTest.clientCredentials(mock.authleteApi(), mock.client("machine"));
        assertThat(token.getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(token.getAccessTokenDuration()).isEqualTo(77);
        machineClients.add(mock.client("machine"));
    }

    @Test
    @Order(3)
    void seededClientsSurviveResetsWithTheirIdsAndSecrets(AuthleteMock mock) {
        mock.authleteApi().deleteClient(mock.client("web").id());
        mock.reset();

        assertThat(mock.calls()).isEmpty();
        assertThat(MockInternals.of(mock.server()).defaultService().clients()).hasSize(3);
        assertThat(mock.authleteApi().getClient(mock.client("web").id()).getClientSecret()).isEqualTo(mock.client("web").secret());
        assertThat(mock.client("machine")).isEqualTo(machineClients.get(0));
        assertThatThrownBy(() -> mock.client("nobody")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("machine").hasMessageContaining("spa").hasMessageContaining("web");
    }

    @AfterAll
    static void serverStillRunsInAfterAll() {
        // afterAll of the extension runs after this method; mock() still answers here
        assertThat(authlete.mock().server().isRunning()).isTrue();
    }

    @Test
    void mockOutsideARunIsRefused() {
        AuthleteMockExtension idle = AuthleteMockExtension.builder().build();

        assertThatThrownBy(idle::mock).isInstanceOf(IllegalStateException.class).hasMessageContaining("No mock server");
    }

    @Test
    void builderRefusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> AuthleteMockExtension.builder().serviceToken("same").orgToken("same").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthleteMockExtension.builder().port(-1).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthleteMockExtension.builder().service("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void systemPropertiesArePublishedWhileTheServerRunsAndRestoredAfterwards() {
        System.setProperty(AuthleteMock.PROPERTY_BASE_URL, "http://before");
        System.clearProperty(AuthleteMock.PROPERTY_SERVICE_ACCESS_TOKEN);
        try {
            LifecycleTest.run(PublishingFixture.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));

            assertThat(PublishingFixture.published).containsEntry(AuthleteMock.PROPERTY_SERVICE_ACCESS_TOKEN, "published-token")
                    .containsEntry(AuthleteMock.PROPERTY_SERVICE_API_KEY, "7135203410987")
                    .containsEntry(AuthleteMock.PROPERTY_API_VERSION, "V3")
                    .containsKey(AuthleteMock.PROPERTY_ORG_ACCESS_TOKEN);
            assertThat(PublishingFixture.published.get(AuthleteMock.PROPERTY_BASE_URL)).startsWith("http://localhost:");
            assertThat(System.getProperty(AuthleteMock.PROPERTY_BASE_URL)).isEqualTo("http://before");
            assertThat(System.getProperty(AuthleteMock.PROPERTY_SERVICE_ACCESS_TOKEN)).isNull();
        } finally {
            System.clearProperty(AuthleteMock.PROPERTY_BASE_URL);
        }
    }

    @Test
    void perMethodLifecycleFromTheBuilder() {
        PerMethodFixture.ports.clear();

        LifecycleTest.run(PerMethodFixture.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(PerMethodFixture.ports).hasSize(2);
    }

    static class PublishingFixture {
        static volatile Map<String, String> published = Map.of();

        @RegisterExtension
        static AuthleteMockExtension authlete = AuthleteMockExtension.builder()
                .serviceToken("published-token").publishSystemProperties(true).build();

        @Test
        void readsThem(AuthleteMock mock) {
            Map<String, String> now = new java.util.HashMap<>();
            mock.properties().keySet().forEach(name -> now.put(name, System.getProperty(name)));
            published = now;
            assertThat(now).isEqualTo(mock.properties());
        }
    }

    static class PerMethodFixture {
        static final List<Integer> ports = new CopyOnWriteArrayList<>();

        @RegisterExtension
        AuthleteMockExtension authlete = AuthleteMockExtension.builder().lifecycle(ServerLifecycle.PER_METHOD).build();

        @Test
        void one(AuthleteMock mock) {
            ports.add(mock.port());
            assertThat(authlete.mock()).isSameAs(mock);
        }

        @Test
        void two(AuthleteMock mock) {
            ports.add(mock.port());
            assertThat(authlete.mock()).isSameAs(mock);
        }
    }
}
