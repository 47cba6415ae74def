package io.github.authletetestkit.mock.http;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The only class that knows WireMock's request and response types: it turns the request WireMock matched
 * on the mock's catch-all stub into an {@link HttpExchange}, and the pipeline's reply into a response.
 */
public final class ApiDispatcher implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "authlete-api-dispatcher";

    private final ApiPipeline pipeline;

    public ApiDispatcher(ApiPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        HttpExchange.Reply reply = pipeline.handle(toExchange(serveEvent.getRequest()));
        if (reply.connectionReset()) {
            return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition().withStatus(reply.status());
        if (reply.delayMillis() > 0) {
            response.withFixedDelay((int) Math.min(Integer.MAX_VALUE, reply.delayMillis()));
        }
        if (reply.contentType() != null) {
            response.withHeader("Content-Type", reply.contentType() + ("text/plain".equals(reply.contentType()) ? "; charset=utf-8" : ""));
        }
        reply.headers().forEach(response::withHeader);
        if (reply.body() != null) {
            response.withBody(reply.body());
        }
        return response.build();
    }

    static HttpExchange toExchange(Request request) {
        URI uri = URI.create(request.getUrl());
        Map<String, List<String>> query = new LinkedHashMap<>();
        Map<String, QueryParameter> parsed = Urls.splitQuery(uri);
        parsed.forEach((name, param) -> query.put(name, param.values()));
        Map<String, String> headers = new LinkedHashMap<>();
        HttpHeaders all = request.getHeaders();
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
