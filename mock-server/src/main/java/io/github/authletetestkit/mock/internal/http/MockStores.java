package io.github.authletetestkit.mock.internal.http;

import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;

/** WireMock's stores, with a request journal that also lists the requests {@link ApiFastLane} answered. */
public final class MockStores extends DefaultStores {

    private final LaterJournalStore journal;

    /** @param kept how many requests WireMock's journal keeps */
    public MockStores(FileSource files, int kept) {
        super(files);
        this.journal = new LaterJournalStore(kept);
    }

    @Override
    public RequestJournalStore getRequestJournalStore() {
        return journal;
    }

    LaterJournalStore laterJournal() {
        return journal;
    }
}
