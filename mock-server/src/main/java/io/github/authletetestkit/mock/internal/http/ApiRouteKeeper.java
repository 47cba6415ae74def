package io.github.authletetestkit.mock.internal.http;

import com.github.tomakehurst.wiremock.extension.StubLifecycleListener;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.UUID;

/**
 * Puts the mock's {@code /api} route back whenever WireMock's admin API removes it ({@code POST /__admin/reset},
 * {@code /__admin/mappings/reset}, {@code DELETE /__admin/mappings} or of the stub itself), so that no WireMock
 * route can leave the mock answering 404.
 */
public final class ApiRouteKeeper implements StubLifecycleListener {

    /** The id of the mock's own route among WireMock's stubs. */
    public static final UUID ROUTE_ID = UUID.fromString("a0715e70-0000-4000-8000-000000000a91");

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
