package io.github.authletetestkit.mock.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.model.Json;

/** {@code /api/info}: what server this is. */
public final class InfoApi {

    /** The API version the mock imitates. */
    public static final String API_VERSION = "3.0.16";

    /** {@code /api/lifecycle/healthcheck}: the mock is up. */
    public ApiResponse healthcheck(ApiCall call) {
        return ApiResponse.text("OK");
    }

    public ApiResponse info(ApiCall call) {
        ObjectNode body = Json.object();
        body.put("version", API_VERSION);
        body.putArray("features").add("authlete-testkit-mock");
        return ApiResponse.ok(body);
    }
}
