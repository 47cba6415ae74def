package io.github.authletetestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.internal.journal.CallJournal;
import io.github.authletetestkit.mock.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallLogTest {

    private static final RecordedCall CALL = new RecordedCall(Instant.parse("2026-01-01T00:00:00Z"), "auth_token_api", "POST",
            "/api/1/auth/token", null, 200, "OK", "A050001", 1_500);

    private static String written(CallLog format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.writer(new PrintStream(out, true, StandardCharsets.UTF_8)).accept(CALL);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textLineNamesOperationStatusActionAndDuration() {
        assertThat(written(CallLog.TEXT)).isEqualTo("2026-01-01T00:00:00Z POST /api/1/auth/token auth_token_api -> 200 OK 1.5 ms\n");
    }

    @Test
    void jsonLineIsOneObjectPerCall() {
        var line = Json.parse(written(CallLog.JSON).trim());

        assertThat(line.get("operation").asText()).isEqualTo("auth_token_api");
        assertThat(line.get("status").asInt()).isEqualTo(200);
        assertThat(line.get("action").asText()).isEqualTo("OK");
        assertThat(line.get("durationMs").asDouble()).isEqualTo(1.5);
    }

    @Test
    void noneWritesNothing() {
        assertThat(written(CallLog.NONE)).isEmpty();
    }

    @Test
    void journalHandsEveryCallToItsListenerEvenWhenItKeepsNone() {
        CallJournal journal = new CallJournal(0);
        StringBuilder seen = new StringBuilder();
        journal.onCall(call -> seen.append(call.operationId()));

        journal.record(CALL);

        assertThat(seen).hasToString("auth_token_api");
        assertThat(journal.calls()).isEmpty();
        assertThat(journal.keepsCalls()).isFalse();
    }

    @Test
    void journalKeepsOnlyTheNewestCalls() {
        CallJournal journal = new CallJournal(2);
        for (int i = 0; i < 5; i++) {
            journal.record(new RecordedCall(Instant.EPOCH, "op" + i, "GET", "/", null, 200, null, null, 1));
        }

        assertThat(journal.calls()).extracting(RecordedCall::operationId).containsExactly("op3", "op4");
    }
}
