package io.github.authletetestkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.RecordedCall;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.journal.CallJournal;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.StrictMockTest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The call journal is bounded in the bytes of the bodies it keeps, not only in the number of calls. */
class JournalMemoryTest extends StrictMockTest {

    private static final int BODY_CHARS = 900_000;
    private static final int CALLS = (int) (CallJournal.DEFAULT_MAX_BYTES / BODY_CHARS) + 8;

    private Driver api;

    @BeforeAll
    void driver() {
        api = Driver.of(mock.baseUrl(), mock.serviceId(), mock.serviceToken());
    }

    @Test
    void largeBodiesBeyondTheByteBoundPushOutTheOldestCalls() {
        String padding = "x".repeat(BODY_CHARS);
        for (int i = 0; i < CALLS; i++) {
            HttpReply reply = api.send("POST", "/api/" + api.serviceId() + "/auth/introspection", "application/json",
                    "{\"token\":\"call-" + i + "\",\"padding\":\"" + padding + "\"}");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }

        List<RecordedCall> kept = MockInternals.of(mock).journal().callsOf("auth_introspection_api");
        assertThat(MockInternals.of(mock).journal().bytes()).isLessThanOrEqualTo(CallJournal.DEFAULT_MAX_BYTES);
        assertThat(kept).hasSizeLessThan(CALLS).isNotEmpty();
        assertThat(kept.getLast().bodyField("token")).isEqualTo("call-" + (CALLS - 1));
    }
}
