package io.github.authletetestkit.mock.internal.api;

/**
 * Authlete result codes: {@code A} + 3-digit API number + category digit (0 success, 1 Authlete's fault,
 * 2 the API caller's fault, 3 the OAuth client's or end-user's fault) + 2-digit sequence. Codes seen
 * from the real service are used where known; the rest are minted in the same shape.
 */
public final class ResultCodes {

    // transport and caller authentication (API 001)
    public static final String SERVER_ERROR = "A001101";
    public static final String INVALID_REQUEST = "A001201";
    public static final String AUTHORIZATION_HEADER_MISSING = "A001202";
    public static final String ACCESS_TOKEN_INVALID = "A001203";
    public static final String ACCESS_TOKEN_FORBIDDEN = "A001204";
    public static final String SERVICE_NOT_FOUND = "A001205";
    public static final String CLIENT_NOT_FOUND = "A001206";
    public static final String SPEC_VIOLATION = "A001207";
    public static final String RATE_LIMITED = "A001208";
    public static final String CLIENT_LOCKED = "A001215";

    private ResultCodes() {}

    /** A code of {@code api} (1..999) in {@code category} (0..3) with sequence {@code seq} (1..99). */
    public static String of(int api, int category, int seq) {
        if (api < 0 || api > 999 || category < 0 || category > 9 || seq < 0 || seq > 99) {
            return String.format("A%03d%d%02d", api, category, seq);
        }
        // built by hand: String.format was 4 % of a handled call
        char[] code = {'A', digit(api / 100), digit(api / 10 % 10), digit(api % 10), digit(category), digit(seq / 10), digit(seq % 10)};
        return new String(code);
    }

    private static char digit(int value) {
        return (char) ('0' + value);
    }

    /** {@code [CODE] message}, the shape of every {@code resultMessage}. */
    public static String message(String code, String text) {
        return "[" + code + "] " + text;
    }

    /** {@code {"resultCode": CODE, "resultMessage": "[CODE] message"}}, the base of every response body. */
    public static com.fasterxml.jackson.databind.node.ObjectNode body(String code, String text) {
        return io.github.authletetestkit.mock.model.Json.object().put("resultCode", code).put("resultMessage", message(code, text));
    }

    /** {@code [CODE] /path, message}, the shape of transport-level errors. */
    public static String transportMessage(String code, String apiPath, String text) {
        return "[" + code + "] " + apiPath + ", " + text;
    }
}
