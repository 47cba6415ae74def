package io.github.authletetestkit.mock.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which of WireMock's stubs could answer an /api request instead of the mock's route, through every change. */
class StubsOverApiTest {

    private static StubMapping stub(com.github.tomakehurst.wiremock.client.MappingBuilder builder) {
        return builder.willReturn(ok()).build();
    }

    private static StubMapping route() {
        return ApiRouteKeeper.route();
    }

    @Test
    void onlyAnExactUrlOutsideApiCannotAnswerApi() {
        assertThat(StubsOverApi.couldAnswerApi(stub(get(urlEqualTo("/jwks"))))).isFalse();
        assertThat(StubsOverApi.couldAnswerApi(stub(get(urlPathEqualTo("/apix/1"))))).isFalse();
        assertThat(StubsOverApi.couldAnswerApi(stub(get(urlPathEqualTo("/api/1/service/get"))))).isTrue();
        assertThat(StubsOverApi.couldAnswerApi(stub(get(urlEqualTo("/api?x=1"))))).isTrue();
        assertThat(StubsOverApi.couldAnswerApi(stub(get(urlPathMatching("/elsewhere/.*"))))).as("a pattern: assumed to").isTrue();
        assertThat(StubsOverApi.couldAnswerApi(stub(get(urlPathTemplate("/things/{id}"))))).isTrue();
        assertThat(StubsOverApi.couldAnswerApi(stub(any(anyUrl())))).isTrue();
    }

    @Test
    void theLaneIsOpenOnlyWithTheRouteAndNoStubOverApi() {
        StubsOverApi stubs = new StubsOverApi();
        assertThat(stubs.onlyTheRoute()).as("no route yet").isFalse();

        StubMapping route = route();
        stubs.afterStubCreated(route);
        assertThat(stubs.onlyTheRoute()).isTrue();
        assertThat(stubs.route()).isSameAs(route);

        stubs.afterStubCreated(stub(get(urlEqualTo("/jwks"))));
        assertThat(stubs.onlyTheRoute()).isTrue();

        StubMapping overApi = stub(get(urlPathMatching("/api/.*")).withId(UUID.randomUUID()));
        stubs.afterStubCreated(overApi);
        assertThat(stubs.onlyTheRoute()).isFalse();

        StubMapping movedAway = stub(get(urlEqualTo("/elsewhere")).withId(overApi.getId()));
        stubs.afterStubEdited(overApi, movedAway);
        assertThat(stubs.onlyTheRoute()).isTrue();

        stubs.afterStubEdited(movedAway, overApi);
        assertThat(stubs.onlyTheRoute()).isFalse();
        stubs.afterStubRemoved(overApi);
        assertThat(stubs.onlyTheRoute()).isTrue();

        stubs.afterStubRemoved(route);
        assertThat(stubs.onlyTheRoute()).isFalse();
        assertThat(stubs.route()).isNull();
    }

    @Test
    void theRouteEditedToAnswerOtherwiseCountsAsAStubOverApi() {
        StubsOverApi stubs = new StubsOverApi();
        StubMapping route = route();
        stubs.afterStubCreated(route);
        StubMapping teapot = stub(any(urlPathMatching("/api/.*")).withId(ApiRouteKeeper.ROUTE_ID));

        stubs.afterStubEdited(route, teapot);
        assertThat(stubs.onlyTheRoute()).isFalse();
        assertThat(stubs.route()).isNull();

        stubs.afterStubEdited(teapot, route());
        assertThat(stubs.onlyTheRoute()).isTrue();
    }

    @Test
    void aResetForgetsEveryStubUntilTheRouteIsBack() {
        StubsOverApi stubs = new StubsOverApi();
        stubs.afterStubCreated(route());
        stubs.afterStubCreated(stub(any(anyUrl()).withId(UUID.randomUUID())));

        stubs.beforeStubsReset();
        assertThat(stubs.onlyTheRoute()).isFalse();

        stubs.afterStubCreated(route());
        assertThat(stubs.onlyTheRoute()).isTrue();
    }
}
