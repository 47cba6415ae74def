package io.github.authletetestkit.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.authletetestkit.junit.examples.parallel.SideBySide;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Two app test classes (examples/parallel) with parallel execution on: they run at the same time — each
 * waits for the other — and each sees only its own clients and calls.
 */
class ParallelExecutionTest {

    @Test
    void twoTestClassesRunSideBySideEachWithItsOwnMock() {
        SideBySide.expectTwo();
        try {
            EngineTestKit.engine("junit-jupiter")
                    .configurationParameters(Map.of(
                            "junit.jupiter.execution.parallel.enabled", "true",
                            "junit.jupiter.execution.parallel.mode.default", "same_thread",
                            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                            "junit.jupiter.execution.parallel.config.strategy", "fixed",
                            "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"))
                    .selectors(selectClass("io.github.authletetestkit.junit.examples.parallel.ShopServerTest"),
                            selectClass("io.github.authletetestkit.junit.examples.parallel.BankServerTest"))
                    .execute()
                    .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        } finally {
            SideBySide.reset();
        }
    }
}
