package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.authletetestkit.junit.AuthleteMock;
import io.github.authletetestkit.junit.AuthleteMockTest;
import io.github.authletetestkit.junit.ServerLifecycle;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

/** A fresh mock per test on JUnit 5.10. */
@AuthleteMockTest(lifecycle = ServerLifecycle.PER_METHOD)
class FreshServerPerTestTest {

    @RepeatedTest(2)
    void everyTestHasItsOwnEmptyServer(AuthleteMock mock) {
        assertTrue(mock.control().calls("client_create_api").isEmpty());
        assertEquals(Duration.ZERO, mock.control().clock().offset());
        mock.createConfidentialClient();
        mock.advanceClock(Duration.ofDays(1));
        mock.control().verify("client_create_api", 1);
    }
}
