package io.github.authletetestkit.flows.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Everything a run has created and not yet deleted, as the deletion steps that remove it. A deletion is
 * claimed once: by the flow's own cleanup, by the flow itself when it deletes the resource as one of its
 * steps, or by the shutdown hook when the run is interrupted — whichever comes first. Thread-safe.
 */
public final class CleanupRegistry {

    /** One resource to delete. */
    public static final class Pending {
        private final String description;
        private final Step deletion;
        private final AtomicBoolean claimed = new AtomicBoolean();

        private Pending(String description, Step deletion) {
            this.description = description;
            this.deletion = deletion;
        }

        public String description() {
            return description;
        }

        public Step deletion() {
            return deletion;
        }

        /** True for the one caller that may now delete (or forget) the resource. */
        public boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        public boolean claimed() {
            return claimed.get();
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** Runs one deletion; returns a line for the log. */
    @FunctionalInterface
    public interface Deleter {
        String delete(Pending pending) throws Exception;
    }

    private final List<Pending> pending = new CopyOnWriteArrayList<>();

    /** Deletes straight through the caller: the shutdown hook's way, with no recording. */
    public static Deleter through(ApiCaller caller) {
        return entry -> {
            var exchange = caller.call(entry.deletion().toRequest(caller.servicePath("")));
            return entry.description() + ": HTTP " + exchange.response().status();
        };
    }

    public Pending register(String description, Step deletion) {
        Pending entry = new Pending(description, deletion);
        pending.add(entry);
        return entry;
    }

    /** Deletions no one has claimed yet, newest first. */
    public List<Pending> unclaimed() {
        List<Pending> result = new ArrayList<>();
        for (Pending entry : pending) {
            if (!entry.claimed()) {
                result.add(entry);
            }
        }
        Collections.reverse(result);
        return result;
    }

    /**
     * Claims and runs every unclaimed deletion, newest first (the shutdown hook's path). A deletion that throws
     * is reported in the returned lines and the rest still run.
     */
    public List<String> runUnclaimed(Deleter deleter) {
        List<String> log = new ArrayList<>();
        for (Pending entry : unclaimed()) {
            if (!entry.claim()) {
                continue;
            }
            try {
                log.add(deleter.delete(entry));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.add(entry.description() + ": interrupted");
            } catch (Exception e) {
                log.add(entry.description() + ": " + e);
            }
        }
        return log;
    }
}
