package io.github.authletetestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.authlete.common.api.AuthleteApiException;
import com.authlete.common.dto.IntrospectionRequest;
import com.authlete.common.dto.IntrospectionResponse;
import io.github.authletetestkit.mock.internal.MockInternals;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Journal verification with its failure messages, and faults for the next calls of an operation. */
@AuthleteMockTest
class JournalAndFaultsTest {

    @Test
    void verifyCountsCallsOfAnOperationNarrowedByBodyFieldAndAction(AuthleteMock mock) {
        introspect(mock, "a");
        introspect(mock, "b");
        introspect(mock, "b");

        mock.verify().called("auth_introspection_api").times(3);
        mock.verify().called("auth_introspection_api").withBodyField("token", "b").times(2);
        mock.verify().called("auth_introspection_api").withBodyField("token").withAction("UNAUTHORIZED").withStatus(200).times(3);
        assertThat(mock.verify().called("auth_introspection_api").last().bodyField("token")).isEqualTo("b");
        assertThat(mock.calls("auth_introspection_api")).hasSize(3);
        mock.verify().notCalled("auth_token_api");
    }

    @Test
    void failuresSayWhatWasExpectedAndListTheCalls(AuthleteMock mock) {
        introspect(mock, "seen-token");

        assertThatThrownBy(() -> mock.verify().called("auth_introspection_api").times(2))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("Expected auth_introspection_api to be called 2 times, but it was called 1 time.")
                .hasMessageContaining("Calls recorded (1):")
                .hasMessageContaining("/auth/introspection (auth_introspection_api) -> 200 UNAUTHORIZED")
                .hasMessageContaining("seen-token");
        assertThatThrownBy(() -> mock.verify().called("auth_introspection_api").withBodyField("token", "other"))
                .hasMessageStartingWith("Expected auth_introspection_api with token=other to be called, but none of its 1 time matched: token=seen-token.");
        assertThatThrownBy(() -> mock.verify().called("auth_token_api"))
                .hasMessageStartingWith("Expected auth_token_api to be called, but it was not called.");
        assertThatThrownBy(() -> mock.verify().notCalled("auth_introspection_api"))
                .hasMessageStartingWith("Expected auth_introspection_api not to be called, but it was called 1 time.");
        assertThatThrownBy(() -> mock.verify().calledInOrder("auth_introspection_api", "auth_token_api"))
                .hasMessageStartingWith("Expected the calls auth_introspection_api → auth_token_api in this order, but auth_token_api was not called after auth_introspection_api.");
        mock.verify().calledInOrder("auth_introspection_api");
    }

    @Test
    void misspeltOperationIdsFailAtOnceWithASuggestion(AuthleteMock mock) {
        assertThatThrownBy(() -> mock.verify().called("auth_tokn_api"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("did you mean 'auth_token_api'?");
        assertThatThrownBy(() -> mock.onNext("token").respond(503))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Operation IDs: ").hasMessageContaining("auth_token_api");
        assertThatThrownBy(() -> mock.onNext("auth_token_api", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusFaultHitsTheNextCallsOnlyThenTheMockAnswersAgain(AuthleteMock mock) {
        mock.onNext("auth_introspection_api", 2).respond(500);

        assertThat(catchThrowableOfType(AuthleteApiException.class, () -> introspect(mock, "t")).getStatusCode()).isEqualTo(500);
        assertThat(catchThrowableOfType(AuthleteApiException.class, () -> introspect(mock, "t")).getStatusCode()).isEqualTo(500);
        assertThat(introspect(mock, "t").getAction()).isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);
        mock.verify().called("auth_introspection_api").withStatus(500).times(2);
    }

    @Test
    void faultsForOneOperationLeaveOthersAlone(AuthleteMock mock) {
        mock.onNext("auth_token_api").respond(503);

        assertThat(introspect(mock, "t").getAction()).isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);
        assertThat(MockInternals.of(mock.server()).faults().pending("auth_token_api")).isEqualTo(1);
    }

    @Test
    void anyOperationFaultAppliesToWhateverComesNext(AuthleteMock mock) {
        mock.onNext(AuthleteMock.ANY_OPERATION).respond(503);

        assertThat(catchThrowableOfType(AuthleteApiException.class, () -> mock.authleteApi().getClientList()).getStatusCode()).isEqualTo(503);
    }

    @Test
    void rateLimitAnswers429WithRetryAfter(AuthleteMock mock) throws Exception {
        mock.onNext("service_get_api").rateLimit(Duration.ofSeconds(30));

        HttpResponse<String> response = get(mock, "/api/" + mock.serviceId() + "/service/get");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("30");
    }

    @Test
    void delayAnswersNormallyButLate(AuthleteMock mock) {
        mock.onNext("auth_introspection_api").delay(Duration.ofMillis(400));

        long started = System.nanoTime();
        IntrospectionResponse response = introspect(mock, "t");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(response.getAction()).isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);
    }

    @Test
    void resetConnectionDropsIt(AuthleteMock mock) {
        mock.onNext("service_get_api", 2).resetConnection(); // the JDK client retries a GET once

        assertThatThrownBy(() -> get(mock, "/api/" + mock.serviceId() + "/service/get")).isInstanceOf(IOException.class);
    }

    @Test
    void resetDropsFaultsNotUsedYet(AuthleteMock mock) {
        mock.onNext("auth_introspection_api", 5).respond(500);

        mock.reset();

        assertThat(introspect(mock, "t").getAction()).isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);
        assertThat(mock.calls()).hasSize(1);
    }

    static IntrospectionResponse introspect(AuthleteMock mock, String token) {
        return mock.authleteApi().introspection(new IntrospectionRequest().setToken(token));
    }

    static HttpResponse<String> get(AuthleteMock mock, String path) throws IOException, InterruptedException {
        // a fresh client: a pooled connection would hide a reset behind one retry
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                .header("Authorization", "Bearer " + mock.serviceToken()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
