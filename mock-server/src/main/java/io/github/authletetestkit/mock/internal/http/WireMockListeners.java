package io.github.authletetestkit.mock.internal.http;

import com.github.tomakehurst.wiremock.http.AbstractRequestHandler;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import java.lang.reflect.Field;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Whether WireMock's stub handler has request listeners ({@code WireMockServer.addMockServiceRequestListener}): they
 * hear only the requests WireMock serves itself, so {@link ApiFastLane} steps aside while there are any. WireMock keeps
 * them in a protected list, read here by reflection; if that ever fails, they are taken to be there.
 */
final class WireMockListeners implements BooleanSupplier {

    /** WireMock's list; null when it could not be read. */
    private final List<?> listeners;

    private WireMockListeners(List<?> listeners) {
        this.listeners = listeners;
    }

    static WireMockListeners of(StubRequestHandler handler) {
        try {
            Field field = AbstractRequestHandler.class.getDeclaredField("listeners");
            field.setAccessible(true);
            return new WireMockListeners(field.get(handler) instanceof List<?> list ? list : null);
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return new WireMockListeners(null);
        }
    }

    /** True when some listener is there, or when it cannot be told. */
    @Override
    public boolean getAsBoolean() {
        return listeners == null || !listeners.isEmpty();
    }
}
