package io.github.authletetestkit.mock.internal.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.RecordedCall;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A call recorded after its caller was answered is seen by every read that starts after it was handed over. */
@Timeout(20)
class CallJournalLaterTest {

    /** A recording that ends only once {@code release} opens. */
    private static void recordWhenReleased(CallJournal journal, CountDownLatch release, String operationId) {
        journal.recordLater(() -> {
            await(release);
            return call(operationId);
        });
    }

    private static RecordedCall call(String operationId) {
        return new RecordedCall(Instant.parse("2026-01-01T00:00:00Z"), operationId, "POST", "/api/1/auth/token", null, 200, "OK", "A050001", 10);
    }

    @Test
    void theRecordingRunsOffTheCallersThreadAndEveryReadWaitsForIt() throws Exception {
        CallJournal journal = new CallJournal(10);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> recordedOn = new AtomicReference<>();
        journal.recordLater(() -> {
            recordedOn.set(Thread.currentThread().getName());
            await(release);
            return call("auth_token_api");
        });
        assertThat(journal.pending()).isEqualTo(1);

        CompletableFuture<List<RecordedCall>> read = CompletableFuture.supplyAsync(journal::calls);
        CompletableFuture<Integer> counted = CompletableFuture.supplyAsync(() -> journal.coverage().counts().size());
        Thread.sleep(100);
        assertThat(read).as("the read waits for the pending recording").isNotDone();
        assertThat(counted).isNotDone();

        release.countDown();
        assertThat(read.get(5, TimeUnit.SECONDS)).extracting(RecordedCall::operationId).containsExactly("auth_token_api");
        assertThat(counted.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(recordedOn.get()).isEqualTo("authlete-mock-journal");
        assertThat(journal.pending()).isZero();
    }

    @Test
    void callsKeepTheOrderTheyWereAnsweredInWhateverOrderTheirRecordingsFinish() {
        CallJournal journal = new CallJournal(10);
        CountDownLatch release = new CountDownLatch(1);
        recordWhenReleased(journal, release, "first_api");
        journal.recordLater(() -> call("second_api"));
        journal.record(call("third_api"));
        while (journal.pending() > 1) {
            Thread.onSpinWait();
        }
        release.countDown();

        assertThat(journal.calls()).extracting(RecordedCall::operationId).containsExactly("first_api", "second_api", "third_api");
    }

    @Test
    void aPlaceTheBoundsPushOutBeforeItsRecordingEndsStaysOut() {
        CallJournal journal = new CallJournal(2);
        CountDownLatch release = new CountDownLatch(1);
        recordWhenReleased(journal, release, "slow_api");
        journal.record(call("a_api"));
        journal.record(call("b_api"));
        journal.record(call("c_api"));
        release.countDown();

        assertThat(journal.calls()).extracting(RecordedCall::operationId).containsExactly("b_api", "c_api");
        assertThat(journal.coverage().counts()).as("counted all the same").hasSize(4);
    }

    @Test
    void clearWaitsForPendingRecordingsSoThatNoneLandsAfterIt() {
        CallJournal journal = new CallJournal(10);
        CountDownLatch release = new CountDownLatch(1);
        recordWhenReleased(journal, release, "auth_token_api");
        CompletableFuture<Void> cleared = CompletableFuture.runAsync(journal::clear);
        release.countDown();
        cleared.join();

        assertThat(journal.calls()).isEmpty();
        assertThat(journal.bytes()).isZero();
    }

    @Test
    void aRecordingThatFailsLeavesNoEntryAndHoldsNoReaderUp() {
        CallJournal journal = new CallJournal(10);
        journal.recordLater(() -> {
            throw new IllegalStateException("broken");
        });
        journal.recordLater(() -> call("auth_introspection_api"));

        assertThat(journal.calls()).extracting(RecordedCall::operationId).containsExactly("auth_introspection_api");
        assertThat(journal.pending()).isZero();
    }

    @Test
    void aListenerThatReadsTheJournalDoesNotWaitForItself() {
        CallJournal journal = new CallJournal(10);
        AtomicReference<Integer> seenByListener = new AtomicReference<>();
        journal.onCall(recorded -> seenByListener.set(journal.calls().size()));

        journal.recordLater(() -> call("auth_token_api"));

        assertThat(journal.calls()).hasSize(1);
        assertThat(seenByListener.get()).isEqualTo(1);
    }

    @Test
    void pastTheBoundOfPendingRecordingsACallIsRecordedAtOnceOnTheCallersThread() {
        CallJournal journal = new CallJournal(CallJournal.MAX_PENDING + 10);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < CallJournal.MAX_PENDING; i++) {
            recordWhenReleased(journal, release, "auth_token_api");
        }
        AtomicReference<String> recordedOn = new AtomicReference<>();
        journal.recordLater(() -> {
            recordedOn.set(Thread.currentThread().getName());
            return call("auth_introspection_api");
        });
        assertThat(recordedOn.get()).isEqualTo(Thread.currentThread().getName());
        assertThat(journal.pending()).isEqualTo(CallJournal.MAX_PENDING);

        release.countDown();
        assertThat(journal.calls()).hasSize(CallJournal.MAX_PENDING + 1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
