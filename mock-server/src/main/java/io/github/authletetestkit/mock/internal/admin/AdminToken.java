package io.github.authletetestkit.mock.internal.admin;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.security.Authenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The bearer token the admin API demands, compared in constant time. As WireMock's admin authenticator it
 * also tells the HTTP server to guard {@code /__admin} with {@link AdminTokenFilter}.
 */
public final class AdminToken implements Authenticator {

    private final byte[] expected;

    public AdminToken(String token) {
        this.expected = Objects.requireNonNull(token, "token").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean authenticate(Request request) {
        return permits(request.getHeader("Authorization"));
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
