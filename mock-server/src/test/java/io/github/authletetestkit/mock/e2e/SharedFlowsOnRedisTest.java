package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.MockServerSettings;
import io.github.authletetestkit.mock.testing.RedisServer;

/** The whole shared-flows catalogue again, with the mock's state in a real redis-server. */
class SharedFlowsOnRedisTest extends SharedFlowsTest {

    @Override
    protected MockServerSettings.Builder settings() {
        return AuthleteMockServer.builder().store(RedisServer.shared().newDeployment("flows"));
    }
}
