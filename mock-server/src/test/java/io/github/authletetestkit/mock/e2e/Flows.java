package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.testing.MockHttp;
import io.github.authletetestkit.mock.testing.HttpReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.model.Json;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The steps of the OAuth flows an app drives through Authlete, for tests to compose. */
final class Flows {

    static final String REDIRECT_URI = "https://client.example.com/callback";
    static final String SUBJECT = "testuser";

    private final ApiClient api;

    Flows(ApiClient api) {
        this.api = api;
    }

    /** A client registered for the code and refresh grants with one redirect URI, changed by {@code overrides}. */
    Client createClient(String clientType, Map<String, Object> overrides) {
        ObjectNode client = Json.object();
        client.put("clientName", "test client");
        client.put("clientType", clientType);
        client.putArray("grantTypes").add("AUTHORIZATION_CODE").add("REFRESH_TOKEN").add("CLIENT_CREDENTIALS").add("PASSWORD").add("IMPLICIT");
        client.putArray("responseTypes").add("CODE").add("TOKEN").add("ID_TOKEN").add("CODE_ID_TOKEN").add("CODE_TOKEN")
                .add("ID_TOKEN_TOKEN").add("CODE_ID_TOKEN_TOKEN").add("NONE");
        client.putArray("redirectUris").add(REDIRECT_URI);
        overrides.forEach((k, v) -> client.set(k, Json.MAPPER.valueToTree(v)));
        HttpReply reply = api.post("/client/create", client);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return new Client(reply.json().get("clientId").asLong(), reply.text("clientSecret"));
    }

    Client confidentialClient() {
        return createClient("CONFIDENTIAL", Map.of());
    }

    /** {@code /auth/authorization} with these request parameters. */
    HttpReply authorize(Map<String, String> params) {
        return api.post("/auth/authorization", Map.of("parameters", MockHttp.form(params)));
    }

    static Map<String, String> codeRequest(Client client, String... extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", Long.toString(client.id()));
        params.put("redirect_uri", REDIRECT_URI);
        params.put("state", "testState");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            params.put(extra[i], extra[i + 1]);
        }
        return params;
    }

    /** A ticket from an accepted authorization request. */
    String ticket(Map<String, String> params) {
        HttpReply reply = authorize(params);
        assertThat(reply.action()).as(reply.toString()).isIn("INTERACTION", "NO_INTERACTION");
        return reply.text("ticket");
    }

    HttpReply issue(String ticket, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("ticket", ticket, "subject", SUBJECT));
        body.putAll(extra);
        return api.post("/auth/authorization/issue", body);
    }

    /** An authorization code for a request with these parameters, approved for {@link #SUBJECT}. */
    String code(Map<String, String> params) {
        HttpReply issued = issue(ticket(params), Map.of());
        assertThat(issued.action()).as(issued.toString()).isEqualTo("LOCATION");
        return issued.text("authorizationCode");
    }

    HttpReply token(Client client, Map<String, String> params) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parameters", MockHttp.form(params));
        body.put("clientId", Long.toString(client.id()));
        if (client.secret() != null) {
            body.put("clientSecret", client.secret());
        }
        return api.post("/auth/token", body);
    }

    HttpReply exchange(Client client, String code, String... extra) {
        Map<String, String> params = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            params.put(extra[i], extra[i + 1]);
        }
        return token(client, params);
    }

    /** A whole code flow: the token response, asserted OK. */
    HttpReply codeFlow(Client client, String... extra) {
        HttpReply reply = exchange(client, code(codeRequest(client, extra)));
        assertThat(reply.action()).as(reply.toString()).isEqualTo("OK");
        return reply;
    }

    HttpReply introspect(String token) {
        return api.post("/auth/introspection", Map.of("token", token));
    }

    /** A query or fragment parameter of a redirect URI. */
    static String redirectParam(String location, String name) {
        URI uri = URI.create(location);
        String part = uri.getRawQuery() != null ? uri.getRawQuery() : uri.getRawFragment();
        if (uri.getRawFragment() != null && (uri.getRawQuery() == null || !uri.getRawQuery().contains(name + "="))) {
            part = uri.getRawFragment();
        }
        for (String pair : part.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** A registered client's credentials. */
    record Client(long id, String secret) {
        Client withSecret(String otherSecret) {
            return new Client(id, otherSecret);
        }
    }
}
