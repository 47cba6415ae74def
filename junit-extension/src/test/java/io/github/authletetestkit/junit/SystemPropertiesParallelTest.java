package io.github.authletetestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code systemProperties = true} with parallel test classes: system properties exist once per JVM, so a class that
 * publishes them must hold JUnit's system-properties lock; without it the extension refuses, with the fix.
 */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class SystemPropertiesParallelTest {

    private static final Map<String, String> CLASSES_IN_PARALLEL = Map.of(
            SystemPropertiesGuard.PARALLEL_ENABLED, "true",
            SystemPropertiesGuard.MODE_DEFAULT, "same_thread",
            SystemPropertiesGuard.MODE_CLASSES_DEFAULT, "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

    @Test
    void aConcurrentClassWithoutTheLockIsRefusedWithTheFix() {
        LifecycleTest.run(Unlocked.class, CLASSES_IN_PARALLEL).containerEvents().assertThatEvents().haveExactly(1,
                event(container(Unlocked.class), finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(m -> m.contains("systemProperties = true") && m.contains("@ResourceLock(Resources.SYSTEM_PROPERTIES)")))));
    }

    @Test
    void perMethodServersOfConcurrentTestsAreRefusedToo() {
        LifecycleTest.run(PerMethodConcurrent.class, Map.of(SystemPropertiesGuard.PARALLEL_ENABLED, "true"))
                .testEvents().assertThatEvents().haveExactly(2,
                        event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class))));
    }

    @Test
    void withoutParallelExecutionNothingChanges() {
        LifecycleTest.run(Unlocked.class, Map.of(SystemPropertiesGuard.PARALLEL_ENABLED, "false"))
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        LifecycleTest.run(Unlocked.class, Map.of(SystemPropertiesGuard.PARALLEL_ENABLED, "true",
                        SystemPropertiesGuard.MODE_CLASSES_DEFAULT, "same_thread"))
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void lockedClassesInParallelEachSeeTheirOwnMockThroughoutTheirTests() {
        Published.seen.clear();

        EngineTestKit.engine("junit-jupiter").configurationParameters(CLASSES_IN_PARALLEL)
                .selectors(selectClass(LockedA.class), selectClass(LockedB.class), selectClass(IsolatedC.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(9).succeeded(9));

        assertThat(Published.seen).hasSize(9);
    }

    /** Three tests that each check, twice, that the system properties are their own mock's. */
    abstract static class Published {
        static final List<String> seen = new CopyOnWriteArrayList<>();

        @Test
        void one(AuthleteMock mock) {
            check(mock);
        }

        @Test
        void two(AuthleteMock mock) {
            check(mock);
        }

        @Test
        void three(AuthleteMock mock) {
            check(mock);
        }

        private static void check(AuthleteMock mock) {
            assertThat(System.getProperty(AuthleteMock.PROPERTY_BASE_URL)).isEqualTo(mock.baseUrl());
            assertThat(System.getProperty(AuthleteMock.PROPERTY_BASE_URL)).isEqualTo(mock.baseUrl());
            seen.add(mock.baseUrl());
        }
    }

    @AuthleteMockTest(systemProperties = true)
    static class Unlocked {
        @Test
        void reads(AuthleteMock mock) {
            assertThat(System.getProperty(AuthleteMock.PROPERTY_BASE_URL)).isEqualTo(mock.baseUrl());
        }
    }

    @AuthleteMockTest(systemProperties = true, lifecycle = ServerLifecycle.PER_METHOD)
    @Execution(ExecutionMode.CONCURRENT)
    static class PerMethodConcurrent {
        @Test
        void one(AuthleteMock mock) {
        }

        @Test
        void two(AuthleteMock mock) {
        }
    }

    @AuthleteMockTest(systemProperties = true)
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    static class LockedA extends Published {
    }

    @AuthleteMockTest(systemProperties = true)
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    static class LockedB extends Published {
    }

    @AuthleteMockTest(systemProperties = true)
    @Isolated
    static class IsolatedC extends Published {
    }
}
