package io.github.authletetestkit.mock.internal.oauth;

import com.nimbusds.jose.JWSAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/** Hashes of token values: DPoP {@code ath} (RFC 9449 4.2) and OIDC {@code at_hash}/{@code c_hash} (OIDC Core 3.1.3.6). */
public final class TokenHashes {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TokenHashes() {}

    /** BASE64URL(SHA-256(UTF-8(value))), no padding; for ASCII tokens this is the RFC 9449 {@code ath}. */
    public static String sha256Base64Url(String value) {
        Objects.requireNonNull(value, "value");
        return base64Url(digest("SHA-256", value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * OIDC {@code at_hash}/{@code c_hash}: the left-most half of the hash of the value, where the hash is the
     * one the ID token's JWS algorithm uses (SHA-256 for {@code *256}, SHA-384 for {@code *384}, SHA-512 for
     * {@code *512}; EdDSA/Ed25519 use SHA-512 as OIDF decided for Ed25519), base64url without padding.
     *
     * @throws IllegalArgumentException for an algorithm with no defined hash (e.g. {@code none}, {@code Ed448})
     */
    public static String halfHash(String value, JWSAlgorithm alg) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(alg, "alg");
        byte[] hash = digest(hashAlgorithmFor(alg), value.getBytes(StandardCharsets.UTF_8));
        return base64Url(Arrays.copyOf(hash, hash.length / 2));
    }

    /** The JCA digest name matching a JWS algorithm's hash size. */
    static String hashAlgorithmFor(JWSAlgorithm alg) {
        String name = alg.getName();
        if (name.equals("EdDSA") || name.equals("Ed25519")) {
            return "SHA-512";
        }
        if (name.endsWith("256") || name.equals("ES256K")) {
            return "SHA-256";
        }
        if (name.endsWith("384")) {
            return "SHA-384";
        }
        if (name.endsWith("512")) {
            return "SHA-512";
        }
        throw new IllegalArgumentException("No hash is defined for the JWS algorithm '" + name + "'.");
    }

    static byte[] digest(String algorithm, byte[] input) {
        try {
            return MessageDigest.getInstance(algorithm).digest(input);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide SHA-256/384/512.
            throw new IllegalStateException(e);
        }
    }

    static String base64Url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }
}
