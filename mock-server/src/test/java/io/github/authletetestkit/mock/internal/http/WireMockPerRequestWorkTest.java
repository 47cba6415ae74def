package io.github.authletetestkit.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import org.junit.jupiter.api.Test;

/** What WireMock does per request beneath the mock: nothing whose result nobody reads. */
class WireMockPerRequestWorkTest {

    @Test
    void wireMockBuildsNoLogLinePerRequest() {
        AuthleteMockServer mock = AuthleteMockServer.builder().build();

        // the default notifier is not verbose: the text of each request, definition and response was built for nothing
        assertThat(mock.wireMock().getOptions().notifier().getClass().getSimpleName()).isEqualTo("Slf4jNotifier");
        assertThat(mock.wireMock().getOptions().getStubRequestLoggingDisabled()).isTrue();
    }
}
