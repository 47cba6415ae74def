package io.github.authletetestkit.mock.oauth;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random identifiers shaped like Authlete's (reference 1.6), so values produced by the mock look real
 * and have the same lengths clients may (wrongly) depend on. Thread-safe: {@link SecureRandom} is.
 */
public final class RandomValues {

    /** Consonants only, so user codes cannot spell words (RFC 8628 6.1). */
    static final String BASE20 = "BCDFGHJKLMNPQRSTVWXZ";
    static final String DIGITS = "0123456789";

    /**
     * The largest integer a JavaScript number holds exactly ({@code Number.MAX_SAFE_INTEGER}, 2^53 - 1). Every numeric
     * identifier the mock makes stays at or below it: a JavaScript client (Authlete's TypeScript SDK parses JSON into
     * numbers) would otherwise round an ID silently and find nothing under it.
     */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    /** The smallest 13-digit number: Authlete's service and client IDs have 13 to 16 digits. */
    static final long MIN_NUMERIC_ID = 1_000_000_000_000L;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private RandomValues() {}

    /** 256 random bits, base64url without padding: 43 characters (tickets, codes, access/refresh tokens). */
    public static String token() {
        return randomBase64Url(32);
    }

    /** 512 random bits, base64url without padding: 86 characters, the length of Authlete client secrets. */
    public static String clientSecret() {
        return randomBase64Url(64);
    }

    /** 96 random bits, base64url without padding: a 16-character JWK {@code kid}. */
    public static String keyId() {
        return randomBase64Url(12);
    }

    /** A positive long of 13 to 16 digits, uniform over [10^12, 2^53), like a service API key or client ID. */
    public static long numericId() {
        return RANDOM.nextLong(MIN_NUMERIC_ID, MAX_SAFE_INTEGER + 1);
    }

    /**
     * A device-flow {@code user_code} (RFC 8628 6.1) of {@code length} characters.
     *
     * @param charset {@code NUMERIC} for digits, {@code BASE20} (also for null or unknown, case-insensitive) for consonants
     * @throws IllegalArgumentException when {@code length} is not positive
     */
    public static String userCode(String charset, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("A user code length must be positive, got " + length + ".");
        }
        String alphabet = "NUMERIC".equalsIgnoreCase(charset) ? DIGITS : BASE20;
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return code.toString();
    }

    private static String randomBase64Url(int byteCount) {
        byte[] bytes = new byte[byteCount];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }
}
