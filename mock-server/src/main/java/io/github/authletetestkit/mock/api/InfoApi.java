package io.github.authletetestkit.mock.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.model.Json;

/** {@code /api/info}: what server this is. */
public final class InfoApi {

    /** The API version the mock imitates. */
    public static final String API_VERSION = "3.0.16";

    public ApiResponse info(ApiCall call) {
        ObjectNode body = Json.object();
        body.put("version", API_VERSION);
        body.putArray("features").add("authlete-testkit-mock");
        return ApiResponse.ok(body);
    }
}
