package io.github.authletetestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.internal.MockInternals;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code @AuthleteMockTest} with its defaults: one server per class, every way of getting the handle, reset before each test. */
@AuthleteMockTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeclarativeExtensionTest {

    static AuthleteMock staticField;
    static AuthleteMock fromBeforeAll;
    static RegisteredClient createdInBeforeAll;
    static RegisteredClient createdInFirstTest;
    static AuthleteMock fromFirstTest;

    private final AuthleteMock fromConstructor;
    AuthleteMock instanceField;
    private AuthleteMock fromBeforeEach;

    DeclarativeExtensionTest(AuthleteMock mock) {
        this.fromConstructor = mock;
    }

    @BeforeAll
    static void setUp(AuthleteMock mock) {
        fromBeforeAll = mock;
        createdInBeforeAll = mock.createConfidentialClient();
        mock.updateService(java.util.Map.of("accessTokenDuration", 123));
    }

    @BeforeEach
    void beforeEach(AuthleteMock mock) {
        fromBeforeEach = mock;
    }

    @Test
    @Order(1)
    void everyWayOfGettingTheHandleGivesTheSameRunningMock(AuthleteMock mock) throws Exception {
        assertThat(mock).isSameAs(fromConstructor).isSameAs(instanceField).isSameAs(staticField)
                .isSameAs(fromBeforeAll).isSameAs(fromBeforeEach);
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/api/lifecycle/healthcheck")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).isEqualTo("OK");
        assertThat(mock.port()).isPositive();
        assertThat(mock.serviceId()).isEqualTo(7135203410987L);
        assertThat(mock.serviceToken()).isEqualTo("mock-service-token");
        assertThat(mock.orgToken()).isEqualTo("mock-org-token");
        assertThat(mock.issuer()).isEqualTo("https://as.example.com");
    }

    @Test
    @Order(2)
    void firstTestChangesState(AuthleteMock mock) {
        fromFirstTest = mock;
        createdInFirstTest = mock.createPublicClient();
        mock.updateService(java.util.Map.of("accessTokenDuration", 999));
        mock.advanceClock(java.time.Duration.ofHours(5));
        mock.onNext("service_get_api").respond(503);
        mock.authleteApi().getClientList();

        assertThat(mock.calls()).hasSize(1);
        assertThat(MockInternals.of(mock.server()).defaultService().clients()).hasSize(2);
    }

    @Test
    @Order(3)
    void nextTestStartsFromTheBaselineOnTheSameServer(AuthleteMock mock) {
        assertThat(mock).isSameAs(fromFirstTest);
        assertThat(MockInternals.of(mock.server()).defaultService().client(createdInFirstTest.id())).isEmpty();
        assertThat(MockInternals.of(mock.server()).defaultService().client(createdInBeforeAll.id())).get()
                .satisfies(c -> assertThat(c.clientSecret()).isEqualTo(createdInBeforeAll.secret()));
        assertThat(mock.service().accessTokenDuration()).isEqualTo(123);
        assertThat(mock.clock().instant()).isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now().plusSeconds(60));
        assertThat(mock.calls()).isEmpty();
        assertThat(mock.authleteApi().getService(mock.serviceId()).getAccessTokenDuration()).isEqualTo(123);
    }

    @Nested
    class NestedTests {

        @Test
        void nestedClassesShareTheEnclosingClassServer(AuthleteMock mock) {
            assertThat(mock).isSameAs(fromBeforeAll);
            assertThat(MockInternals.of(mock.server()).defaultService().client(createdInBeforeAll.id())).isPresent();
        }
    }

    @AfterAll
    static void serverStillRunsInAfterAll(AuthleteMock mock) {
        assertThat(mock.server().isRunning()).isTrue();
    }
}
