package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.store.AuthorizationTicket;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import java.util.Optional;

/** {@code /auth/authorization/ticket/info} and {@code /update}: read or replace a live ticket's context, without consuming it. */
public final class TicketApi {

    record TicketInfoRequest(String ticket) {}

    /** {@code info} is JSON text in Authlete's spec; the Java SDK sends it as an object. Both are taken. */
    record TicketUpdateRequest(String ticket, com.fasterxml.jackson.databind.JsonNode info) {}

    private static final int INFO_API = 600;
    private static final int UPDATE_API = 601;

    public ApiResponse info(ApiCall call) {
        TicketInfoRequest request = call.body(TicketInfoRequest.class);
        return ApiResponse.ok(live(call, request.ticket())
                .map(ticket -> withInfo(RuntimeResult.of(ResultCodes.of(INFO_API, 0, 1), "OK", "The ticket information was found."), ticket))
                .orElseGet(() -> notFound(INFO_API)));
    }

    public ApiResponse update(ApiCall call) {
        TicketUpdateRequest request = call.body(TicketUpdateRequest.class);
        if (request.info() == null || request.info().isNull()) {
            return ApiResponse.ok(RuntimeResult.of(ResultCodes.of(UPDATE_API, 2, 1), "CALLER_ERROR", "The request does not contain 'info'."));
        }
        ServiceState state = call.service();
        Optional<AuthorizationTicket> ticket = live(call, request.ticket());
        if (ticket.isEmpty()) {
            return ApiResponse.ok(notFound(UPDATE_API));
        }
        String context = contextOf(request.info());
        AuthorizationTicket updated = ticket.get().withContext(context);
        state.replaceTicket(updated);
        return ApiResponse.ok(withInfo(RuntimeResult.of(ResultCodes.of(UPDATE_API, 0, 1), "OK", "The ticket information was updated."), updated));
    }

    /** {@code info} is the ticket information (an object, or its JSON text); its {@code context} is what the service may keep there. */
    private static String contextOf(com.fasterxml.jackson.databind.JsonNode infoNode) {
        if (infoNode.isObject()) {
            return infoNode.path("context").isMissingNode() || infoNode.path("context").isNull() ? null : infoNode.path("context").asText();
        }
        String info = infoNode.asText();
        try {
            var parsed = io.github.authletetestkit.mock.model.Json.parse(info);
            if (parsed.isObject()) {
                return parsed.path("context").isMissingNode() || parsed.path("context").isNull() ? null : parsed.path("context").asText();
            }
        } catch (IllegalArgumentException notJson) {
            // plain text: kept as the context itself
        }
        return info;
    }

    private static Optional<AuthorizationTicket> live(ApiCall call, String ticket) {
        return call.service().ticket(ticket).filter(t -> !t.isExpired(call.now()));
    }

    private static ObjectNode withInfo(ObjectNode body, AuthorizationTicket ticket) {
        ObjectNode info = body.putObject("info");
        if (ticket.context() != null) {
            info.put("context", ticket.context());
        }
        return body;
    }

    private static ObjectNode notFound(int api) {
        return RuntimeResult.of(ResultCodes.of(api, 3, 1), "NOT_FOUND", "The ticket is unknown or has expired.");
    }
}
