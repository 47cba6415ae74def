package io.github.authletetestkit.mock.admin;

import io.github.authletetestkit.mock.AuthleteMockServer;
import java.util.List;
import java.util.Set;

/** The routes of the admin API, described in {@code admin-api.yaml} next to this class. */
public final class AdminRoutes {

    private AdminRoutes() {}

    /**
     * @param operationIds the loaded spec's operations, the ones a fault may name
     */
    public static List<AdminRoute> of(AuthleteMockServer server, Set<String> operationIds) {
        ClockAdmin clock = new ClockAdmin(server.clock());
        FaultsAdmin faultsAdmin = new FaultsAdmin(server.faults(), operationIds);
        RateLimitsAdmin rateLimits = new RateLimitsAdmin(server.rateLimiter(), server.clock());
        return List.of(
                AdminRoute.post("reset", body -> {
                    server.reset();
                    return AdminReply.noContent();
                }),
                AdminRoute.get("clock", clock::get),
                AdminRoute.post("clock", clock::post),
                AdminRoute.get("faults", faultsAdmin::list),
                AdminRoute.post("faults", faultsAdmin::add),
                AdminRoute.delete("faults", faultsAdmin::clear),
                AdminRoute.get("rate-limits", rateLimits::get),
                AdminRoute.post("rate-limits", rateLimits::post));
    }
}
