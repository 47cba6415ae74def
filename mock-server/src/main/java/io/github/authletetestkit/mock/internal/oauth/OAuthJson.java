package io.github.authletetestkit.mock.internal.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of this package (thread-safe once configured; configured here only). */
final class OAuthJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private OAuthJson() {}
}
