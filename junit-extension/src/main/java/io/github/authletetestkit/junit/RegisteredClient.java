package io.github.authletetestkit.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A client the mock has registered: what an app's configuration or a test needs to use it.
 *
 * @param name the {@code clientName}
 * @param id the client ID Authlete assigned
 * @param secret the client secret; every Authlete client has one, public clients just do not use it
 * @param confidential whether the client type is {@code CONFIDENTIAL}
 * @param redirectUris the registered redirect URIs
 * @param grantTypes the grant types it may use
 */
public record RegisteredClient(String name, long id, String secret, boolean confidential, List<String> redirectUris,
                               List<String> grantTypes) {

    public RegisteredClient {
        redirectUris = List.copyOf(redirectUris);
        grantTypes = List.copyOf(grantTypes);
    }

    /** The client ID as the {@code clientId} of Authlete's token, revocation and other runtime requests. */
    public String idAsString() {
        return Long.toString(id);
    }

    /** The first registered redirect URI; null when there is none. */
    public String redirectUri() {
        return redirectUris.isEmpty() ? null : redirectUris.get(0);
    }

    /**
     * The {@code parameters} of an {@code /auth/authorization} request for the code flow: response type,
     * client ID, {@link #redirectUri()}, these space-separated scopes, and a state.
     */
    public String authorizationParameters(String scope) {
        StringBuilder form = new StringBuilder("response_type=code&client_id=").append(id)
                .append("&state=state-").append(id);
        if (redirectUri() != null) {
            form.append("&redirect_uri=").append(encode(redirectUri()));
        }
        if (scope != null && !scope.isBlank()) {
            form.append("&scope=").append(encode(scope));
        }
        return form.toString();
    }

    /** The {@code parameters} of an {@code /auth/token} request that redeems an authorization code. */
    public String tokenParameters(String authorizationCode) {
        StringBuilder form = new StringBuilder("grant_type=authorization_code&code=").append(encode(authorizationCode));
        if (redirectUri() != null) {
            form.append("&redirect_uri=").append(encode(redirectUri()));
        }
        return form.toString();
    }

    static RegisteredClient from(ObjectNode json) {
        return new RegisteredClient(json.path("clientName").asText(null), json.path("clientId").asLong(),
                json.path("clientSecret").asText(null), "CONFIDENTIAL".equals(json.path("clientType").asText()),
                texts(json.get("redirectUris")), texts(json.get("grantTypes")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RegisteredClient[" + name + ", id " + id + (confidential ? ", confidential" : ", public") + "]";
    }
}
