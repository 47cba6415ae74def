package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.authletetestkit.mock.internal.model.ClientDefaults;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import io.github.authletetestkit.mock.internal.oauth.RedirectUris;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Client management: create, get, list, update, delete, lock flag, secret refresh and update. */
public final class ClientApi {

    /** Members Authlete assigns; a create or update cannot set them. */
    private static final Set<String> ASSIGNED = Set.of(
            "clientId", "clientSecret", "number", "serviceNumber", "createdAt", "modifiedAt", "dynamicallyRegistered");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,86}");

    public ApiResponse create(ApiCall call) {
        return ApiResponse.created(register(call, assignable(call.bodyObject())).toJson());
    }

    /** Registers a client from Authlete client members, with generated ID, secret and defaults; 400 when invalid. */
    ClientConfig register(ApiCall call, ObjectNode requested) {
        ServiceState service = call.service();
        long clientId = RandomValues.numericId();
        ObjectNode client = ClientDefaults.client(clientId, service.config().toJson().path("number").asInt(1),
                RandomValues.clientSecret(), call.now());
        requested.fields().forEachRemaining(e -> client.set(e.getKey(), e.getValue()));
        ClientConfig created = validated(new ClientConfig(client), service);
        service.putClient(created);
        return created;
    }

    public ApiResponse get(ApiCall call) {
        return ApiResponse.ok(existing(call, "clientId").toJson());
    }

    public ApiResponse list(ApiCall call) {
        Paging paging = Paging.from(call);
        String developer = call.queryParam("developer");
        List<ClientConfig> matching = call.service().clients().stream()
                .filter(c -> developer == null || developer.equals(c.developer()))
                .toList();
        ObjectNode body = Json.object();
        body.put("start", paging.start());
        body.put("end", paging.end());
        body.put("totalCount", matching.size());
        body.putArray("clients");
        paging.slice(matching).forEach(c -> body.withArray("clients").add(c.toJson()));
        return ApiResponse.ok(body);
    }

    /** Members present in the body replace the client's; absent ones keep their value. */
    public ApiResponse update(ApiCall call) {
        ServiceState service = call.service();
        ObjectNode changes = assignable(call.bodyObject());
        ClientConfig updated = change(call, "clientId", current -> {
            ObjectNode merged = current.toJson();
            changes.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
            merged.put("modifiedAt", call.now().toEpochMilli());
            return validated(new ClientConfig(merged), service);
        });
        return ApiResponse.ok(updated.toJson());
    }

    /**
     * Changes the client named by the path parameter atomically; 404 when it does not exist or a concurrent
     * deletion removed it, which the change never undoes.
     */
    static ClientConfig change(ApiCall call, String pathParam, java.util.function.UnaryOperator<ClientConfig> change) {
        ClientConfig client = existing(call, pathParam);
        return call.service().updateClient(client.clientId(), change).orElseThrow(() -> notFound(call.pathParam(pathParam)));
    }

    public ApiResponse delete(ApiCall call) {
        ClientConfig client = existing(call, "clientId");
        call.service().removeClient(client.clientId());
        return ApiResponse.noContent();
    }

    public ApiResponse updateLockFlag(ApiCall call) {
        JsonNode locked = call.bodyObject().get("clientLocked");
        if (locked == null || !locked.isBoolean() && !locked.isTextual()) {
            throw ApiException.badRequest("'clientLocked' is required.");
        }
        boolean value = locked.asBoolean();
        change(call, "clientIdentifier", client -> client.with("locked", Json.MAPPER.getNodeFactory().booleanNode(value)));
        String code = ResultCodes.of(147, 0, 1);
        return ApiResponse.ok(ResultCodes.body(code, "The client lock flag has been updated to " + value + "."));
    }

    public ApiResponse refreshSecret(ApiCall call) {
        return replaceSecret(call, RandomValues.clientSecret(), ResultCodes.of(148, 0, 1), "refreshed");
    }

    public ApiResponse updateSecret(ApiCall call) {
        String secret = call.bodyObject().path("clientSecret").asText(null);
        if (secret == null || !SECRET.matcher(secret).matches()) {
            throw ApiException.badRequest("'clientSecret' must be 1 to 86 characters of A-Z, a-z, 0-9, '-' and '_'.");
        }
        return replaceSecret(call, secret, ResultCodes.of(149, 0, 1), "updated");
    }

    private ApiResponse replaceSecret(ApiCall call, String newSecret, String code, String verb) {
        java.util.concurrent.atomic.AtomicReference<String> oldSecret = new java.util.concurrent.atomic.AtomicReference<>();
        change(call, "clientIdentifier", client -> {
            oldSecret.set(client.clientSecret());
            return client.with("clientSecret", new TextNode(newSecret));
        });
        ObjectNode body = ResultCodes.body(code, "The client secret has been " + verb + ".");
        body.put("newClientSecret", newSecret);
        body.put("oldClientSecret", oldSecret.get());
        return ApiResponse.ok(body);
    }

    private static ClientConfig existing(ApiCall call, String pathParam) {
        String identifier = call.pathParam(pathParam);
        return call.service().findClient(identifier).orElseThrow(() -> notFound(identifier));
    }

    private static ApiException notFound(String identifier) {
        return ApiException.notFound(ResultCodes.CLIENT_NOT_FOUND, "No client has the ID '" + identifier + "'.");
    }

    private static ObjectNode assignable(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove(ASSIGNED);
        return copy;
    }

    private static ClientConfig validated(ClientConfig client, ServiceState service) {
        for (String uri : client.redirectUris()) {
            RedirectUris.registrationProblem(uri).ifPresent(problem -> {
                throw ApiException.badRequest(problem);
            });
        }
        String alias = client.clientIdAlias();
        if (alias.isBlank() || service.aliasTaken(alias, client.clientId())
                || !alias.equals(Long.toString(client.clientId())) && alias.chars().allMatch(Character::isDigit)) {
            throw ApiException.badRequest("The client ID alias '" + alias + "' is empty, taken, or numeric.");
        }
        return client;
    }

}
