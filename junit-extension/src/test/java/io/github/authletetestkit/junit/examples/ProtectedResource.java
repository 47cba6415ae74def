package io.github.authletetestkit.junit.examples;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.api.AuthleteApiException;
import com.authlete.common.dto.IntrospectionRequest;
import com.authlete.common.dto.IntrospectionResponse;

/**
 * A sliver of an app under test: a resource server endpoint that asks Authlete about the bearer token.
 * When Authlete cannot answer it fails closed with 503 rather than letting the request through.
 */
final class ProtectedResource {

    record Answer(int status, String body) {}

    private final AuthleteApi authlete;

    ProtectedResource(AuthleteApi authlete) {
        this.authlete = authlete;
    }

    Answer get(String authorization) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        IntrospectionResponse introspection;
        try {
            introspection = authlete.introspection(new IntrospectionRequest().setToken(token).setScopes(new String[] {"read"}));
        } catch (AuthleteApiException e) {
            return new Answer(503, "{\"error\":\"temporarily_unavailable\"}");
        }
        return switch (introspection.getAction()) {
            case OK -> new Answer(200, "{\"subject\":\"" + introspection.getSubject() + "\"}");
            case BAD_REQUEST -> new Answer(400, introspection.getResponseContent());
            case UNAUTHORIZED -> new Answer(401, introspection.getResponseContent());
            case FORBIDDEN -> new Answer(403, introspection.getResponseContent());
            default -> new Answer(500, introspection.getResponseContent());
        };
    }
}
