package io.github.authletetestkit.mock.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.MockClock;
import io.github.authletetestkit.mock.model.Json;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the mock's clock stands, as {@link AuthleteMockControl#clock()} and {@code GET /__admin/authlete/clock} show it.
 *
 * @param now    the mock's time
 * @param frozen whether it stands still
 * @param offset how far it is from real time, in whole seconds (positive when ahead)
 */
public record ClockReading(Instant now, boolean frozen, Duration offset) {

    public static ClockReading of(MockClock clock) {
        return new ClockReading(clock.instant(), clock.isFrozen(), Duration.ofSeconds(Math.round(clock.offset().toMillis() / 1000.0)));
    }

    /** The reading as the admin API writes it. */
    public ObjectNode toJson() {
        return Json.object()
                .put("now", now.toString())
                .put("epochSeconds", now.getEpochSecond())
                .put("frozen", frozen)
                .put("offsetSeconds", offset.toSeconds());
    }

    /** A reading as the admin API wrote it. */
    public static ClockReading fromJson(JsonNode node) {
        return new ClockReading(Instant.parse(node.path("now").asText()), node.path("frozen").asBoolean(),
                Duration.ofSeconds(node.path("offsetSeconds").asLong()));
    }
}
