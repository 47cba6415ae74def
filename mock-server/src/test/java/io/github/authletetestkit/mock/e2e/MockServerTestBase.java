package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.testing.StrictMockTest;
import org.junit.jupiter.api.BeforeAll;

/** A strict mock per class ({@link StrictMockTest}) with the e2e tests' API client and flow steps. */
abstract class MockServerTestBase extends StrictMockTest {

    protected ApiClient api;
    protected Flows flows;

    @BeforeAll
    void clients() {
        api = new ApiClient(mock.baseUrl(), mock.serviceId(), mock.serviceToken());
        flows = new Flows(api);
    }
}
