package io.github.authletetestkit.mock.robustness;

import io.github.authletetestkit.mock.testing.StrictMockTest;
import org.junit.jupiter.api.BeforeAll;

/** A strict mock with a caller of its default service: the setup the bad-input tests share. */
abstract class ApiMockTest extends StrictMockTest {

    /** Calls the default service with its own token. */
    protected Driver api;
    /** {@code /api/{serviceId}} of the default service. */
    protected String servicePath;

    @BeforeAll
    void driver() {
        api = Driver.of(mock.baseUrl(), mock.serviceId(), mock.serviceToken());
        servicePath = "/api/" + mock.serviceId();
    }
}
