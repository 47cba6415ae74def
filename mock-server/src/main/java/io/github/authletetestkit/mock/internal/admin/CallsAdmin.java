package io.github.authletetestkit.mock.internal.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.RecordedCall;
import io.github.authletetestkit.mock.control.MockCall;
import io.github.authletetestkit.mock.internal.journal.CallJournal;
import io.github.authletetestkit.mock.model.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code GET/DELETE calls}: the calls the mock answered, newest first, with their bodies and a {@code curl} command
 * that repeats each one; filtered by {@code operation}, {@code action}, {@code resultCode} and {@code since}.
 */
final class CallsAdmin {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> PARAMETERS = Set.of("operation", "action", "resultCode", "since", "limit");

    private final CallJournal journal;
    private final Supplier<String> baseUrl;

    CallsAdmin(CallJournal journal, Supplier<String> baseUrl) {
        this.journal = journal;
        this.baseUrl = baseUrl;
    }

    AdminReply list(Map<String, String> query, String body) {
        Predicate<RecordedCall> which = filter(query);
        int limit = limit(query.get("limit"));
        List<RecordedCall> matching = journal.calls(which);
        ArrayNode calls = Json.array();
        for (int i = matching.size() - 1; i >= 0 && calls.size() < limit; i--) {
            calls.add(describe(matching.get(i)));
        }
        ObjectNode reply = Json.object().put("total", matching.size()).put("returned", calls.size());
        reply.set("calls", calls);
        return AdminReply.ok(reply);
    }

    AdminReply clear(String body) {
        journal.clear();
        return AdminReply.noContent();
    }

    /** Unknown query parameters are ignored, like everywhere in the mock. */
    private static Predicate<RecordedCall> filter(Map<String, String> query) {
        Predicate<RecordedCall> which = call -> true;
        for (String name : PARAMETERS) {
            String value = query.get(name);
            if (value == null || name.equals("limit")) {
                continue;
            }
            which = which.and(switch (name) {
                case "operation" -> call -> value.equals(call.operationId());
                case "action" -> call -> value.equals(call.action());
                case "resultCode" -> call -> value.equals(call.resultCode());
                default -> {
                    Instant since = instant(value);
                    yield call -> !call.at().isBefore(since);
                }
            });
        }
        return which;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new AdminInputException("since", "'since' must be an ISO-8601 instant such as 2030-01-01T00:00:00Z: " + text);
        }
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new AdminInputException("limit", "'limit' must be a whole number from 1 to " + MAX_LIMIT + ": " + text);
    }

    private ObjectNode describe(RecordedCall call) {
        return MockCall.of(call, baseUrl.get()).toJson();
    }
}
