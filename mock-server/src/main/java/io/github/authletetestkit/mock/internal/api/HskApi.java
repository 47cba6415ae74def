package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.hsk.HardwareKey;
import io.github.authletetestkit.mock.internal.hsk.HardwareKeyMaker;
import io.github.authletetestkit.mock.internal.hsk.HardwareKeys;

/**
 * {@code /hsk/*}: keys really made (type, use and algorithm as asked), kept per service under a random handle, listed
 * and deleted. Outcomes are in-band ({@code action}) with HTTP 200, except delete, whose success is a bodiless 204.
 * The API numbers of the result codes (301 to 304) are ours: no published code was found.
 */
public final class HskApi {

    record HskCreateRequest(String kty, String use, String kid, String hsmName, String alg) {}

    private static final int CREATE = 301;
    private static final int DELETE = 302;
    private static final int GET = 303;
    private static final int LIST = 304;

    public ApiResponse create(ApiCall call) {
        HskCreateRequest request = call.body(HskCreateRequest.class);
        HardwareKey key;
        try {
            key = HardwareKeyMaker.make(new HardwareKeyMaker.Request(request.kty(), request.use(), request.alg(), request.kid(),
                    request.hsmName()));
        } catch (HardwareKeyMaker.RefusedException e) {
            return ApiResponse.ok(RuntimeResult.of(ResultCodes.of(CREATE, 2, 1), "INVALID_REQUEST", e.getMessage()));
        }
        keys(call).add(key);
        return ApiResponse.ok(withKey(RuntimeResult.of(ResultCodes.of(CREATE, 0, 1), "SUCCESS",
                "The key was created on the HSM '" + key.hsmName() + "'."), key));
    }

    public ApiResponse get(ApiCall call) {
        String handle = call.pathParam("handle");
        return keys(call).get(handle)
                .map(key -> ApiResponse.ok(withKey(RuntimeResult.of(ResultCodes.of(GET, 0, 1), "SUCCESS",
                        "The key was found."), key)))
                .orElseGet(() -> ApiResponse.ok(RuntimeResult.of(ResultCodes.of(GET, 2, 1), "NOT_FOUND",
                        "No key has the handle '" + handle + "'.")));
    }

    public ApiResponse delete(ApiCall call) {
        String handle = call.pathParam("handle");
        if (keys(call).remove(handle).isEmpty()) {
            throw ApiException.notFound(ResultCodes.of(DELETE, 2, 1), "No key has the handle '" + handle + "'.");
        }
        return ApiResponse.noContent();
    }

    public ApiResponse list(ApiCall call) {
        ObjectNode body = RuntimeResult.of(ResultCodes.of(LIST, 0, 1), "SUCCESS", "The keys of the service.");
        ArrayNode hsks = body.putArray("hsks");
        keys(call).list().forEach(key -> hsks.add(key.toJson()));
        return ApiResponse.ok(body);
    }

    private static HardwareKeys keys(ApiCall call) {
        return call.service().hardwareKeys();
    }

    private static ObjectNode withKey(ObjectNode body, HardwareKey key) {
        body.set("hsk", key.toJson());
        return body;
    }
}
