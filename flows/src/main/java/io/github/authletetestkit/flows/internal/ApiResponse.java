package io.github.authletetestkit.flows.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the target answered.
 *
 * @param headers header names in lower case
 */
public record ApiResponse(int status, Map<String, List<String>> headers, String body) {

    public ApiResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String contentType() {
        return header("content-type").orElse(null);
    }
}
