package io.github.authletetestkit.mock.internal.oauth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import io.github.authletetestkit.mock.model.ClientConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys a client signs with, as Authlete finds them: its inline {@code jwks}, else the JWK Set at its
 * {@code jwksUri} (fetched now, with short timeouts), plus its client secret as an HMAC key.
 */
public final class ClientKeys {

    static final int TIMEOUT_MILLIS = 3_000;
    static final int SIZE_LIMIT_BYTES = 512 * 1024;

    private ClientKeys() {}

    /** A client's verification keys; {@link KeyProblem} when its JWK Set is present but unusable. */
    public static List<JWK> verificationKeys(ClientConfig client) {
        List<JWK> keys = new ArrayList<>(publicKeys(client));
        if (client.clientSecret() != null && !client.clientSecret().isEmpty()) {
            keys.add(new OctetSequenceKey.Builder(client.clientSecret().getBytes(StandardCharsets.UTF_8)).build());
        }
        return keys;
    }

    /** The public keys of the client's JWK Set (inline or fetched); empty when it registered none. */
    public static List<JWK> publicKeys(ClientConfig client) {
        if (client.jwks() != null && !client.jwks().isBlank()) {
            try {
                return JWKSet.parse(client.jwks()).toPublicJWKSet().getKeys();
            } catch (ParseException e) {
                throw new KeyProblem("The client's jwks is not a valid JWK Set: " + e.getMessage());
            }
        }
        if (client.jwksUri() != null && !client.jwksUri().isBlank()) {
            try {
                return JWKSet.load(URI.create(client.jwksUri()).toURL(), TIMEOUT_MILLIS, TIMEOUT_MILLIS, SIZE_LIMIT_BYTES)
                        .toPublicJWKSet().getKeys();
            } catch (IOException | ParseException | IllegalArgumentException e) {
                throw new KeyProblem("The JWK Set at the client's jwksUri " + client.jwksUri() + " cannot be read: " + e.getMessage());
            }
        }
        return List.of();
    }

    /** The client's keys cannot be had: the message says why, for the caller's error description. */
    public static final class KeyProblem extends RuntimeException {
        public KeyProblem(String message) {
            super(message);
        }
    }
}
