package io.github.authletetestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.model.ClientConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** How long servers live, run through JUnit itself: started, shared or fresh, reset, stopped. */
class LifecycleTest {

    static EngineExecutionResults run(Class<?> fixture, Map<String, String> configuration) {
        return EngineTestKit.engine("junit-jupiter").configurationParameters(configuration).selectors(selectClass(fixture)).execute();
    }

    static EngineExecutionResults run(Class<?> fixture) {
        return run(fixture, Map.of());
    }

    @Test
    void perClassServerServesEveryTestAndStopsAfterTheClass() {
        PerClassFixture.seen.clear();

        run(PerClassFixture.class).testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));

        assertThat(PerClassFixture.seen).hasSize(3).containsOnly(PerClassFixture.seen.get(0));
        assertThat(PerClassFixture.seen.get(0).server().isRunning()).isFalse();
    }

    @Test
    void perMethodGivesEveryTestItsOwnServerAndStopsIt() {
        PerMethodFixture.seen.clear();

        run(PerMethodFixture.class).testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));

        assertThat(PerMethodFixture.seen).hasSize(4).doesNotHaveDuplicates();
        assertThat(PerMethodFixture.seen).allSatisfy(mock -> assertThat(mock.server().isRunning()).isFalse());
    }

    @Test
    void perMethodCannotGiveTheMockToBeforeAll() {
        run(PerMethodBeforeAllFixture.class).containerEvents().assertThatEvents().haveExactly(1, event(container(),
                finishedWithFailure(instanceOf(ParameterResolutionException.class), message(m -> m.contains("PER_METHOD")))));
    }

    @Test
    void perMethodRefusesStaticFields() {
        run(PerMethodStaticFieldFixture.class).containerEvents().assertThatEvents().haveExactly(1, event(container(),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(m -> m.contains("static field")))));
    }

    @Test
    void annotationAndRegisteredExtensionTogetherAreRefused() {
        run(BothFixture.class).containerEvents().assertThatEvents().haveExactly(1, event(container(),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(m -> m.contains("use one of them")))));
    }

    @Test
    void testsSharingAServerRunOneAtATimeEvenWhenJUnitRunsMethodsConcurrently() {
        ConcurrentFixture.inside.set(0);
        ConcurrentFixture.mostInside.set(0);

        run(ConcurrentFixture.class, Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"))
                .testEvents().assertStatistics(stats -> stats.started(6).succeeded(6));

        assertThat(ConcurrentFixture.mostInside).hasValue(1);
    }

    @Test
    void aFailedTestDoesNotLeakIntoTheNext() {
        run(FailingFixture.class).testEvents().assertStatistics(stats -> stats.started(4).failed(2).succeeded(2));
    }

    @Test
    void aClientTheMockRefusesToSeedFailsTheClassWithTheReason() {
        run(BadSeedFixture.class).containerEvents().assertThatEvents().haveExactly(1, event(container(),
                finishedWithFailure(message(m -> m.contains("HTTP 400") && m.contains("must be absolute")))));
    }

    @Test
    void staticFieldsAreSetBeforeOtherExtensionsPrepareTheTestInstanceAsSpringDoes() {
        ReadsStaticFieldLikeSpring.seen.clear();

        run(SpringLikeFixture.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        run(SpringLikePerClassInstanceFixture.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));

        assertThat(ReadsStaticFieldLikeSpring.seen).hasSize(2).allSatisfy(url -> assertThat(url).startsWith("http://localhost:"));
    }

    @Test
    void aFreshServerPerTestDoesNotParseTheSpecAgain() {
        run(PerMethodFixture.class); // the spec and validator are parsed and built once per JVM, here at the latest

        java.time.Duration median = LifecycleCostBenchmark.percentile(LifecycleCostBenchmark.measure(TenFreshServers.class, 10), 50);

        // a fresh server takes ~20 ms; parsing the bundled spec alone takes seconds
        assertThat(median).isLessThan(java.time.Duration.ofMillis(750));
    }

    // ------------------------------------------------------------------ fixtures

    /** Like SpringExtension: prepares the test instance (there Spring starts the context and reads @DynamicPropertySource). */
    static class ReadsStaticFieldLikeSpring implements org.junit.jupiter.api.extension.TestInstancePostProcessor {
        static final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void postProcessTestInstance(Object testInstance, org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
            AuthleteMock mock = (AuthleteMock) context.getRequiredTestClass().getDeclaredField("authlete").get(null);
            seen.add(mock.baseUrl());
        }
    }

    @AuthleteMockTest
    @org.junit.jupiter.api.extension.ExtendWith(ReadsStaticFieldLikeSpring.class)
    static class SpringLikeFixture {
        static AuthleteMock authlete;

        @Test
        void test(AuthleteMock mock) {
            assertThat(authlete).isSameAs(mock);
        }
    }

    @AuthleteMockTest
    @org.junit.jupiter.api.extension.ExtendWith(ReadsStaticFieldLikeSpring.class)
    @org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
    static class SpringLikePerClassInstanceFixture {
        static AuthleteMock authlete;

        @Test
        void test(AuthleteMock mock) {
            assertThat(authlete).isSameAs(mock);
        }
    }

    @AuthleteMockTest(lifecycle = ServerLifecycle.PER_METHOD)
    static class TenFreshServers {
        @RepeatedTest(10)
        void test(AuthleteMock mock) {
            assertThat(mock.calls()).isEmpty();
        }
    }

    @AuthleteMockTest
    static class PerClassFixture {
        static final List<AuthleteMock> seen = new CopyOnWriteArrayList<>();

        @RepeatedTest(3)
        void test(AuthleteMock mock) {
            seen.add(mock);
            assertThat(MockInternals.of(mock.server()).defaultService().clients()).isEmpty();
            mock.createConfidentialClient();
        }
    }

    @AuthleteMockTest(lifecycle = ServerLifecycle.PER_METHOD)
    static class PerMethodFixture {
        static final List<AuthleteMock> seen = new CopyOnWriteArrayList<>();
        AuthleteMock field;
        AuthleteMock fromBeforeEach;

        @BeforeEach
        void setUp(AuthleteMock mock) {
            fromBeforeEach = mock;
        }

        @RepeatedTest(3)
        void repeated(AuthleteMock mock) {
            check(mock);
        }

        @Test
        void single(AuthleteMock mock) {
            check(mock);
        }

        private void check(AuthleteMock mock) {
            seen.add(mock);
            assertThat(mock).isSameAs(field).isSameAs(fromBeforeEach);
            assertThat(mock.server().isRunning()).isTrue();
            assertThat(MockInternals.of(mock.server()).defaultService().clients()).isEmpty();
            mock.createConfidentialClient();
        }
    }

    @AuthleteMockTest(lifecycle = ServerLifecycle.PER_METHOD)
    static class PerMethodBeforeAllFixture {
        @BeforeAll
        static void setUp(AuthleteMock mock) {
        }

        @Test
        void test() {
        }
    }

    @AuthleteMockTest(lifecycle = ServerLifecycle.PER_METHOD)
    static class PerMethodStaticFieldFixture {
        static AuthleteMock mock;

        @Test
        void test() {
        }
    }

    @AuthleteMockTest
    static class BothFixture {
        @RegisterExtension
        static AuthleteMockExtension extension = AuthleteMockExtension.builder().build();

        @Test
        void test() {
        }
    }

    @AuthleteMockTest
    @Execution(ExecutionMode.CONCURRENT)
    static class ConcurrentFixture {
        static final AtomicInteger inside = new AtomicInteger();
        static final AtomicInteger mostInside = new AtomicInteger();

        @RepeatedTest(6)
        void test(AuthleteMock mock) throws InterruptedException {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                assertThat(MockInternals.of(mock.server()).defaultService().clients()).isEmpty();
                RegisteredClient mine = mock.createConfidentialClient();
                Thread.sleep(30);
                assertThat(MockInternals.of(mock.server()).defaultService().clients()).extracting(ClientConfig::clientId).containsExactly(mine.id());
            } finally {
                inside.decrementAndGet();
            }
        }
    }

    @AuthleteMockTest
    static class FailingFixture {
        @RepeatedTest(4)
        void everyOtherFails(AuthleteMock mock, org.junit.jupiter.api.RepetitionInfo repetition) {
            assertThat(MockInternals.of(mock.server()).defaultService().clients()).isEmpty();
            assertThat(mock.calls()).isEmpty();
            mock.createConfidentialClient();
            mock.authleteApi().getClientList();
            mock.onNext("auth_token_api").respond(500);
            assertThat(repetition.getCurrentRepetition() % 2).isZero();
        }
    }

    @AuthleteMockTest
    @SeedClient(name = "broken", redirectUris = "relative/path")
    static class BadSeedFixture {
        @Test
        void test() {
        }
    }
}
