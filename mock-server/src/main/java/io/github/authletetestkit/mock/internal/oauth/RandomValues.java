package io.github.authletetestkit.mock.internal.oauth;

import com.nimbusds.jose.jca.JCAAware;
import com.nimbusds.jose.jca.JCAContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Random identifiers shaped like Authlete's (reference 1.6), so values produced by the mock look real
 * and have the same lengths clients may (wrongly) depend on. Thread-safe: {@link SecureRandom} is.
 *
 * <p>Every value is drawn from the source {@link #using bound} to the current thread, and from a shared
 * {@link SecureRandom} when none is: a deterministic mock binds its own seeded source while it handles a request,
 * so one mock's seed never reaches another mock's values.
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
    private static final ThreadLocal<SecureRandom> BOUND = new ThreadLocal<>();

    private RandomValues() {}

    /**
     * Runs {@code work} with every value of this class (and every key and signature made through {@link #current()})
     * drawn from {@code source} on this thread; the previous binding comes back afterwards, also on failure.
     *
     * @param source the source to draw from; null draws from the shared {@link SecureRandom}
     */
    public static <T> T using(SecureRandom source, Supplier<T> work) {
        SecureRandom previous = BOUND.get();
        BOUND.set(source);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                BOUND.remove();
            } else {
                BOUND.set(previous);
            }
        }
    }

    /** The source bound to this thread by {@link #using}, else the shared {@link SecureRandom}. */
    public static SecureRandom current() {
        SecureRandom bound = BOUND.get();
        return bound != null ? bound : RANDOM;
    }

    /**
     * A signer or encrypter drawing its randomness (ECDSA nonces, content keys, IVs) from the bound source, so a
     * deterministic mock signs alike; untouched (the JCA's own randomness) when none is bound.
     */
    public static <T extends JCAAware<? extends JCAContext>> T drawingFromCurrent(T jcaUser) {
        SecureRandom bound = BOUND.get();
        if (bound != null) {
            jcaUser.getJCAContext().setSecureRandom(bound);
        }
        return jcaUser;
    }

    /** A random (version 4) UUID drawn from the {@link #current()} source. */
    public static UUID uuid() {
        byte[] bytes = new byte[16];
        current().nextBytes(bytes);
        bytes[6] = (byte) (bytes[6] & 0x0f | 0x40);
        bytes[8] = (byte) (bytes[8] & 0x3f | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = high << 8 | bytes[i] & 0xff;
            low = low << 8 | bytes[i + 8] & 0xff;
        }
        return new UUID(high, low);
    }

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
        return current().nextLong(MIN_NUMERIC_ID, MAX_SAFE_INTEGER + 1);
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
            code.append(alphabet.charAt(current().nextInt(alphabet.length())));
        }
        return code.toString();
    }

    private static String randomBase64Url(int byteCount) {
        byte[] bytes = new byte[byteCount];
        current().nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }
}
