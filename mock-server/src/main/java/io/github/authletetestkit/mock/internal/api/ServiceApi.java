package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.model.ServiceDefaults;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.util.List;
import java.util.Set;

/** Service management: get, list, create, update (a partial merge), delete. */
public final class ServiceApi {

    /** Members the caller cannot set: Authlete assigns them. */
    private static final java.util.regex.Pattern NON_NEGATIVE = java.util.regex.Pattern.compile(".*(Duration|Interval|Length|Skew)");
    private static final Set<String> READ_ONLY = Set.of("apiKey", "apiSecret", "number", "serviceOwnerNumber", "createdAt", "modifiedAt");

    public ApiResponse get(ApiCall call) {
        return ApiResponse.ok(call.service().config().toJson());
    }

    public ApiResponse list(ApiCall call) {
        Paging paging = Paging.from(call);
        List<ServiceState> visible = call.store().services().stream()
                .filter(s -> call.caller().mayAccess(s.serviceId()))
                .toList();
        ObjectNode body = Json.object();
        body.put("start", paging.start());
        body.put("end", paging.end());
        body.put("totalCount", visible.size());
        paging.slice(visible).forEach(s -> body.withArray("services").add(s.config().toJson()));
        body.withArray("services");
        return ApiResponse.ok(body);
    }

    public ApiResponse update(ApiCall call) {
        ObjectNode changes = writable(call.bodyObject());
        checkJwks(changes);
        ObjectNode stamp = Json.object().put("modifiedAt", call.now().toEpochMilli());
        ServiceConfig updated = call.service().changeConfig(current -> current.merge(changes).merge(stamp));
        return ApiResponse.ok(updated.toJson());
    }

    public ApiResponse create(ApiCall call) {
        if (!call.caller().isOrganization()) {
            throw ApiException.forbidden(ResultCodes.ACCESS_TOKEN_FORBIDDEN, "Creating a service needs an organization token.");
        }
        ObjectNode requested = writable(call.bodyObject());
        checkJwks(requested);
        long apiKey = RandomValues.numericId();
        ServiceConfig created = ServiceDefaults.service(apiKey, requested, Jwks.generateSigningKeys(), call.now());
        call.store().addService(created);
        return ApiResponse.created(created.toJson());
    }

    public ApiResponse delete(ApiCall call) {
        call.store().removeService(call.service().serviceId());
        return ApiResponse.noContent();
    }

    /** Members the caller may set, checked: lifetimes, intervals and lengths are never negative. */
    private static ObjectNode writable(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove(READ_ONLY);
        copy.fields().forEachRemaining(member -> {
            if (NON_NEGATIVE.matcher(member.getKey()).matches() && member.getValue().isNumber()) {
                if (member.getValue().asLong() < 0) {
                    throw ApiException.badRequest("'" + member.getKey() + "' must not be negative.");
                }
                if (!member.getKey().endsWith("Length")) {
                    Lifetimes.checkSeconds(member.getKey(), member.getValue().asLong());
                }
            }
        });
        return copy;
    }

    private static void checkJwks(ObjectNode changes) {
        JsonNode jwks = changes.get("jwks");
        if (jwks != null && !jwks.isNull() && !jwks.asText().isEmpty()) {
            try {
                Jwks.parse(jwks.asText());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("'jwks' is not a valid JWK Set: " + e.getMessage());
            }
        }
    }
}
