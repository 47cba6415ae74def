package io.github.authletetestkit.mock.internal.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A query string written back from its parameters. */
public final class QueryStrings {

    private QueryStrings() {}

    /** {@code a=1&b=2}, each name and value form-encoded; empty for no parameters. */
    public static String of(Map<String, List<String>> query) {
        if (query == null || query.isEmpty()) {
            return ""; // most calls have no query: no stream for them
        }
        return query.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
