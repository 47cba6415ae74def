package io.github.authletetestkit.mock.internal.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.MockClock;
import io.github.authletetestkit.mock.internal.ratelimit.RateLimiter;
import io.github.authletetestkit.mock.model.Json;
import java.util.Set;

/** {@code GET/POST rate-limits}: switches the emulation of Authlete's hourly limits and shows its counters. */
final class RateLimitsAdmin {

    private final RateLimiter limiter;
    private final MockClock clock;

    RateLimitsAdmin(RateLimiter limiter, MockClock clock) {
        this.limiter = limiter;
        this.clock = clock;
    }

    AdminReply get(String body) {
        ObjectNode answer = Json.object().put("enabled", limiter.enabled()).put("windowSeconds", RateLimiter.WINDOW.getSeconds());
        ObjectNode limits = answer.putObject("limits");
        limiter.limits().asMap().forEach((category, limit) -> limits.put(category.name(), limit));
        ArrayNode usage = answer.putArray("usage");
        limiter.usage(clock.instant()).forEach(u -> usage.addObject()
                .put("serviceId", u.serviceId())
                .put("category", u.category().name())
                .put("calls", u.calls())
                .put("limit", u.limit())
                .put("windowEnds", u.windowEnds().toString()));
        return AdminReply.ok(answer);
    }

    AdminReply post(String body) {
        AdminInput in = AdminInput.object(body, Set.of("enabled"));
        limiter.enable(in.required("enabled", in.bool("enabled")));
        return get(null);
    }
}
