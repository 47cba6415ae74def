package io.github.authletetestkit.mock.internal.http;

import com.github.tomakehurst.wiremock.common.Limit;
import com.github.tomakehurst.wiremock.global.GlobalSettings;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.jetty.JettyHttpUtils;
import com.github.tomakehurst.wiremock.servlet.FaultInjectorFactory;
import com.github.tomakehurst.wiremock.servlet.MultipartRequestConfigurer;
import com.github.tomakehurst.wiremock.servlet.WireMockHttpServletRequestAdapter;
import com.github.tomakehurst.wiremock.store.SettingsStore;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Date;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.FilterConfig;
import wiremock.jakarta.servlet.ServletContext;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;

/**
 * Answers an {@code /api} request in front of WireMock's stub handling when that handling could only hand it to
 * the mock's route ({@link ApiDispatcher}) unchanged: no stub of the user's could match it ({@link StubsOverApi}),
 * no global delay is set, no request listener of WireMock's waits to hear it, and its body is not a form or
 * multipart (WireMock decodes those eagerly, refusing a bad one with its own error). The answer is the one WireMock would give, headers included; the request still shows
 * in WireMock's journal ({@link LaterJournalStore}). WireMock's copying, matching, rendering and journalling of each
 * request was about a third of the mock's CPU per call. Any other request passes on to WireMock.
 */
final class ApiFastLane implements Filter {

    private final ApiDispatcher dispatcher;
    private final StubsOverApi stubs;
    private final BooleanSupplier wireMockListens;
    private final SettingsStore settings;
    private final LaterJournalStore journal;
    private final Limit responseBodyLimit;
    private MultipartRequestConfigurer multipart;
    private JettyHttpUtils utils;
    private FaultInjectorFactory faults;

    /** @param wireMockListens whether WireMock has request listeners, which hear only what it serves itself */
    ApiFastLane(ApiDispatcher dispatcher, StubsOverApi stubs, BooleanSupplier wireMockListens, MockStores stores, Limit responseBodyLimit) {
        this.dispatcher = dispatcher;
        this.stubs = stubs;
        this.wireMockListens = wireMockListens;
        this.settings = stores.getSettingsStore();
        this.journal = stores.laterJournal();
        this.responseBodyLimit = responseBodyLimit;
    }

    /** What WireMock's own servlet reads from the context it shares with this filter. */
    @Override
    public void init(FilterConfig config) {
        ServletContext context = config.getServletContext();
        multipart = (MultipartRequestConfigurer) context.getAttribute(MultipartRequestConfigurer.KEY);
        utils = (JettyHttpUtils) context.getAttribute(JettyHttpUtils.class.getName());
        faults = Collections.list(context.getAttributeNames()).stream().map(context::getAttribute)
                .filter(FaultInjectorFactory.class::isInstance).map(FaultInjectorFactory.class::cast)
                .findFirst().orElse(null);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse out && takes(http)) {
            answer(http, out);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Whether WireMock could do nothing with this request but hand it to the route as it is. */
    boolean takes(HttpServletRequest http) {
        if (!http.getRequestURI().startsWith("/api/") || http.getMethod().equals("CONNECT") || faults == null || !stubs.onlyTheRoute()
                || wireMockListens.getAsBoolean()) {
            return false;
        }
        String contentType = http.getContentType();
        if (contentType != null) {
            String type = contentType.strip().toLowerCase(Locale.ROOT);
            if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/")) {
                return false;
            }
        }
        GlobalSettings global = settings.get();
        return (global.getFixedDelay() == null || global.getFixedDelay() <= 0) && global.getDelayDistribution() == null;
    }

    private void answer(HttpServletRequest http, HttpServletResponse out) throws IOException {
        Date at = new Date();
        WireMockHttpServletRequestAdapter request = new WireMockHttpServletRequestAdapter(http, multipart, null, false, utils);
        HttpHeaders headers = request.getHeaders();
        HttpExchange.Reply reply = dispatcher.answer(request, headers);
        LaneCall call = new LaneCall(at, request.getMethod(), request.getUrl(), request.getAbsoluteUrl(), request.getClientIp(), headers,
                request.getBody(), request.getProtocol(), reply);
        StubMapping route = stubs.route();
        journal.addLater(() -> call.toServeEvent(route, responseBodyLimit));
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (reply.connectionReset()) {
            Fault.CONNECTION_RESET_BY_PEER.apply(faults.buildFaultInjector(http, out));
            return;
        }
        out.setStatus(reply.status());
        if (reply.contentType() != null) {
            out.setHeader("Content-Type", ApiDispatcher.contentTypeHeader(reply));
        }
        reply.headers().forEach(out::addHeader);
        out.setHeader("Matched-Stub-Id", ApiRouteKeeper.ROUTE_ID.toString());
        if (reply.body() != null) {
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            out.setContentLength(body.length);
            out.getOutputStream().write(body);
        }
    }
}
