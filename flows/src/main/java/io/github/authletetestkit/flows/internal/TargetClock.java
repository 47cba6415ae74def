package io.github.authletetestkit.flows.internal;

import java.time.Duration;

/** Lets the target's time pass (a polling interval): a mock moves its clock, a live target is waited for. */
@FunctionalInterface
public interface TargetClock {

    /** Waits for real: for targets whose clock nobody controls. */
    TargetClock REAL = duration -> Thread.sleep(duration);

    void elapse(Duration duration) throws InterruptedException;
}
