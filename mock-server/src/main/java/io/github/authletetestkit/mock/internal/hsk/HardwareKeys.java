package io.github.authletetestkit.mock.internal.hsk;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** The HSM keys of one service, by handle; each change is one atomic map operation. */
public final class HardwareKeys {

    private record Entry(long order, HardwareKey key) {}

    private final ConcurrentMap<String, Entry> byHandle = new ConcurrentHashMap<>();
    private final AtomicLong created = new AtomicLong();

    public void add(HardwareKey key) {
        if (byHandle.putIfAbsent(key.handle(), new Entry(created.incrementAndGet(), key)) != null) {
            throw new IllegalStateException("a key with this handle exists already");
        }
    }

    public Optional<HardwareKey> get(String handle) {
        return Optional.ofNullable(handle == null ? null : byHandle.get(handle)).map(Entry::key);
    }

    /** The key removed; empty when there was none (or a concurrent caller removed it first). */
    public Optional<HardwareKey> remove(String handle) {
        return Optional.ofNullable(handle == null ? null : byHandle.remove(handle)).map(Entry::key);
    }

    /** Every key, oldest first. */
    public List<HardwareKey> list() {
        return byHandle.values().stream().sorted(Comparator.comparingLong(Entry::order)).map(Entry::key).toList();
    }
}
