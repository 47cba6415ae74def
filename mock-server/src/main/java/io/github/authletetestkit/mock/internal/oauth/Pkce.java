package io.github.authletetestkit.mock.internal.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** Proof Key for Code Exchange (RFC 7636): challenge syntax, S256 derivation and verification. */
public final class Pkce {

    /** Shortest and longest legal {@code code_challenge} / {@code code_verifier} (RFC 7636 4.1, 4.2). */
    static final int MIN_LENGTH = 43;
    static final int MAX_LENGTH = 128;

    private Pkce() {}

    /** The {@code code_challenge_method} values of RFC 7636 4.3. */
    public enum Method {
        PLAIN("plain"),
        S256("S256");

        private final String wireName;

        Method(String wireName) {
            this.wireName = wireName;
        }

        /** The value as it appears in {@code code_challenge_method}. */
        public String wireName() {
            return wireName;
        }

        /** Exact-case lookup: the RFC defines {@code plain} and {@code S256}, so {@code s256} is unknown. */
        public static Optional<Method> fromWireName(String wireName) {
            return Arrays.stream(values()).filter(m -> m.wireName.equals(wireName)).findFirst();
        }
    }

    /** True for 43 to 128 characters of {@code [A-Za-z0-9-._~]} (RFC 7636 4.1 ABNF); false for null. */
    public static boolean isWellFormed(String challengeOrVerifier) {
        if (challengeOrVerifier == null
                || challengeOrVerifier.length() < MIN_LENGTH || challengeOrVerifier.length() > MAX_LENGTH) {
            return false;
        }
        return challengeOrVerifier.chars().allMatch(Pkce::isUnreserved);
    }

    /**
     * {@code BASE64URL-ENCODE(SHA256(ASCII(code_verifier)))} (RFC 7636 4.2).
     *
     * @throws IllegalArgumentException when the verifier is not ASCII (it has no ASCII octets to hash)
     */
    public static String s256Challenge(String verifier) {
        Objects.requireNonNull(verifier, "verifier");
        byte[] ascii = asciiOctets(verifier);
        if (ascii == null) {
            throw new IllegalArgumentException("A PKCE code_verifier must be ASCII.");
        }
        return TokenHashes.base64Url(TokenHashes.digest("SHA-256", ascii));
    }

    /**
     * RFC 7636 4.6: does {@code verifier} prove knowledge of the secret behind {@code challenge}?
     * Compared in constant time so that response timing reveals nothing about the challenge.
     * A null method means {@code plain}, the RFC default. False for a null verifier or challenge and for a
     * non-ASCII verifier. Syntax is not checked here; use {@link #isWellFormed(String)} for that.
     */
    public static boolean verify(String challenge, Method method, String verifier) {
        if (challenge == null || verifier == null) {
            return false;
        }
        byte[] ascii = asciiOctets(verifier);
        if (ascii == null) {
            return false;
        }
        String expected = method == Method.S256 ? TokenHashes.base64Url(TokenHashes.digest("SHA-256", ascii)) : verifier;
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), challenge.getBytes(StandardCharsets.UTF_8));
    }

    /** The ASCII octets of {@code text}, or null when it has a non-ASCII character (getBytes would turn it into '?'). */
    private static byte[] asciiOctets(String text) {
        if (!text.chars().allMatch(c -> c < 0x80)) {
            return null;
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
