package io.github.authletetestkit.mock.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.extension.StubLifecycleListener;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.Objects;
import java.util.UUID;

/**
 * Puts the mock's {@code /api} route back whenever WireMock's admin API removes it ({@code POST /__admin/reset},
 * {@code /__admin/mappings/reset}, {@code DELETE /__admin/mappings} or of the stub itself), so that no WireMock
 * route can leave the mock answering 404.
 */
public final class ApiRouteKeeper implements StubLifecycleListener {

    /** The id of the mock's own route among WireMock's stubs. */
    public static final UUID ROUTE_ID = UUID.fromString("a0715e70-0000-4000-8000-000000000a91");

    /** Below the default priority (5), so that a stub of the user's over the same path wins. */
    private static final int CATCH_ALL_PRIORITY = 10;

    /** The mock's route as the mock adds it: every method on any path under {@code /api}, answered by {@link ApiDispatcher}. */
    public static StubMapping route() {
        return any(urlPathMatching("/api/.*")).withId(ROUTE_ID).atPriority(CATCH_ALL_PRIORITY)
                .willReturn(aResponse().withTransformers(ApiDispatcher.NAME)).build();
    }

    /** Whether {@code stub} is the mock's route as the mock added it, not one edited under its id to answer otherwise. */
    static boolean isIntactRoute(StubMapping stub) {
        StubMapping route = route();
        return ROUTE_ID.equals(stub.getId()) && Objects.equals(route.getRequest(), stub.getRequest())
                && Objects.equals(route.getResponse(), stub.getResponse()) && Objects.equals(route.getPriority(), stub.getPriority());
    }

    private final Runnable install;

    /** @param install adds the route again */
    public ApiRouteKeeper(Runnable install) {
        this.install = install;
    }

    @Override
    public String getName() {
        return "authlete-api-route-keeper";
    }

    @Override
    public void afterStubsReset() {
        install.run();
    }

    @Override
    public void afterStubRemoved(StubMapping stub) {
        if (ROUTE_ID.equals(stub.getId())) {
            install.run();
        }
    }
}
