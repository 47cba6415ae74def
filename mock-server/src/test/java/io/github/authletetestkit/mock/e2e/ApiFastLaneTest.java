package io.github.authletetestkit.mock.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.Fault;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.http.ApiRouteKeeper;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.MockHttp;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mock answers {@code /api} in front of WireMock's stub handling only while WireMock could do nothing else with the
 * request, and gives the same answer, journal entry included. The lane answers with a {@code Content-Length};
 * WireMock's own rendering sends the body chunked, which is how these tests tell who answered.
 */
class ApiFastLaneTest {

    private AuthleteMockServer mock;

    @BeforeEach
    void start() {
        mock = AuthleteMockServer.builder().build().start();
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    private HttpReply serviceGet() {
        return MockHttp.send(mock.baseUrl(), "Bearer " + mock.serviceToken(), "GET", "/api/" + mock.serviceId() + "/service/get", null, (String) null);
    }

    private static boolean answeredInTheLane(HttpReply reply) {
        return reply.header("Content-Length") != null;
    }

    @Test
    void withNoStubOfTheUsersTheLaneAnswersAsWireMockWould() {
        HttpReply lane = serviceGet();
        mock.wireMock().stubFor(get(urlEqualTo("/api-elsewhere-closes-nothing")).willReturn(aResponse().withStatus(204)));
        StubMapping overApi = mock.wireMock().stubFor(get(urlPathMatching("/never/.*")).willReturn(aResponse().withStatus(204)));
        HttpReply wireMock = serviceGet();

        assertThat(answeredInTheLane(lane)).isTrue();
        assertThat(answeredInTheLane(wireMock)).as("a URL pattern could match /api: WireMock answers").isFalse();
        assertThat(lane.status()).isEqualTo(wireMock.status()).isEqualTo(200);
        assertThat(lane.body()).isEqualTo(wireMock.body());
        assertThat(lane.contentType()).isEqualTo(wireMock.contentType());
        assertThat(lane.header("Matched-Stub-Id")).isEqualTo(wireMock.header("Matched-Stub-Id")).isEqualTo(ApiRouteKeeper.ROUTE_ID.toString());

        mock.wireMock().removeStub(overApi);
        assertThat(answeredInTheLane(serviceGet())).as("open again once the stub is gone").isTrue();
    }

    @Test
    void theReadmesExampleOfAStubAndAVerification() {
        mock.wireMock().stubFor(post(urlPathMatching("/api/.*/auth/token")).atPriority(1).willReturn(aResponse().withStatus(503)));
        HttpReply authorization = MockHttp.send(mock.baseUrl(), "Bearer " + mock.serviceToken(), "POST",
                "/api/" + mock.serviceId() + "/auth/authorization", "application/json", "{\"parameters\":\"response_type=code\"}");
        HttpReply token = MockHttp.send(mock.baseUrl(), "Bearer " + mock.serviceToken(), "POST", "/api/" + mock.serviceId() + "/auth/token",
                "application/json", "{\"parameters\":\"grant_type=authorization_code&code=x\"}");

        assertThat(token.status()).isEqualTo(503);
        assertThat(authorization.status()).isEqualTo(200);
        assertThat(authorization.action()).as("the mock's own answer").isEqualTo("BAD_REQUEST");
        mock.wireMock().verify(postRequestedFor(urlPathMatching("/api/.*/auth/authorization")));
    }

    @Test
    void aStubOfTheUsersOverApiAnswersInsteadOfTheMock() {
        String path = "/api/" + mock.serviceId() + "/service/get";
        StubMapping teapot = mock.wireMock().stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(aResponse().withStatus(418)));

        assertThat(serviceGet().status()).isEqualTo(418);

        mock.wireMock().editStub(get(urlPathEqualTo("/somewhere-else")).withId(teapot.getId()).willReturn(aResponse().withStatus(418)));
        assertThat(serviceGet().status()).as("edited to leave /api").isEqualTo(200);
        assertThat(answeredInTheLane(serviceGet())).isTrue();
    }

    @Test
    void theRouteEditedByTheUserAnswersAsEdited() {
        mock.wireMock().editStub(any(urlPathMatching("/api/.*")).withId(ApiRouteKeeper.ROUTE_ID).willReturn(aResponse().withStatus(418)));

        assertThat(serviceGet().status()).isEqualTo(418);

        mock.wireMock().resetAll();
        assertThat(serviceGet().status()).as("the route as the mock makes it, after a reset").isEqualTo(200);
    }

    @Test
    void stubsOutsideApiLeaveTheLaneOpenAndAResetKeepsIt() {
        mock.wireMock().stubFor(get(urlEqualTo("/jwks")).willReturn(aResponse().withStatus(200).withBody("{}")));
        assertThat(answeredInTheLane(serviceGet())).isTrue();

        mock.wireMock().stubFor(get(urlPathMatching("/api/.*")).atPriority(1).willReturn(aResponse().withStatus(503)));
        assertThat(serviceGet().status()).isEqualTo(503);

        mock.wireMock().resetAll();
        HttpReply afterReset = serviceGet();
        assertThat(afterReset.status()).isEqualTo(200);
        assertThat(answeredInTheLane(afterReset)).as("the route is back, the user's stubs gone").isTrue();
    }

    @Test
    void aGlobalDelayHandsTheRequestsToWireMock() {
        mock.wireMock().setGlobalFixedDelay(300);
        long started = System.nanoTime();
        HttpReply delayed = serviceGet();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(delayed.status()).isEqualTo(200);
        assertThat(millis).isGreaterThanOrEqualTo(300);
        assertThat(answeredInTheLane(delayed)).isFalse();

        mock.wireMock().setGlobalFixedDelay(0);
        assertThat(answeredInTheLane(serviceGet())).isTrue();
    }

    @Test
    void wireMocksRequestListenersHearTheApiCalls() {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        mock.wireMock().addMockServiceRequestListener((request, response) -> heard.add(request.getUrl() + " " + response.getStatus()));

        HttpReply reply = serviceGet();

        assertThat(answeredInTheLane(reply)).isFalse();
        assertThat(heard).containsExactly("/api/" + mock.serviceId() + "/service/get 200");
    }

    @Test
    void plannedFaultsHappenInTheLane() {
        MockInternals.of(mock).faults().add("service_get_api", Fault.latency(Duration.ofMillis(200)), 1);
        // a POST: the JDK client retries an idempotent GET once on a dropped connection
        MockInternals.of(mock).faults().add("client_create_api", Fault.resetConnection(), 1);

        long started = System.nanoTime();
        HttpReply slow = serviceGet();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(answeredInTheLane(slow)).isTrue();
        assertThatThrownBy(this::createClient).isInstanceOf(UncheckedIOException.class);
        assertThat(createClient().status()).isEqualTo(201);
    }

    private HttpReply createClient() {
        return MockHttp.send(mock.baseUrl(), "Bearer " + mock.serviceToken(), "POST", "/api/" + mock.serviceId() + "/client/create",
                "application/json", "{\"clientName\":\"journalled\"}");
    }

    @Test
    void wireMocksJournalListsTheLanesRequestsInOrderWithWhatWasSent() {
        mock.wireMock().resetRequests();
        long before = System.currentTimeMillis();
        HttpReply first = serviceGet();
        MockHttp.send(mock.baseUrl(), null, "GET", "/not-a-stub", null, (String) null); // WireMock's own 404
        HttpReply created = createClient();
        long after = System.currentTimeMillis();

        List<ServeEvent> events = mock.wireMock().getAllServeEvents();

        assertThat(events).extracting(e -> e.getRequest().getUrl())
                .containsExactly("/api/" + mock.serviceId() + "/client/create", "/not-a-stub", "/api/" + mock.serviceId() + "/service/get");
        ServeEvent create = events.get(0);
        assertThat(create.getRequest().getMethod().getName()).isEqualTo("POST");
        assertThat(create.getRequest().getBodyAsString()).isEqualTo("{\"clientName\":\"journalled\"}");
        assertThat(create.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + mock.serviceToken());
        assertThat(create.getRequest().getLoggedDate().getTime()).isBetween(before, after);
        assertThat(create.getResponse().getStatus()).isEqualTo(created.status());
        assertThat(create.getResponse().getBodyAsString()).isEqualTo(created.body());
        assertThat(create.getStubMapping().getId()).isEqualTo(ApiRouteKeeper.ROUTE_ID);
        assertThat(events.get(2).getResponse().getBodyAsString()).isEqualTo(first.body());
        assertThat(mock.wireMock().findAll(anyRequestedFor(urlPathMatching("/api/.*")))).hasSize(2);

        mock.wireMock().resetRequests();
        assertThat(mock.wireMock().getAllServeEvents()).isEmpty();
    }

    @Test
    void wireMocksJournalKeepsOnlyTheLastRequests() {
        for (int i = 0; i < AuthleteMockServer.WIREMOCK_REQUESTS_KEPT + 5; i++) {
            serviceGet();
        }
        MockHttp.send(mock.baseUrl(), null, "GET", "/not-a-stub", null, (String) null);

        List<ServeEvent> events = mock.wireMock().getAllServeEvents();

        assertThat(events).hasSize(AuthleteMockServer.WIREMOCK_REQUESTS_KEPT);
        assertThat(events.get(0).getRequest().getUrl()).isEqualTo("/not-a-stub");
    }

    @Test
    void formBodiesGoThroughWireMock() {
        HttpReply form = MockHttp.send(mock.baseUrl(), "Bearer " + mock.serviceToken(), "POST", "/api/" + mock.serviceId() + "/auth/introspection",
                "application/x-www-form-urlencoded", "token=x");

        assertThat(answeredInTheLane(form)).isFalse();
        assertThat(form.status()).isEqualTo(200);
    }
}
