package io.github.authletetestkit.mock.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/** The bearer token the admin API demands, compared in constant time. */
public final class AdminToken {

    private final byte[] expected;

    public AdminToken(String token) {
        this.expected = Objects.requireNonNull(token, "token").getBytes(StandardCharsets.UTF_8);
    }

    /** Whether an {@code Authorization} header value (null when absent) carries the token. */
    public boolean permits(String authorization) {
        if (authorization == null) {
            return false;
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        // the scheme is case-insensitive (RFC 9110), the token is not
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
            return false;
        }
        return MessageDigest.isEqual(expected, value.substring(space + 1).strip().getBytes(StandardCharsets.UTF_8));
    }
}
