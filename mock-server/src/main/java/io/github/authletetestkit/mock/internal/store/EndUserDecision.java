package io.github.authletetestkit.mock.internal.store;

/**
 * What the end-user decided on a device-flow or CIBA request, as the service reported it through
 * {@code /device/complete} or {@code /backchannel/authentication/complete}; the token endpoint acts on it.
 *
 * @param grant                what was granted, for {@link Result#AUTHORIZED}; null otherwise
 * @param errorDescription     replaces the {@code error_description} of the client's error, when not authorized
 * @param errorUri             replaces the {@code error_uri} of the client's error, when not authorized
 * @param accessTokenDuration  lifetime of the access token to issue in seconds; 0 means the default
 * @param refreshTokenDuration lifetime of the refresh token to issue in seconds; 0 means the default
 * @param accessToken          a caller-chosen access token value, or null
 */
public record EndUserDecision(
        Result result,
        Grant grant,
        String errorDescription,
        String errorUri,
        long accessTokenDuration,
        long refreshTokenDuration,
        String accessToken) {

    /** The {@code result} values of both complete APIs. */
    public enum Result { AUTHORIZED, ACCESS_DENIED, TRANSACTION_FAILED }

    public boolean authorized() {
        return result == Result.AUTHORIZED;
    }
}
