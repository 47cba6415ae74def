package io.github.authletetestkit.mock.internal.api;

import java.util.List;

/** Authlete's list paging: {@code start} inclusive, {@code end} exclusive, five entries by default. */
record Paging(int start, int end) {

    static final int DEFAULT_SIZE = 5;

    Paging {
        if (start < 0 || end < start) {
            throw ApiException.badRequest("'start' must be 0 or more and 'end' must not be less than 'start'.");
        }
    }

    static Paging from(ApiCall call) {
        int start = parse(call.queryParam("start"), 0, "start");
        int end = parse(call.queryParam("end"), start + DEFAULT_SIZE, "end");
        return new Paging(start, end);
    }

    <T> List<T> slice(List<T> all) {
        int from = Math.min(start, all.size());
        int to = Math.min(end, all.size());
        return all.subList(from, to);
    }

    private static int parse(String value, int fallback, String name) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + name + "' must be an integer.");
        }
    }
}
