package io.github.authletetestkit.flows.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Building blocks the flows share: a registered client, the code flow's steps, PKCE, form strings. */
public final class Fixtures {

    public static final String REDIRECT_URI = "https://client.example.com/callback";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Fixtures() {
    }

    /** A registered client's credentials. */
    public record TestClient(long id, String secret) {
        public String idText() {
            return Long.toString(id);
        }

        public TestClient withSecret(String other) {
            return new TestClient(id, other);
        }
    }

    /**
     * Registers a confidential client named after the flow, with these grant types, response type CODE and
     * {@link #REDIRECT_URI}, plus {@code extra} members; its deletion is registered before anything else can fail.
     */
    public static TestClient createClient(FlowContext ctx, List<String> grantTypes, Map<String, Object> extra)
            throws InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientName", ctx.resourceName());
        // the developer field lets --cleanup find every client the suite created with one filtered list call
        body.put("developer", FlowEnvironment.PREFIX);
        body.put("description", "Created by the Authlete Testkit contract suite; deleted when the flow ends.");
        body.put("clientType", "CONFIDENTIAL");
        body.put("grantTypes", grantTypes);
        body.put("responseTypes", List.of("CODE"));
        body.put("redirectUris", List.of(REDIRECT_URI));
        body.putAll(extra);
        // the spec prefers 201; 200 is documented for legacy compatibility
        Reply created = ctx.call(Step.post("create client", "client_create_api", "/client/create")
                .management().json(body).expect(201, 200).fields("clientId", "clientSecret"));
        long id = created.json().get("clientId").asLong();
        ctx.deleteAfterwards("client " + id + " (" + ctx.resourceName() + ")", deleteClient(id));
        return new TestClient(id, created.text("clientSecret"));
    }

    /** Deleting a client also removes its tokens and grants. */
    static Step deleteClient(long id) {
        return Step.delete("delete client", "client_delete_api", "/client/delete/" + id).management().expect(204, 404);
    }

    public static Step authorization(String name, Map<String, String> parameters) {
        return Step.post(name, "auth_authorization_api", "/auth/authorization").json(Map.of("parameters", form(parameters)));
    }

    public static Step issue(String ticket) {
        return Step.post("authorization issue", "auth_authorization_issue_api", "/auth/authorization/issue")
                .json(Map.of("ticket", ticket, "subject", FlowContext.SUBJECT));
    }

    /** {@code /auth/token} with the client's credentials in the {@code clientId}/{@code clientSecret} members (HTTP Basic at the AS). */
    public static Step token(String name, TestClient client, Map<String, String> parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parameters", form(parameters));
        body.put("clientId", client.idText());
        if (client.secret() != null) {
            body.put("clientSecret", client.secret());
        }
        return Step.post(name, "auth_token_api", "/auth/token").json(body);
    }

    public static Step introspection(String name, String token) {
        return Step.post(name, "auth_introspection_api", "/auth/introspection").json(Map.of("token", token));
    }

    public static Step revocation(String name, TestClient client, String token) {
        return Step.post(name, "auth_revocation_api", "/auth/revocation").json(Map.of(
                "parameters", form(Map.of("token", token)), "clientId", client.idText(), "clientSecret", client.secret()));
    }

    /** The parameters of a code request with state and redirect URI, plus {@code extra} pairs. */
    public static Map<String, String> codeRequest(TestClient client, String... extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", client.idText());
        params.put("redirect_uri", REDIRECT_URI);
        params.put("state", "contract-state");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            params.put(extra[i], extra[i + 1]);
        }
        return params;
    }

    /** Authorization request, approval and the code it yields; asserts INTERACTION, LOCATION, {@code code=} and {@code state=}. */
    public static String authorizationCode(FlowContext ctx, Map<String, String> parameters) throws InterruptedException {
        Reply authorized = ctx.call(authorization("authorization request", parameters).expect(200, "INTERACTION").fields("ticket"));
        Reply issued = ctx.call(issue(authorized.text("ticket")).expect(200, "LOCATION").fields("authorizationCode", "responseContent"));
        String location = issued.text("responseContent");
        String code = issued.text("authorizationCode");
        ctx.check(code.equals(redirectParameter(location, "code")), "the redirect URI does not carry the authorization code");
        if (parameters.containsKey("state")) {
            ctx.check(parameters.get("state").equals(redirectParameter(location, "state")), "the redirect URI does not carry the state");
        }
        return code;
    }

    public static Map<String, String> codeExchange(String code, String... extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "authorization_code");
        params.put("code", code);
        params.put("redirect_uri", REDIRECT_URI);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            params.put(extra[i], extra[i + 1]);
        }
        return params;
    }

    /** A fresh PKCE code verifier: 43 characters of base64url. */
    public static String codeVerifier() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** BASE64URL(SHA-256(verifier)) without padding. */
    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code a=1&b=2}, each part percent-encoded. */
    public static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** A query (or fragment) parameter of a redirect URI, decoded; null when absent. */
    public static String redirectParameter(String location, String name) {
        if (location == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return null;
        }
        for (String part : new String[] {uri.getRawQuery(), uri.getRawFragment()}) {
            if (part == null) {
                continue;
            }
            for (String pair : part.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
