package io.github.authletetestkit.mock.internal.http;

import com.github.tomakehurst.wiremock.extension.StubLifecycleListener;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches WireMock's stubs for any that could answer an {@code /api} request instead of the mock's own route: a
 * stub of the user's whose URL is a pattern, or an exact URL under {@code /api}. While there is none and the route
 * is in place, WireMock's matching could only pick the route, so {@link ApiFastLane} may answer without it. Every
 * change to the stubs, by the Java API, the admin API or a mappings file, passes WireMock's lifecycle listeners.
 */
public final class StubsOverApi implements StubLifecycleListener {

    private final Set<UUID> overApi = ConcurrentHashMap.newKeySet();
    private volatile StubMapping route;

    @Override
    public String getName() {
        return "authlete-stubs-over-api";
    }

    /** True when WireMock would send every {@code /api} request to the mock's route. */
    public boolean onlyTheRoute() {
        return route != null && overApi.isEmpty();
    }

    /** The mock's route as WireMock holds it; null while it is not in place. */
    public StubMapping route() {
        return route;
    }

    /** Whether a stub other than the route could match a request under {@code /api}: yes unless its URL says no. */
    static boolean couldAnswerApi(StubMapping stub) {
        RequestPattern request = stub.getRequest();
        String exact = request == null ? null : request.getUrl() != null ? request.getUrl() : request.getUrlPath();
        return exact == null || exact.equals("/api") || exact.startsWith("/api/") || exact.startsWith("/api?");
    }

    @Override
    public void afterStubCreated(StubMapping stub) {
        if (ApiRouteKeeper.isIntactRoute(stub)) {
            route = stub;
        } else if (couldAnswerApi(stub)) {
            // the route edited to answer otherwise counts as a stub of the user's
            overApi.add(stub.getId());
        }
    }

    @Override
    public void afterStubEdited(StubMapping oldStub, StubMapping newStub) {
        afterStubRemoved(oldStub);
        afterStubCreated(newStub);
    }

    @Override
    public void afterStubRemoved(StubMapping stub) {
        if (ApiRouteKeeper.ROUTE_ID.equals(stub.getId())) {
            route = null;
        }
        overApi.remove(stub.getId());
    }

    @Override
    public void beforeStubsReset() {
        // the route comes back (ApiRouteKeeper) as a created stub after the reset
        route = null;
        overApi.clear();
    }
}
