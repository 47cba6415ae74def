package io.github.authletetestkit.mock.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.spec.internal.TestkitVersion;
import java.util.List;
import java.util.Map;

/** The utility endpoints: {@code /api/info} (what server this is), the health check and {@code /api/misc/echo}. */
public final class InfoApi {

    /** The API version the mock imitates: the {@code info.version} of the bundled spec. */
    public static final String API_VERSION = "3.0.16";


    /** {@code /api/lifecycle/healthcheck}: the mock is up. */
    public ApiResponse healthcheck(ApiCall call) {
        return ApiResponse.text("OK");
    }

    public ApiResponse info(ApiCall call) {
        ObjectNode body = Json.object();
        body.put("version", API_VERSION);
        body.putArray("features").add("authlete-testkit-mock");
        body.putObject("configuration")
                .put("server", "Authlete Testkit mock")
                .put("mockVersion", TestkitVersion.current())
                .put("specVersion", API_VERSION);
        return ApiResponse.ok(body);
    }

    /** {@code /api/misc/echo}: the query parameters back as a JSON object of strings (the first value of each). */
    public ApiResponse echo(ApiCall call) {
        ObjectNode body = Json.object();
        for (Map.Entry<String, List<String>> parameter : call.query().entrySet()) {
            List<String> values = parameter.getValue();
            body.put(parameter.getKey(), values == null || values.isEmpty() ? "" : values.getFirst());
        }
        return ApiResponse.ok(body);
    }
}
