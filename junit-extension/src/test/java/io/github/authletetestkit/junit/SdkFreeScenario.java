package io.github.authletetestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Run by OptionalDependenciesTest in a class loader where the Authlete SDK does not exist: an
 * {@code @AuthleteMockTest} class runs, and only {@code authleteApi()} needs the SDK — it says so.
 */
public final class SdkFreeScenario implements Callable<String> {

    @Override
    public String call() throws Exception {
        assertThatThrownBy(() -> Class.forName("com.authlete.common.api.AuthleteApi", false, getClass().getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Fixture.class)).execute();
        results.allEvents().failed().stream().findFirst().ifPresent(failure -> {
            throw new AssertionError("failed without the SDK: " + failure, failure.getRequiredPayload(TestExecutionResult.class)
                    .getThrowable().orElse(null));
        });
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        return Fixture.class.getClassLoader().getName();
    }

    @AuthleteMockTest
    @SeedClient(name = "web")
    static class Fixture {

        @Test
        void everythingButTheSdkWorks(AuthleteMock mock) {
            RegisteredClient client = mock.createConfidentialClient();
            mock.updateService(java.util.Map.of("accessTokenDuration", 60));
            mock.onNext("auth_token_api").respond(503);
            mock.advanceClock(java.time.Duration.ofMinutes(1));

            assertThat(client.secret()).hasSize(86);
            assertThat(mock.client("web").name()).isEqualTo("web");
            mock.verify().notCalled("auth_token_api");
            assertThatThrownBy(() -> mock.authleteApi()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("com.authlete:authlete-java-common");
        }
    }
}
