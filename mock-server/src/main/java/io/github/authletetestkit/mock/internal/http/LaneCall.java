package io.github.authletetestkit.mock.internal.http;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.common.Limit;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What WireMock's journal needs of a request {@link ApiFastLane} answered, kept until the journal is read. */
record LaneCall(Date at, RequestMethod method, String url, String absoluteUrl, String clientIp, HttpHeaders headers, byte[] body,
                String protocol, HttpExchange.Reply reply) {

    /** The serve event WireMock would have journalled for it, answered by {@code route}. */
    ServeEvent toServeEvent(StubMapping route, Limit responseBodyLimit) {
        // read through WireMock's own JSON binding: its only constructor that takes the time of the request
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("url", url);
        request.put("absoluteUrl", absoluteUrl);
        request.put("method", method);
        request.put("clientIp", clientIp);
        request.put("headers", headers);
        request.put("cookies", Map.of());
        request.put("browserProxyRequest", false);
        request.put("loggedDate", at.getTime());
        request.put("bodyAsBase64", body == null ? null : Base64.getEncoder().encodeToString(body));
        request.put("protocol", protocol);
        LoggedRequest logged = Json.getObjectMapper().convertValue(request, LoggedRequest.class);
        ResponseDefinition definition = ApiDispatcher.definitionOf(reply);
        HttpHeaders sent = (definition.getHeaders() == null ? new HttpHeaders() : definition.getHeaders())
                .plus(new HttpHeader("Matched-Stub-Id", ApiRouteKeeper.ROUTE_ID.toString()));
        Response response = Response.response().status(reply.status()).headers(sent)
                .fault(reply.connectionReset() ? Fault.CONNECTION_RESET_BY_PEER : null)
                .body(reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8)).build();
        return new ServeEvent(UUID.randomUUID(), logged, route, definition, LoggedResponse.from(response, responseBodyLimit), true, null, null);
    }
}
