package io.github.authletetestkit.mock.internal.admin;

/**
 * One route of the admin API: a method, a path below {@code /__admin/authlete/} and what answers it.
 * Adding a route is one {@code AdminRoute.get/post/delete} line in {@link AdminRoutes}.
 */
public record AdminRoute(String method, String path, Handler handler) {

    /** Answers one request; throws {@link AdminInputException} for a body it cannot carry out. */
    @FunctionalInterface
    public interface Handler {
        /** @param body the request body as text; null when there is none */
        AdminReply handle(String body);

        /** @param query the request's query parameters, first value of each; routes that read none ignore them */
        default AdminReply handle(java.util.Map<String, String> query, String body) {
            return handle(body);
        }
    }

    /** Answers one request that reads its query parameters. */
    @FunctionalInterface
    public interface QueryHandler {
        AdminReply handle(java.util.Map<String, String> query, String body);
    }

    /** A GET route that reads its query parameters. */
    public static AdminRoute getWithQuery(String path, QueryHandler handler) {
        return new AdminRoute("GET", path, new Handler() {
            @Override
            public AdminReply handle(String body) {
                return handler.handle(java.util.Map.of(), body);
            }

            @Override
            public AdminReply handle(java.util.Map<String, String> query, String body) {
                return handler.handle(query, body);
            }
        });
    }

    public static AdminRoute get(String path, Handler handler) {
        return new AdminRoute("GET", path, handler);
    }

    public static AdminRoute post(String path, Handler handler) {
        return new AdminRoute("POST", path, handler);
    }

    public static AdminRoute delete(String path, Handler handler) {
        return new AdminRoute("DELETE", path, handler);
    }
}
