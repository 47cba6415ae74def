package io.github.authletetestkit.mock.http;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import io.github.authletetestkit.mock.api.ResultCodes;
import io.github.authletetestkit.mock.model.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import wiremock.org.eclipse.jetty.http.HttpFields;
import wiremock.org.eclipse.jetty.http.HttpHeader;
import wiremock.org.eclipse.jetty.server.Server;
import wiremock.org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * WireMock's Jetty with one change: a request Jetty itself refuses (an encoded NUL or {@code ..} in the
 * path, a malformed request line) gets an Authlete-style JSON error instead of Jetty's HTML page. Jetty's
 * classes are WireMock's shaded copies, the only Jetty on the class path.
 */
public final class JsonErrorsHttpServer extends Jetty11HttpServer {

    public JsonErrorsHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        super(options, admin, stubs);
    }

    /** Plugs this server into a WireMock configuration. */
    public static HttpServerFactory factory() {
        return JsonErrorsHttpServer::new;
    }

    @Override
    protected void applyAdditionalServerConfiguration(Server server, Options options) {
        super.applyAdditionalServerConfiguration(server, options);
        server.setErrorHandler(new JsonBadMessages());
    }

    /** Jetty's answer to a request it could not parse, as a result body. */
    static final class JsonBadMessages extends ErrorHandler {
        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, "application/json");
            String code = status >= 500 ? ResultCodes.SERVER_ERROR : ResultCodes.INVALID_REQUEST;
            String body = Json.write(ResultCodes.body(code, "The request is malformed and was refused before it reached the API: "
                    + (reason == null ? "HTTP " + status : reason) + "."));
            return ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
