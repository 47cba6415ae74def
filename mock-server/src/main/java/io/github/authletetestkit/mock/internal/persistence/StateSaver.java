package io.github.authletetestkit.mock.internal.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Saves the mock's state to its file every interval and once more when stopped. A failed save is logged and
 * retried at the next interval: a full disk must not take the mock down.
 */
public final class StateSaver {

    private static final Logger LOG = Logger.getLogger(StateSaver.class.getName());

    private final Supplier<JsonNode> state;
    private final StateFile file;
    private final Duration interval;
    private ScheduledFuture<?> schedule;

    public StateSaver(Supplier<JsonNode> state, StateFile file, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the save interval must be positive: " + interval);
        }
        this.state = state;
        this.file = file;
        this.interval = interval;
    }

    public synchronized void start(ScheduledExecutorService scheduler) {
        if (schedule == null) {
            long millis = interval.toMillis();
            schedule = scheduler.scheduleWithFixedDelay(this::save, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the interval and saves a last time; false when that save failed. */
    public synchronized boolean stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
        return save();
    }

    /** Saves now; false (and logged) when the file could not be written. */
    public synchronized boolean save() {
        try {
            file.write(state.get());
            return true;
        } catch (Exception e) {
            LOG.warning("Could not save the mock's state to " + file.path() + ": " + e);
            return false;
        }
    }
}
