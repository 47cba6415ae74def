package io.github.authletetestkit.mock.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.MockServerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One strict mock per test class, back to its seed after every test. Strict mode answers 500 instead of
 * a response that violates the spec, and every test also fails when one was written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StrictMockTest {

    protected AuthleteMockServer mock;

    @BeforeAll
    void startStrictMock() {
        mock = settings().strict(true).build().start();
    }

    /** The mock's settings before strict mode is switched on; a class that needs others overrides this. */
    protected MockServerSettings.Builder settings() {
        return AuthleteMockServer.builder();
    }

    @AfterEach
    void noSpecViolationsThenReset() {
        try {
            assertThat(mock.specViolations()).as("responses that violate the spec").isEmpty();
        } finally {
            mock.reset();
        }
    }

    @AfterAll
    void stopStrictMock() {
        mock.stop();
    }
}
