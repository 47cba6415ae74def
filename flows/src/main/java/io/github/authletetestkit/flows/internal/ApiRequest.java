package io.github.authletetestkit.flows.internal;

import java.util.Objects;

/**
 * One call to the Authlete API, independent of the target it goes to.
 *
 * @param operationId the operation the flow means to call (the spec's operationId)
 * @param method      HTTP method, upper case
 * @param path        the path from {@code /api}, with the concrete service ID and query string,
 *                    e.g. {@code /api/7135203410987/client/get/list?start=0&end=5}
 * @param contentType media type of the body, or {@code null} without a body
 * @param body        the body, or {@code null}
 * @param auth        which credential goes into the {@code Authorization} header
 */
public record ApiRequest(String operationId, String method, String path, String contentType, String body, Auth auth) {

    /** The credential a call presents. */
    public enum Auth {
        /** The service access token: runtime APIs. */
        SERVICE,
        /** The organisation token when one is configured, else the service token: service and client management. */
        MANAGEMENT,
        /** No {@code Authorization} header at all. */
        NONE
    }

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(auth, "auth");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
    }

    /** The path without its query string. */
    public String pathOnly() {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    /** The raw query string, or {@code null}. */
    public String query() {
        int q = path.indexOf('?');
        return q < 0 ? null : path.substring(q + 1);
    }
}
