package io.github.authletetestkit.mock.internal.journal;

import io.github.authletetestkit.mock.RecordedCall;
import io.github.authletetestkit.mock.coverage.CoverageCounter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The most recent calls, in order, bounded in number and in the bytes of their bodies so that a long-running
 * mock does not grow; and a hook per call. A call may be recorded after its caller was answered
 * ({@link #recordLater}); every read first waits for the recordings pending when it starts, so a reader sees every
 * call answered before it reads.
 */
public final class CallJournal {

    private static final Logger LOG = Logger.getLogger(CallJournal.class.getName());
    /** Recordings pending at most; past it a call is recorded at once, on the caller's thread. */
    static final int MAX_PENDING = 256;

    /** The default bound on the bodies kept: 32 MiB. */
    public static final long DEFAULT_MAX_BYTES = 32L << 20;

    private final int capacity;
    private final long maxBytes;
    /** Oldest first; a call's place is taken when it is answered, so later recordings keep the order of the answers. */
    private final ArrayDeque<Slot> calls = new ArrayDeque<>();
    /** Filled places and their weight; all three guarded by {@code this}. */
    private int size;
    private long bytes;
    private volatile Consumer<RecordedCall> listener = call -> {};
    private final CoverageCounter coverage = new CoverageCounter();
    private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();
    /** The recording the current thread is making: a listener that reads the journal must not wait for itself. */
    private static final ThreadLocal<CompletableFuture<Void>> MAKING = new ThreadLocal<>();

    public CallJournal(int capacity) {
        this(capacity, DEFAULT_MAX_BYTES);
    }

    /** Keeps at most {@code capacity} calls whose bodies weigh at most {@code maxBytes} together ({@link #weight}). */
    public CallJournal(int capacity, long maxBytes) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    public void record(RecordedCall call) {
        fill(reserve(), call);
    }

    /** A place at the end of the journal for a call answered now; null when calls are not kept. */
    private synchronized Slot reserve() {
        if (capacity <= 0) {
            return null;
        }
        Slot slot = new Slot();
        calls.addLast(slot);
        return slot;
    }

    /** Puts the call in its place (unless the bounds pushed the place out meanwhile), then counts it and tells the listener. */
    private void fill(Slot slot, RecordedCall call) {
        if (slot != null) {
            synchronized (this) {
                if (!slot.dropped) {
                    slot.kept = new Kept(call, weight(call));
                    size++;
                    bytes += slot.kept.bytes();
                    while (size > capacity || bytes > maxBytes) {
                        Slot oldest = calls.pollFirst();
                        if (oldest == null) {
                            break;
                        }
                        oldest.dropped = true;
                        if (oldest.kept != null) {
                            size--;
                            bytes -= oldest.kept.bytes();
                        }
                    }
                }
            }
        }
        coverage.record(call.operationId(), call.action(), call.resultCode());
        listener.accept(call);
    }

    /**
     * Records the call {@code call} makes, on a virtual thread of its own, so that the caller's answer does not wait
     * for the work that makes the entry (the mock's check of its own response, say); its place among the calls is
     * taken now. Past {@link #MAX_PENDING} pending recordings, records at once. A {@code call} that throws is logged
     * and leaves no entry.
     */
    public void recordLater(Supplier<RecordedCall> call) {
        Slot slot = reserve();
        if (pending.size() >= MAX_PENDING) {
            recordNow(slot, call);
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.add(done);
        Thread.ofVirtual().name("authlete-mock-journal").start(() -> {
            MAKING.set(done);
            try {
                recordNow(slot, call);
            } finally {
                pending.remove(done);
                done.complete(null);
            }
        });
    }

    private void recordNow(Slot slot, Supplier<RecordedCall> call) {
        try {
            fill(slot, call.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A call could not be recorded", e);
            if (slot != null) {
                synchronized (this) {
                    calls.remove(slot);
                }
            }
        }
    }

    /** Waits for the recordings pending now (not for those that start meanwhile). */
    public void settle() {
        CompletableFuture<Void> own = MAKING.get();
        for (CompletableFuture<Void> recording : List.copyOf(pending)) {
            if (recording != own) {
                recording.join();
            }
        }
    }

    /** How many recordings are pending (a test's view). */
    int pending() {
        return pending.size();
    }

    /** Every call recorded, counted by operation, action and result code; unlike the calls, neither bounded nor {@link #clear() cleared}. */
    public CoverageCounter coverage() {
        settle();
        return coverage;
    }

    /** The bytes of the request bodies kept (as JSON text, about what they weighed on the wire). */
    public long bytes() {
        settle();
        synchronized (this) {
            return bytes;
        }
    }

    /**
     * What a kept call weighs: the texts of its bodies as they came and went (the request's tree weighs about what its
     * text does), or the tree written out when the call came without its wire texts. Writing every tree out again was
     * half the cost of recording a call.
     */
    static long weight(RecordedCall call) {
        RecordedCall.Wire wire = call.wire();
        long request = wire.requestText() != null ? wire.requestText().length()
                : call.requestBody() == null ? 0 : call.requestBody().toString().length();
        return request + (wire.responseBody() == null ? 0 : wire.responseBody().length());
    }

    private record Kept(RecordedCall call, long bytes) {}

    /** A call's place: empty until its entry is made, dropped once the bounds push it out. */
    private static final class Slot {
        Kept kept;
        boolean dropped;
    }

    /** The calls whose entries are made, oldest first. */
    private synchronized List<RecordedCall> made() {
        List<RecordedCall> made = new ArrayList<>(size);
        for (Slot slot : calls) {
            if (slot.kept != null) {
                made.add(slot.kept.call());
            }
        }
        return made;
    }

    /** Called for every call as it is recorded (for logs); replaces the previous listener. */
    public void onCall(Consumer<RecordedCall> newListener) {
        this.listener = Objects.requireNonNull(newListener);
    }

    /** Whether calls are kept (capacity above 0), so that recording their bodies is worth it. */
    public boolean keepsCalls() {
        return capacity > 0;
    }

    public List<RecordedCall> calls() {
        settle();
        return made();
    }

    public List<RecordedCall> calls(Predicate<RecordedCall> which) {
        settle();
        return made().stream().filter(which).toList();
    }

    /** The calls of one operation, by its operationId. */
    public List<RecordedCall> callsOf(String operationId) {
        return calls(c -> operationId.equals(c.operationId()));
    }

    public int count(String operationId) {
        return callsOf(operationId).size();
    }

    public void clear() {
        settle();
        synchronized (this) {
            calls.forEach(slot -> slot.dropped = true);
            calls.clear();
            size = 0;
            bytes = 0;
        }
    }
}
