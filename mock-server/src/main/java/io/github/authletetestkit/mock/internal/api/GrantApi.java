package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.store.GrantedScopes;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import java.util.List;
import java.util.Optional;

/**
 * What end-users granted clients: client authorizations (derived from live tokens), granted-scope records,
 * and each client's requestable scopes.
 */
public final class GrantApi {

    record SubjectRequest(String subject, String developer, Integer start, Integer end) {}

    record AuthorizationUpdateRequest(String subject, List<String> scopes) {}

    record RequestableScopesRequest(List<String> requestableScopes) {}

    /** Clients that hold tokens for the subject. */
    public ApiResponse authorizedClients(ApiCall call) {
        SubjectRequest body = call.body(SubjectRequest.class);
        String subject = call.pathParam("subject") != null ? call.pathParam("subject")
                : call.queryParam("subject") != null ? call.queryParam("subject") : body.subject();
        if (subject == null || subject.isEmpty()) {
            throw ApiException.badRequest("'subject' is required.");
        }
        String developer = call.queryParam("developer") != null ? call.queryParam("developer") : body.developer();
        ServiceState state = call.service();
        List<ClientConfig> clients = state.clients().stream()
                .filter(c -> developer == null || developer.equals(c.developer()))
                .filter(c -> state.tokens().stream().anyMatch(t -> t.clientId() == c.clientId() && subject.equals(t.grant().subject())))
                .toList();
        Paging paging = body.start() != null || body.end() != null
                ? new Paging(body.start() == null ? 0 : body.start(), body.end() == null ? Paging.DEFAULT_SIZE : body.end())
                : Paging.from(call);
        ObjectNode response = Json.object();
        response.put("start", paging.start());
        response.put("end", paging.end());
        if (developer != null) {
            response.put("developer", developer);
        }
        response.put("subject", subject);
        response.put("totalCount", clients.size());
        ArrayNode list = response.putArray("clients");
        paging.slice(clients).forEach(c -> list.add(ClientViews.of(c, ClientViews.LIMITED)));
        return ApiResponse.ok(response);
    }

    /** Replaces the scopes of the subject's tokens for the client. */
    public ApiResponse updateAuthorization(ApiCall call) {
        ClientConfig client = client(call);
        AuthorizationUpdateRequest request = call.body(AuthorizationUpdateRequest.class);
        if (request.subject() == null || request.subject().isEmpty()) {
            throw ApiException.badRequest("'subject' is required.");
        }
        ServiceState state = call.service();
        List<String> scopes = request.scopes() == null ? List.of() : List.copyOf(request.scopes());
        int updated = 0;
        for (var token : state.tokens()) {
            if (token.clientId() == client.clientId() && request.subject().equals(token.grant().subject())
                    && state.updateToken(token.accessToken(), t -> t.withGrant(t.grant().withScopes(scopes))).isPresent()) {
                updated++;
            }
        }
        return ApiResponse.ok(ResultCodes.body(ResultCodes.of(138, 0, 1), "Updated " + updated + " access token(s) of the client (ID = "
                + client.clientId() + ") and the subject (" + request.subject() + ")."));
    }

    /** Deletes the subject's tokens for the client. */
    public ApiResponse deleteAuthorization(ApiCall call) {
        ClientConfig client = client(call);
        String subject = subject(call);
        int deleted = call.service().removeTokens(t -> t.clientId() == client.clientId() && subject.equals(t.grant().subject()));
        return ApiResponse.ok(ResultCodes.body(ResultCodes.of(137, 0, 1), "Deleted " + deleted + " access token(s) of the client (ID = "
                + client.clientId() + ") and the subject (" + subject + ")."));
    }

    public ApiResponse grantedScopes(ApiCall call) {
        ClientConfig client = client(call);
        String subject = subject(call);
        Optional<GrantedScopes> record = call.service().grantedScopes(client.clientId(), subject);
        ObjectNode body = ResultCodes.body(ResultCodes.of(139, 0, 1), record.isPresent()
                ? "The granted scopes were found." : "The subject has granted the client no scopes.");
        body.put("serviceApiKey", call.service().serviceId());
        body.put("clientId", client.clientId());
        body.put("subject", subject);
        record.ifPresent(r -> {
            TokenApi.putStrings(body.putArray("latestGrantedScopes"), r.latest());
            TokenApi.putStrings(body.putArray("mergedGrantedScopes"), r.merged());
            body.put("modifiedAt", r.modifiedAt().toEpochMilli());
        });
        return ApiResponse.ok(body);
    }

    public ApiResponse deleteGrantedScopes(ApiCall call) {
        ClientConfig client = client(call);
        String subject = subject(call);
        call.service().forgetGrantedScopes(client.clientId(), subject);
        return ApiResponse.ok(ResultCodes.body(ResultCodes.of(140, 0, 1), "The granted scopes were deleted."));
    }

    public ApiResponse requestableScopes(ApiCall call) {
        ClientConfig client = client(call);
        ObjectNode body = Json.object();
        TokenApi.putStrings(body.putArray("requestableScopes"), client.requestableScopesEnabled() ? client.requestableScopes() : List.of());
        return ApiResponse.ok(body);
    }

    public ApiResponse updateRequestableScopes(ApiCall call) {
        RequestableScopesRequest request = call.body(RequestableScopesRequest.class);
        List<String> scopes = request.requestableScopes() == null ? List.of() : request.requestableScopes();
        changeExtension(call, extension -> {
            extension.put("requestableScopesEnabled", true);
            TokenApi.putStrings(extension.putArray("requestableScopes"), scopes);
        });
        ObjectNode body = Json.object();
        TokenApi.putStrings(body.putArray("requestableScopes"), scopes);
        return ApiResponse.ok(body);
    }

    public ApiResponse deleteRequestableScopes(ApiCall call) {
        changeExtension(call, extension -> {
            extension.put("requestableScopesEnabled", false);
            extension.remove("requestableScopes");
        });
        return ApiResponse.noContent();
    }

    /** Changes the client's extension atomically, starting from its current one. */
    private static void changeExtension(ApiCall call, java.util.function.Consumer<ObjectNode> change) {
        ClientApi.change(call, "clientId", current -> {
            JsonNode existing = current.toJson().path("extension");
            ObjectNode extension = existing.isObject() ? (ObjectNode) existing : Json.object();
            change.accept(extension);
            return current.with("extension", extension);
        });
    }

    private static ClientConfig client(ApiCall call) {
        String identifier = call.pathParam("clientId");
        return call.service().findClient(identifier).orElseThrow(() -> ApiException.notFound(
                ResultCodes.CLIENT_NOT_FOUND, "No client has the ID '" + identifier + "'."));
    }

    /** The subject from the path, the query or the body, whichever the variant of the operation uses. */
    private static String subject(ApiCall call) {
        String subject = call.pathParam("subject");
        if (subject == null) {
            subject = call.queryParam("subject");
        }
        if (subject == null && call.body() != null && call.body().isObject()) {
            subject = call.body().path("subject").asText(null);
        }
        if (subject == null || subject.isEmpty()) {
            throw ApiException.badRequest("'subject' is required.");
        }
        return subject;
    }

}
