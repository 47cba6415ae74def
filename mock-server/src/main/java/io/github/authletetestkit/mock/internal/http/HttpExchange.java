package io.github.authletetestkit.mock.internal.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A request as the pipeline sees it, free of the HTTP server's types. Header names are lower case. */
public record HttpExchange(String method, String path, Map<String, List<String>> query, Map<String, String> headers, String body) {

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The media type of the body without parameters, lower case; null when absent. */
    public String mediaType() {
        String contentType = header("content-type");
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The answer to write back, possibly after a delay, or a dropped connection instead. */
    public record Reply(int status, String contentType, String body, Map<String, String> headers, long delayMillis,
                        boolean connectionReset) {

        public Reply(int status, String contentType, String body, Map<String, String> headers) {
            this(status, contentType, body, headers, 0, false);
        }

        public Reply delayed(long millis) {
            return new Reply(status, contentType, body, headers, delayMillis + millis, connectionReset);
        }

        public static Reply reset() {
            return new Reply(0, null, null, Map.of(), 0, true);
        }
    }
}
