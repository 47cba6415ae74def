package io.github.authletetestkit.mock.internal.http;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.authletetestkit.mock.internal.api.ResultCodes;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a request WireMock read into an {@link HttpExchange} for the pipeline, and the pipeline's reply into
 * WireMock's response definition: the mock's catch-all stub runs it as its transformer, and {@link ApiFastLane} calls
 * {@link #answer} when it answers in front of WireMock's stub handling. The pipeline itself knows no WireMock type.
 */
public final class ApiDispatcher implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "authlete-api-dispatcher";

    private final ApiPipeline pipeline;

    public ApiDispatcher(ApiPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** The largest request body the mock reads; Authlete's own requests are far smaller. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        return definitionOf(answer(serveEvent.getRequest(), serveEvent.getRequest().getHeaders()));
    }

    /** The reply as WireMock's response definition. */
    static ResponseDefinition definitionOf(HttpExchange.Reply reply) {
        if (reply.connectionReset()) {
            return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition().withStatus(reply.status());
        if (reply.delayMillis() > 0) {
            response.withFixedDelay((int) Math.min(Integer.MAX_VALUE, reply.delayMillis()));
        }
        if (reply.contentType() != null) {
            response.withHeader("Content-Type", contentTypeHeader(reply));
        }
        reply.headers().forEach(response::withHeader);
        if (reply.body() != null) {
            response.withBody(reply.body());
        }
        return response.build();
    }

    /** The pipeline's answer to a request WireMock read, {@code headers} being its headers (read once by the caller). */
    HttpExchange.Reply answer(Request request, HttpHeaders headers) {
        HttpExchange.Reply refused = refusedBody(request);
        return refused != null ? refused : pipeline.handle(toExchange(request, headers));
    }

    /** The {@code Content-Type} a reply is sent with: plain text names its charset. */
    static String contentTypeHeader(HttpExchange.Reply reply) {
        return reply.contentType() + ("text/plain".equals(reply.contentType()) ? "; charset=utf-8" : "");
    }

    /** A 413 for a body over {@link #MAX_BODY_BYTES}, a 400 for one that is not UTF-8; null for any other. */
    static HttpExchange.Reply refusedBody(Request request) {
        byte[] body = request.getBody();
        if (body == null || body.length == 0) {
            return null;
        }
        if (body.length > MAX_BODY_BYTES) {
            return ApiPipeline.error(413, ResultCodes.INVALID_REQUEST, apiPathOf(request), "The request body is too large: " + body.length
                    + " bytes; the mock accepts at most " + MAX_BODY_BYTES + " bytes.");
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            return ApiPipeline.error(400, ResultCodes.INVALID_REQUEST, apiPathOf(request), "The request body is not valid UTF-8.");
        }
        return null;
    }

    /** The path as the error names it: worked out only for a refused body (it cost 1 % of every request when done up front). */
    private static String apiPathOf(Request request) {
        return ApiPipeline.apiPathOf(URI.create(request.getUrl()).getRawPath());
    }

    private static HttpExchange toExchange(Request request, HttpHeaders all) {
        URI uri = URI.create(request.getUrl());
        Map<String, List<String>> query = new LinkedHashMap<>();
        Map<String, QueryParameter> parsed = Urls.splitQuery(uri);
        parsed.forEach((name, param) -> query.put(name, param.values()));
        Map<String, String> headers = new LinkedHashMap<>();
        if (all != null) {
            for (HttpHeader header : all.all()) {
                headers.put(header.key().toLowerCase(Locale.ROOT), header.firstValue());
            }
        }
        String body = request.getBody() == null || request.getBody().length == 0 ? null : request.getBodyAsString();
        return new HttpExchange(request.getMethod().getName(), uri.getRawPath(), query, headers, body);
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
