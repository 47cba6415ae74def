package io.github.authletetestkit.junit;

import io.github.authletetestkit.junit.examples.parallel.SideBySide;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two app test classes (examples/parallel) with parallel execution on: they run at the same time — each
 * waits for the other — and each sees only its own clients and calls.
 */
class ParallelExecutionTest {

    @Test
    void twoTestClassesRunSideBySideEachWithItsOwnMock() {
        SideBySide.runBoth(Map.of());
    }
}
