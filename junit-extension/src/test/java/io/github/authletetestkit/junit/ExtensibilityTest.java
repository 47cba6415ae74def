package io.github.authletetestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension as WireMock's is: subclassed with lifecycle hooks, and registered more than once in one class. */
class ExtensibilityTest {

    @Test
    void aSubclassHooksRunAroundTheUsersLifecycleMethodsWithTheRunningMock() {
        HookFixture.events.clear();

        LifecycleTest.run(HookFixture.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(HookFixture.events).containsExactly(
                "onBeforeAll service 5150, 0 clients",
                "@BeforeAll",
                "onBeforeEach first, 0 clients",
                "test first",
                "onAfterEach first, 1 clients",
                "onBeforeEach second, 0 clients",
                "test second",
                "onAfterEach second, 2 clients",
                "@AfterAll",
                "onAfterAll 2 clients");
    }

    @Test
    void twoRegisteredExtensionsEachResolveTheirOwnMock() {
        TwoMocksFixture.seen.clear();

        LifecycleTest.run(TwoMocksFixture.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(TwoMocksFixture.seen).hasSize(2).allSatisfy(pair -> {
            assertThat(pair.get("bank")).startsWith("1001 ");
            assertThat(pair.get("shop")).startsWith("2002 ");
            assertThat(pair.get("bank").split(" ")[1]).isNotEqualTo(pair.get("shop").split(" ")[1]);
        });
    }

    @Test
    void anUnqualifiedParameterWithTwoExtensionsIsRefusedNamingBoth() {
        LifecycleTest.run(AmbiguousParameterFixture.class).testEvents().assertThatEvents().haveExactly(1,
                event(test("needsOne"), finishedWithFailure(instanceOf(ParameterResolutionException.class),
                        message(m -> m.contains("[bank, shop]") && m.contains("@FromExtension(\"bank\")")))));
    }

    @Test
    void anUnqualifiedFieldWithTwoExtensionsIsRefusedNamingBoth() {
        LifecycleTest.run(AmbiguousFieldFixture.class).testEvents().assertThatEvents().haveExactly(1,
                event(test("needsOne"), finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(m -> m.contains("[bank, shop]") && m.contains("@FromExtension")))));
    }

    /** A team's own extension: its settings in the constructor, its set-up in the hooks. */
    static class RecordingExtension extends AuthleteMockExtension {
        RecordingExtension() {
            super(AuthleteMockExtension.builder().serviceId(5150));
        }

        @Override
        protected void onBeforeAll(ExtensionContext context, AuthleteMock mock) {
            HookFixture.events.add("onBeforeAll service " + mock.serviceId() + ", " + clients(mock) + " clients");
        }

        @Override
        protected void onBeforeEach(ExtensionContext context, AuthleteMock mock) {
            HookFixture.events.add("onBeforeEach " + context.getRequiredTestMethod().getName() + ", " + clients(mock) + " clients");
        }

        @Override
        protected void onAfterEach(ExtensionContext context, AuthleteMock mock) {
            HookFixture.events.add("onAfterEach " + context.getRequiredTestMethod().getName() + ", " + clients(mock) + " clients");
        }

        @Override
        protected void onAfterAll(ExtensionContext context, AuthleteMock mock) {
            HookFixture.events.add("onAfterAll " + clients(mock) + " clients");
        }

        private static long clients(AuthleteMock mock) {
            return mock.authleteApi().getClientList().getTotalCount();
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class HookFixture {
        static final List<String> events = new CopyOnWriteArrayList<>();

        @RegisterExtension
        static RecordingExtension authlete = new RecordingExtension();

        @BeforeAll
        static void beforeAll() {
            events.add("@BeforeAll");
        }

        @Test
        @Order(1)
        void first(AuthleteMock mock) {
            mock.createConfidentialClient();
            events.add("test first");
        }

        @Test
        @Order(2)
        void second(AuthleteMock mock) {
            mock.createConfidentialClient();
            mock.createPublicClient();
            events.add("test second");
        }

        @AfterAll
        static void afterAll() {
            events.add("@AfterAll");
        }
    }

    static class TwoMocksFixture {
        static final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();

        @RegisterExtension
        static AuthleteMockExtension bank = AuthleteMockExtension.builder().serviceId(1001).build();

        @RegisterExtension
        AuthleteMockExtension shop = AuthleteMockExtension.builder().serviceId(2002).build();

        @FromExtension("bank")
        static AuthleteMock bankField;

        @FromExtension("shop")
        AuthleteMock shopField;

        @Test
        void parametersAndFieldsAreQualified(@FromExtension("bank") AuthleteMock bankMock, @FromExtension("shop") AuthleteMock shopMock) {
            assertThat(bankMock).isSameAs(bank.mock()).isSameAs(bankField);
            assertThat(shopMock).isSameAs(shop.mock()).isSameAs(shopField);
            seen.add(Map.of("bank", bankMock.serviceId() + " " + bankMock.baseUrl(), "shop", shopMock.serviceId() + " " + shopMock.baseUrl()));
        }

        @Test
        void eachServerKeepsItsOwnState(@FromExtension("bank") AuthleteMock bankMock, @FromExtension("shop") AuthleteMock shopMock) {
            bankMock.createConfidentialClient();

            assertThat(bankMock.authleteApi().getClientList().getTotalCount()).isEqualTo(1);
            assertThat(shopMock.authleteApi().getClientList().getTotalCount()).isZero();
            seen.add(Map.of("bank", bankMock.serviceId() + " " + bankMock.baseUrl(), "shop", shopMock.serviceId() + " " + shopMock.baseUrl()));
        }
    }

    static class AmbiguousParameterFixture {
        @RegisterExtension
        static AuthleteMockExtension bank = AuthleteMockExtension.builder().build();

        @RegisterExtension
        static AuthleteMockExtension shop = AuthleteMockExtension.builder().build();

        @Test
        void needsOne(AuthleteMock mock) {
        }
    }

    static class AmbiguousFieldFixture {
        @RegisterExtension
        static AuthleteMockExtension bank = AuthleteMockExtension.builder().build();

        @RegisterExtension
        static AuthleteMockExtension shop = AuthleteMockExtension.builder().build();

        AuthleteMock mock;

        @Test
        void needsOne() {
        }
    }
}
