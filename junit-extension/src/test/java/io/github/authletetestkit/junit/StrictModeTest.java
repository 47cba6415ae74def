package io.github.authletetestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/** In strict mode (the default) a response of the mock that violates the spec fails the test that caused it. */
class StrictModeTest {

    @Test
    void violationFailsTheTestThatCausedItWithTheViolation() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(StrictFixture.class)).execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(1).failed(1))
                .assertThatEvents().haveExactly(1, event(test("callsServiceGet"), finishedWithFailure(
                        instanceOf(AssertionFailedError.class),
                        message(m -> m.contains("violate the Authlete API spec (strict mode)")
                                && m.contains("GET /api/7135203410987/service/get (service_get_api) -> 200")
                                && m.contains("testkitMissingMember")))));
        assertThat(StrictFixture.status).isEqualTo(500);
    }

    @Test
    void withoutStrictModeTheMockAnswersAndTheTestPasses() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(LenientFixture.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(LenientFixture.status).isEqualTo(200);
        assertThat(LenientFixture.violations).isEqualTo(1);
    }

    @Test
    void violationInBeforeAllFailsTheFirstTest() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(BeforeAllFixture.class)).execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(1).failed(1))
                .assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(message(m -> m.contains("testkitMissingMember")))));
    }

    static int get(AuthleteMock mock) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/api/" + mock.serviceId() + "/service/get"))
                .header("Authorization", "Bearer " + mock.serviceToken()).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @AuthleteMockTest(spec = "classpath:violating-spec.yaml")
    static class StrictFixture {
        static volatile int status;

        @Test
        void callsServiceGet(AuthleteMock mock) throws Exception {
            status = get(mock);
        }

        @Test
        void callsNothing(AuthleteMock mock) {
            assertThat(mock.specViolations()).isEmpty();
        }
    }

    @AuthleteMockTest(spec = "classpath:violating-spec.yaml", strict = false)
    static class LenientFixture {
        static volatile int status;
        static volatile int violations;

        @Test
        void callsServiceGet(AuthleteMock mock) throws Exception {
            status = get(mock);
            violations = mock.specViolations().size();
        }
    }

    @AuthleteMockTest(spec = "classpath:violating-spec.yaml")
    static class BeforeAllFixture {

        @BeforeAll
        static void setUp(AuthleteMock mock) throws Exception {
            get(mock);
        }

        @Test
        void anything() {
        }
    }
}
