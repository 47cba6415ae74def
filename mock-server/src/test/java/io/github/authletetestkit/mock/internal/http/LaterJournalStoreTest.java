package io.github.authletetestkit.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** WireMock's journal store with events made only when read: in answer order among WireMock's own, bounded. */
class LaterJournalStoreTest {

    private static ServeEvent event(String url) {
        return ServeEvent.of(ImmutableRequest.create().withAbsoluteUrl("http://localhost" + url).withMethod(RequestMethod.GET).build());
    }

    @Test
    void laterEventsAreMadeOnlyWhenTheJournalIsRead() {
        LaterJournalStore store = new LaterJournalStore(5);
        AtomicInteger made = new AtomicInteger();
        store.addLater(() -> {
            made.incrementAndGet();
            return event("/api/1");
        });

        assertThat(made).hasValue(0);
        assertThat(store.getAll()).extracting(e -> e.getRequest().getUrl()).containsExactly("/api/1");
        assertThat(store.getAll()).hasSize(1);
        assertThat(made).as("made once").hasValue(1);
    }

    @Test
    void laterAndWireMocksOwnEventsStayInTheOrderTheyCameNewestFirst() {
        LaterJournalStore store = new LaterJournalStore(10);
        store.addLater(() -> event("/api/1"));
        store.add(event("/wiremock/2"));
        store.addLater(() -> event("/api/3"));
        store.addLater(() -> event("/api/4"));

        assertThat(store.getAll()).extracting(e -> e.getRequest().getUrl()).containsExactly("/api/4", "/api/3", "/wiremock/2", "/api/1");
    }

    @Test
    void onlyTheNewestAreKept() {
        LaterJournalStore store = new LaterJournalStore(3);
        AtomicInteger made = new AtomicInteger();
        for (int i = 1; i <= 6; i++) {
            String url = "/api/" + i;
            Supplier<ServeEvent> later = () -> {
                made.incrementAndGet();
                return event(url);
            };
            store.addLater(later);
        }

        assertThat(store.getAllKeys()).hasSize(3);
        assertThat(store.getAll()).extracting(e -> e.getRequest().getUrl()).containsExactly("/api/6", "/api/5", "/api/4");
        assertThat(made).as("the dropped ones are never made").hasValue(3);
    }

    @Test
    void removingAndClearingReachLaterEventsToo() {
        LaterJournalStore store = new LaterJournalStore(5);
        store.addLater(() -> event("/api/1"));
        store.addLater(() -> event("/api/2"));
        ServeEvent second = store.getAll().findFirst().orElseThrow();

        store.remove(second.getId());
        assertThat(store.get(second.getId())).isEmpty();
        assertThat(store.getAll()).extracting(e -> e.getRequest().getUrl()).containsExactly("/api/1");

        store.addLater(() -> event("/api/3"));
        store.clear();
        assertThat(store.getAll()).isEmpty();
    }
}
