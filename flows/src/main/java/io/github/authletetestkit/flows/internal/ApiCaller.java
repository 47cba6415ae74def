package io.github.authletetestkit.flows.internal;

import java.io.IOException;

/**
 * How flows reach a target: one request in, the final answer out. The contract suite paces and retries
 * behind it; a test can send straight to an in-process mock. Implementations must be thread-safe (a shutdown
 * hook may delete through the same caller).
 */
public interface ApiCaller {

    /** The service's API key: the {@code {serviceId}} of every service-scoped path. */
    String serviceId();

    Exchange call(ApiRequest request) throws IOException, InterruptedException;

    /** The service's path prefix: {@code /api/{serviceId}}. */
    default String servicePath(String apiPath) {
        return "/api/" + serviceId() + apiPath;
    }
}
