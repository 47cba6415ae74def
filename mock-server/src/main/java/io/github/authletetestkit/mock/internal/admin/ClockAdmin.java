package io.github.authletetestkit.mock.internal.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.MockClock;
import io.github.authletetestkit.mock.control.ClockReading;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code GET/POST clock}: reads and moves the mock's clock. */
final class ClockAdmin {

    private static final List<String> MOVES = List.of("advance", "advanceSeconds", "set");
    private static final Set<String> MEMBERS = Set.of("advance", "advanceSeconds", "set", "frozen");

    private final MockClock clock;

    ClockAdmin(MockClock clock) {
        this.clock = clock;
    }

    AdminReply get(String body) {
        return AdminReply.ok(describe());
    }

    /** One of {@code advance}, {@code advanceSeconds}, {@code set}, and/or {@code frozen}; all read before any is applied. */
    AdminReply post(String body) {
        AdminInput in = AdminInput.object(body, MEMBERS);
        List<String> moves = MOVES.stream().filter(in::has).toList();
        if (moves.size() > 1) {
            throw new AdminInputException(moves.get(1), "Give only one of advance, advanceSeconds and set.");
        }
        Optional<Boolean> frozen = in.bool("frozen");
        if (moves.isEmpty() && frozen.isEmpty()) {
            throw new AdminInputException(null, "Give one of advance, advanceSeconds and set, or frozen.");
        }
        Optional<Duration> advance = in.text("advance").map(ClockAdmin::duration)
                .or(() -> in.integer("advanceSeconds", -MAX_SECONDS, MAX_SECONDS).map(Duration::ofSeconds));
        Optional<Instant> set = in.text("set").map(ClockAdmin::instant);
        // bounded where the clock ends up, not only per move: repeated moves must not overflow the time either
        Instant real = clock.instant().minus(clock.offset());
        set.filter(to -> tooFar(real, to)).ifPresent(to -> {
            throw new AdminInputException("set", "'set' must be within a hundred years of the real time: " + to);
        });
        advance.filter(by -> tooFar(real, clock.instant().plus(by))).ifPresent(by -> {
            throw new AdminInputException(in.has("advance") ? "advance" : "advanceSeconds",
                    "This move would put the clock more than a hundred years from the real time; it stays at " + clock.instant() + ".");
        });
        // freeze first, so that a frozen clock stands exactly where it was set
        frozen.ifPresent(on -> {
            if (on) {
                clock.freeze();
            } else {
                clock.unfreeze();
            }
        });
        advance.ifPresent(clock::advance);
        set.ifPresent(clock::set);
        return AdminReply.ok(describe());
    }

    /** A hundred years either way: far enough for any expiry, near enough never to overflow an Instant. */
    private static final long MAX_SECONDS = 100L * 366 * 24 * 3600;

    private static boolean tooFar(Instant real, Instant to) {
        return Duration.between(real, to).abs().getSeconds() > MAX_SECONDS;
    }

    private static Duration duration(String text) {
        try {
            Duration d = Duration.parse(text);
            if (d.abs().getSeconds() > MAX_SECONDS) {
                throw new AdminInputException("advance", "'advance' must be at most a hundred years: " + text);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new AdminInputException("advance", "'advance' must be an ISO-8601 duration such as PT1H or P1DT30M: " + text);
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new AdminInputException("set", "'set' must be an ISO-8601 instant such as 2030-01-01T00:00:00Z: " + text);
        }
    }

    private ObjectNode describe() {
        return ClockReading.of(clock).toJson();
    }
}
