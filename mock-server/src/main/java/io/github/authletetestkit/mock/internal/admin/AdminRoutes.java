package io.github.authletetestkit.mock.internal.admin;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.coverage.CoverageJson;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.state.SeedException;
import java.util.List;
import java.util.Set;

/** The routes of the admin API, described in {@code admin-api.yaml} next to this class. */
public final class AdminRoutes {

    /** A seed's top-level members; the seed reader checks everything below them. */
    private static final Set<String> SEED_MEMBERS = Set.of("schemaVersion", "services", "organizationTokens", "clock");

    private AdminRoutes() {}

    /**
     * @param operationIds the loaded spec's operations, the ones a fault may name
     */
    public static List<AdminRoute> of(AuthleteMockServer server, Set<String> operationIds) {
        ClockAdmin clock = new ClockAdmin(server.clock());
        FaultsAdmin faultsAdmin = new FaultsAdmin(MockInternals.of(server).faults(), operationIds);
        CallsAdmin calls = new CallsAdmin(MockInternals.of(server).journal(), server::baseUrl);
        RateLimitsAdmin rateLimits = new RateLimitsAdmin(MockInternals.of(server).rateLimiter(), server.clock());
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
                AdminRoute.post("rate-limits", rateLimits::post),
                AdminRoute.getWithQuery("calls", calls::list),
                AdminRoute.delete("calls", calls::clear),
                AdminRoute.get("coverage", body -> AdminReply.ok(CoverageJson.of(server.coverage()))),
                AdminRoute.delete("coverage", body -> {
                    server.clearCoverage();
                    return AdminReply.noContent();
                }),
                AdminRoute.get("state", body -> AdminReply.ok(server.state())),
                AdminRoute.post("seed", body -> loadSeed(server, body)));
    }

    private static AdminReply loadSeed(AuthleteMockServer server, String body) {
        AdminInput seed = AdminInput.object(body, SEED_MEMBERS);
        try {
            server.loadSeed(seed.json());
        } catch (SeedException e) {
            throw new AdminInputException(e.field().isEmpty() ? null : e.field(), e.getMessage());
        }
        return AdminReply.ok(server.state());
    }
}
