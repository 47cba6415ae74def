package io.github.authletetestkit.contract.internal;

import io.github.authletetestkit.contract.internal.report.Masker;
import io.github.authletetestkit.contract.internal.target.PacedCaller;
import io.github.authletetestkit.flows.internal.CleanupRegistry;
import io.github.authletetestkit.flows.internal.FlowEnvironment;
import io.github.authletetestkit.flows.internal.LeftoverSweeper;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What an interrupted run (Ctrl-C, kill) does, once, from the shutdown hook: it stops the flows from calling the
 * target, waits for the call under way (whose answer may be a client just created), deletes what the flows registered,
 * then deletes every client named after this run that is still there — so nothing is left behind, whatever instant
 * the interrupt hit, even before the first answer arrived.
 */
final class RunInterruption implements Runnable {

    private final CleanupRegistry registry;
    private final PacedCaller caller;
    private final Masker masker;
    private final String runId;
    private final Duration inFlightWait;
    private final PrintStream err;
    private final AtomicBoolean ran = new AtomicBoolean();

    RunInterruption(CleanupRegistry registry, PacedCaller caller, Masker masker, String runId, Duration inFlightWait, PrintStream err) {
        this.registry = registry;
        this.caller = caller;
        this.masker = masker;
        this.runId = runId;
        this.inFlightWait = inFlightWait;
        this.err = err;
    }

    @Override
    public void run() {
        if (!ran.compareAndSet(false, true)) {
            return;
        }
        caller.closeExceptFor(Thread.currentThread());
        List<String> log = new ArrayList<>();
        try {
            if (!caller.awaitIdle(inFlightWait)) {
                log.add("a call was still under way after " + inFlightWait.toSeconds() + " s; sweeping without its answer");
            }
            log.addAll(registry.runUnclaimed(CleanupRegistry.through(caller)));
            LeftoverSweeper.Result swept = LeftoverSweeper.sweep(caller, false, FlowEnvironment.PREFIX + "-" + runId + "-");
            log.addAll(swept.log());
            log.addAll(swept.failures());
        } catch (IOException e) {
            log.add("the sweep for this run's clients failed: " + e.getMessage() + " (run --cleanup later)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.add("the cleanup was interrupted (run --cleanup later)");
        }
        if (!log.isEmpty()) {
            err.println("Run interrupted: deleted what it had created:");
            log.forEach(line -> err.println("  " + masker.mask(line)));
            err.flush();
        }
    }
}
