package io.github.authletetestkit.mock.internal.journal;

import io.github.authletetestkit.mock.RecordedCall;
import io.github.authletetestkit.mock.coverage.CoverageCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The most recent calls, in order, bounded in number and in the bytes of their bodies so that a long-running
 * mock does not grow; and a hook per call.
 */
public final class CallJournal {

    /** The default bound on the bodies kept: 32 MiB. */
    public static final long DEFAULT_MAX_BYTES = 32L << 20;

    private final int capacity;
    private final long maxBytes;
    private final ConcurrentLinkedDeque<Kept> calls = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private volatile Consumer<RecordedCall> listener = call -> {};
    private final CoverageCounter coverage = new CoverageCounter();

    public CallJournal(int capacity) {
        this(capacity, DEFAULT_MAX_BYTES);
    }

    /** Keeps at most {@code capacity} calls whose request bodies weigh at most {@code maxBytes} together. */
    public CallJournal(int capacity, long maxBytes) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    public void record(RecordedCall call) {
        if (capacity > 0) {
            Kept kept = new Kept(call, weight(call));
            calls.addLast(kept);
            size.incrementAndGet();
            bytes.addAndGet(kept.bytes());
            while (size.get() > capacity || bytes.get() > maxBytes) {
                Kept oldest = calls.pollFirst();
                if (oldest == null) {
                    break;
                }
                size.decrementAndGet();
                bytes.addAndGet(-oldest.bytes());
            }
        }
        coverage.record(call.operationId(), call.action(), call.resultCode());
        listener.accept(call);
    }

    /** Every call recorded, counted by operation, action and result code; unlike the calls, neither bounded nor {@link #clear() cleared}. */
    public CoverageCounter coverage() {
        return coverage;
    }

    /** The bytes of the request bodies kept (as JSON text, about what they weighed on the wire). */
    public long bytes() {
        return bytes.get();
    }

    private static long weight(RecordedCall call) {
        return call.requestBody() == null ? 0 : call.requestBody().toString().length();
    }

    private record Kept(RecordedCall call, long bytes) {}

    /** Called for every call as it is recorded (for logs); replaces the previous listener. */
    public void onCall(Consumer<RecordedCall> newListener) {
        this.listener = Objects.requireNonNull(newListener);
    }

    /** Whether calls are kept (capacity above 0), so that recording their bodies is worth it. */
    public boolean keepsCalls() {
        return capacity > 0;
    }

    public List<RecordedCall> calls() {
        return calls.stream().map(Kept::call).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    public List<RecordedCall> calls(Predicate<RecordedCall> which) {
        return calls.stream().map(Kept::call).filter(which).toList();
    }

    /** The calls of one operation, by its operationId. */
    public List<RecordedCall> callsOf(String operationId) {
        return calls(c -> operationId.equals(c.operationId()));
    }

    public int count(String operationId) {
        return callsOf(operationId).size();
    }

    public void clear() {
        calls.clear();
        size.set(0);
        bytes.set(0);
    }
}
