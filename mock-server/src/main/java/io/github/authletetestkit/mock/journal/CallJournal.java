package io.github.authletetestkit.mock.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The most recent calls, in order, bounded so that a long-running mock does not grow; and a hook per call. */
public final class CallJournal {

    private final int capacity;
    private final ConcurrentLinkedDeque<RecordedCall> calls = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private volatile Consumer<RecordedCall> listener = call -> {};

    public CallJournal(int capacity) {
        this.capacity = capacity;
    }

    public void record(RecordedCall call) {
        if (capacity > 0) {
            calls.addLast(call);
            if (size.incrementAndGet() > capacity && calls.pollFirst() != null) {
                size.decrementAndGet();
            }
        }
        listener.accept(call);
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
        return new ArrayList<>(calls);
    }

    public List<RecordedCall> calls(Predicate<RecordedCall> which) {
        return calls.stream().filter(which).toList();
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
    }
}
