package io.github.authletetestkit.mock.internal.http;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import io.github.authletetestkit.mock.internal.admin.AdminBrowserGuard;
import io.github.authletetestkit.mock.internal.admin.AdminNotFoundFilter;
import io.github.authletetestkit.mock.internal.admin.AdminToken;
import io.github.authletetestkit.mock.internal.admin.AdminTokenFilter;
import io.github.authletetestkit.mock.internal.api.ResultCodes;
import io.github.authletetestkit.mock.model.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import wiremock.jakarta.servlet.DispatcherType;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.RequestDispatcher;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.http.HttpFields;
import wiremock.org.eclipse.jetty.http.HttpHeader;
import wiremock.org.eclipse.jetty.server.Handler;
import wiremock.org.eclipse.jetty.server.HandlerContainer;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.Server;
import wiremock.org.eclipse.jetty.server.handler.ErrorHandler;
import wiremock.org.eclipse.jetty.servlet.FilterHolder;
import wiremock.org.eclipse.jetty.servlet.FilterMapping;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;
import wiremock.org.eclipse.jetty.servlet.ServletHandler;

/**
 * WireMock's Jetty with one change: a request Jetty or WireMock refuses before the mock sees it (an encoded
 * NUL or {@code ..} in the path, a malformed request line, a form body with a bad percent escape) gets an
 * Authlete-style JSON error instead of an HTML page with a stack trace. Jetty's classes are WireMock's
 * shaded copies, the only Jetty on the class path. With an admin token, {@code /__admin} also demands it; with
 * an {@link AdminBrowserGuard} among the extensions, that guard runs first on {@code /__admin}; an empty 404
 * there gets a JSON body ({@link AdminNotFoundFilter}). Outside {@code /__admin}, {@link RequestBodyLimit}
 * reads each body, refusing one over {@link ApiDispatcher#MAX_BODY_BYTES} before it is buffered.
 */
public final class JsonErrorsHttpServer extends Jetty11HttpServer {

    private static final String ADMIN_CONTEXT = "/__admin";

    public JsonErrorsHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        super(options, admin, stubs);
    }

    /** Plugs this server into a WireMock configuration. */
    public static HttpServerFactory factory() {
        return JsonErrorsHttpServer::new;
    }

    /**
     * With an {@link AdminToken} as the admin authenticator, its filter guards the whole admin context and
     * answers a JSON 401 (WireMock's own check would answer one without a body). Done here because the
     * superclass builds the handlers from its constructor, before any field of this class is set.
     */
    @Override
    protected Handler createHandler(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        Handler handler = super.createHandler(options, admin, stubs);
        adminContext(handler).addFilter(new FilterHolder(new AdminNotFoundFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        if (options.getAdminAuthenticator() instanceof AdminToken token) {
            adminContext(handler).addFilter(new FilterHolder(new AdminTokenFilter(token)), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        fastLane(options, stubs).ifPresent(lane -> mockServiceContext(handler).addFilter(new FilterHolder(lane), "/*", EnumSet.of(DispatcherType.REQUEST)));
        options.getDeclaredExtensions().getInstances().values().stream()
                .filter(AdminBrowserGuard.class::isInstance).map(AdminBrowserGuard.class::cast).findFirst()
                .ifPresent(guard -> guardFirst(adminContext(handler).getServletHandler(), guard));
        return handler;
    }

    /**
     * The lane that answers {@code /api} requests in front of WireMock's stub handling, when the mock's dispatcher and
     * stub watch are among the extensions and its stores hold the journal; it runs after the body limit.
     */
    private static Optional<ApiFastLane> fastLane(Options options, StubRequestHandler handler) {
        Optional<ApiDispatcher> dispatcher = extension(options, ApiDispatcher.class);
        Optional<StubsOverApi> stubs = extension(options, StubsOverApi.class);
        if (dispatcher.isEmpty() || stubs.isEmpty() || !(options.getStores() instanceof MockStores stores)) {
            return Optional.empty();
        }
        return Optional.of(new ApiFastLane(dispatcher.get(), stubs.get(), WireMockListeners.of(handler), stores,
                options.getDataTruncationSettings().getMaxResponseBodySize()));
    }

    private static <T> Optional<T> extension(Options options, Class<T> type) {
        return options.getDeclaredExtensions().getInstances().values().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    private static void guardFirst(ServletHandler servlets, AdminBrowserGuard guard) {
        FilterHolder holder = new FilterHolder(guard);
        holder.setName(guard.getName());
        servlets.prependFilter(holder);
        FilterMapping mapping = new FilterMapping();
        mapping.setFilterName(holder.getName());
        mapping.setPathSpec("/*");
        mapping.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        servlets.prependFilterMapping(mapping);
    }

    private static ServletContextHandler adminContext(Handler handler) {
        return context(handler, ADMIN_CONTEXT);
    }

    private static ServletContextHandler mockServiceContext(Handler handler) {
        return context(handler, "/");
    }

    private static ServletContextHandler context(Handler handler, String path) {
        return Arrays.stream(((HandlerContainer) handler).getChildHandlersByClass(ServletContextHandler.class))
                .map(ServletContextHandler.class::cast)
                .filter(context -> path.equals(context.getContextPath()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("WireMock has no " + path + " context"));
    }

    @Override
    protected void applyAdditionalServerConfiguration(Server server, Options options) {
        super.applyAdditionalServerConfiguration(server, options);
        server.setErrorHandler(new JsonBadMessages());
    }

    @Override
    protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
        super.decorateMockServiceContextAfterConfig(context);
        context.setErrorHandler(new JsonBadMessages());
        context.addFilter(new FilterHolder(new JsonFailures()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new RequestBodyLimit(ApiDispatcher.MAX_BODY_BYTES)), "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    private static String errorBody(int status, String message) {
        String code = status >= 500 ? ResultCodes.SERVER_ERROR : ResultCodes.INVALID_REQUEST;
        return Json.write(ResultCodes.body(code, message));
    }

    /** Jetty's answer to a request it could not parse, as a result body. */
    static final class JsonBadMessages extends ErrorHandler {
        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, "application/json");
            String body = errorBody(status, "The request is malformed and was refused before it reached the API: "
                    + (reason == null ? "HTTP " + status : reason) + ".");
            return ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Every error page Jetty renders (a failure a servlet reported rather than threw) as a result body:
         * 400 when reading the request failed, else the status as set.
         */
        @Override
        protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                                  int code, String message) throws IOException {
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            Throwable cause = failure instanceof Throwable t ? JsonFailures.requestDecoding(t) : null;
            int status = cause != null ? 400 : code;
            response.setStatus(status);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            String text = cause != null
                    ? "The request (its form, charset or multipart body) could not be read and was refused before it reached the API: " + cause.getMessage() + "."
                    : "The request failed beneath the API: HTTP " + code + ".";
            response.getOutputStream().write(errorBody(status, text).getBytes(StandardCharsets.UTF_8));
            baseRequest.setHandled(true);
        }
    }

    /**
     * WireMock decodes a form body eagerly, before any stub or extension runs, and fails on a malformed
     * percent escape; this filter turns that, and any other failure beneath the mock, into a JSON error.
     */
    static final class JsonFailures implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            try {
                chain.doFilter(request, response);
            } catch (RuntimeException | ServletException failure) {
                Throwable cause = requestDecoding(failure);
                if (cause != null) {
                    fail(response, 400, "The request (its form, charset or multipart body) could not be read and was refused before it reached the API: " + cause.getMessage() + ".");
                } else {
                    fail(response, 500, "The mock failed beneath the API: " + failure.getClass().getSimpleName() + ".");
                }
            }
        }

        /**
         * The failure of reading the request as sent (a bad percent escape or non-UTF-8 bytes in a form, an
         * unknown charset, multipart without a boundary), found in the cause chain; null for any other failure.
         * Beneath the mock only WireMock's eager reading of the request throws these: the mock's own
         * handlers answer their failures themselves.
         */
        static Throwable requestDecoding(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof IllegalArgumentException || t.getClass().getSimpleName().equals("FileUploadException")) {
                    return t;
                }
            }
            return null;
        }

        private static void fail(ServletResponse response, int status, String message) throws IOException {
            if (response.isCommitted()) {
                throw new IOException(message);
            }
            response.reset();
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            ((HttpServletResponse) response).setStatus(status);
            response.getOutputStream().write(errorBody(status, message).getBytes(StandardCharsets.UTF_8));
        }
    }
}
