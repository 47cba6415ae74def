package io.github.authletetestkit.junit;

import io.github.authletetestkit.junit.examples.parallel.SideBySide;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Two app test classes (examples/parallel) with parallel execution on: they run at the same time — each
 * waits for the other — and each sees only its own clients and calls.
 */
@ResourceLock(SideBySide.LOCK)
class ParallelExecutionTest {

    @Test
    void twoTestClassesRunSideBySideEachWithItsOwnMock() {
        SideBySide.runBoth(Map.of());
    }
}
