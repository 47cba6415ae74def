package io.github.authletetestkit.mock.internal.http;

import com.github.tomakehurst.wiremock.store.InMemoryRequestJournalStore;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * WireMock's request journal ({@code /__admin/requests}, {@code verify}), which also lists the requests
 * {@link ApiFastLane} answered without WireMock. Those come as suppliers of their serve events, made only when
 * the journal is read: building WireMock's copy of every request was a tenth of the mock's CPU. Kept in the
 * order they were answered, with WireMock's own events; at most {@code kept} of them.
 */
final class LaterJournalStore implements RequestJournalStore {

    private final InMemoryRequestJournalStore events = new InMemoryRequestJournalStore();
    /** Newest first, as in WireMock's store. */
    private final Deque<Supplier<ServeEvent>> later = new ArrayDeque<>();
    private final int kept;

    /** @param kept how many events the journal keeps (WireMock trims only the events it adds itself) */
    LaterJournalStore(int kept) {
        this.kept = kept;
    }

    /** A request answered in front of WireMock, to be listed as its serve event once someone reads the journal. */
    synchronized void addLater(Supplier<ServeEvent> event) {
        later.addFirst(event);
        if (later.size() > kept) {
            later.removeLast();
        }
    }

    /** The events waiting to be made, made and put in order among the others, the oldest past {@code kept} dropped. */
    private void settle() {
        if (later.isEmpty()) {
            return;
        }
        while (!later.isEmpty()) {
            events.add(later.removeLast().get());
        }
        while (events.getAllKeys().count() > kept) {
            events.removeLast();
        }
    }

    @Override
    public synchronized void add(ServeEvent event) {
        settle();
        events.add(event);
    }

    @Override
    public synchronized Stream<ServeEvent> getAll() {
        settle();
        return events.getAll().toList().stream();
    }

    @Override
    public synchronized void removeLast() {
        settle();
        events.removeLast();
    }

    @Override
    public synchronized Stream<UUID> getAllKeys() {
        settle();
        return events.getAllKeys().toList().stream();
    }

    @Override
    public synchronized Optional<ServeEvent> get(UUID id) {
        settle();
        return events.get(id);
    }

    @Override
    public synchronized void put(UUID id, ServeEvent event) {
        settle();
        events.put(id, event);
    }

    @Override
    public synchronized void remove(UUID id) {
        settle();
        events.remove(id);
    }

    @Override
    public synchronized void clear() {
        later.clear();
        events.clear();
    }
}
