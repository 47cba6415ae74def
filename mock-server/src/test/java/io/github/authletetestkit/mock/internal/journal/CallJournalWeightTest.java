package io.github.authletetestkit.mock.internal.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.RecordedCall;
import io.github.authletetestkit.mock.model.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A kept call weighs the texts of its bodies; the journal drops the oldest calls past its byte bound. */
class CallJournalWeightTest {

    private static RecordedCall call(String requestText, String responseBody) {
        return new RecordedCall(Instant.EPOCH, "auth_token_api", "POST", "/api/1/auth/token",
                requestText == null ? null : Json.parse(requestText), 200, "OK", "A050001", 1,
                new RecordedCall.Wire("", "application/json", null, requestText, responseBody, List.of()));
    }

    @Test
    void aCallWeighsTheTextsItCameAndWentWith() {
        assertThat(CallJournal.weight(call("{\"a\": 1}", "{\"resultCode\":\"x\"}"))).isEqualTo(8 + 18);
        assertThat(CallJournal.weight(call(null, null))).isZero();
    }

    @Test
    void withoutWireTextsTheRequestTreeIsWeighedAsWritten() {
        RecordedCall bare = new RecordedCall(Instant.EPOCH, "auth_token_api", "POST", "/p", Json.parse("{\"a\": 1}"), 200, null, null, 1);

        assertThat(CallJournal.weight(bare)).isEqualTo("{\"a\":1}".length());
    }

    @Test
    void theOldestCallsGoOnceTheBodiesWeighMoreThanTheBound() {
        CallJournal journal = new CallJournal(100, 100);
        String response = "x".repeat(40);
        for (int i = 0; i < 5; i++) {
            journal.record(call("{\"n\":" + i + "}", response));
        }

        assertThat(journal.bytes()).isLessThanOrEqualTo(100);
        assertThat(journal.calls()).hasSize(2);
        assertThat(journal.calls().get(journal.calls().size() - 1).requestBody().get("n").asInt()).isEqualTo(4);
    }
}
