package io.github.authletetestkit.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.model.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a client to register with the mock looks like. Start from {@link #confidential()} or
 * {@link #publicClient()} — both allow the authorization-code and refresh-token grants with
 * {@value AuthleteMock#DEFAULT_REDIRECT_URI} as their redirect URI — and change what the test needs:
 *
 * <pre>{@code
 * RegisteredClient spa = mock.createClient(ClientSpec.publicClient().name("spa").requirePkceS256());
 * RegisteredClient api = mock.createClient(ClientSpec.confidential().grantTypes("CLIENT_CREDENTIALS"));
 * }</pre>
 *
 * <p>Grant types, response types and other values use Authlete's names ({@code AUTHORIZATION_CODE},
 * {@code CODE}, …); {@link #set} adds any other member of Authlete's {@code Client}. Instances are
 * immutable: every method returns a changed copy.
 */
public final class ClientSpec {

    private final String name;
    private final boolean confidential;
    private final List<String> grantTypes;
    private final List<String> responseTypes;
    private final List<String> redirectUris;
    private final Map<String, JsonNode> members;

    private ClientSpec(String name, boolean confidential, List<String> grantTypes, List<String> responseTypes,
                       List<String> redirectUris, Map<String, JsonNode> members) {
        this.name = name;
        this.confidential = confidential;
        this.grantTypes = List.copyOf(grantTypes);
        this.responseTypes = List.copyOf(responseTypes);
        this.redirectUris = List.copyOf(redirectUris);
        this.members = Map.copyOf(members);
    }

    /** A confidential client (it gets a secret) for the authorization-code and refresh-token grants. */
    public static ClientSpec confidential() {
        return new ClientSpec(null, true, List.of("AUTHORIZATION_CODE", "REFRESH_TOKEN"), List.of("CODE"),
                List.of(AuthleteMock.DEFAULT_REDIRECT_URI), Map.of());
    }

    /** A public client (no client authentication) for the authorization-code and refresh-token grants. */
    public static ClientSpec publicClient() {
        return confidential().confidential(false);
    }

    /** The {@code clientName}; also the name {@link AuthleteMock#client(String)} finds a seeded client by. */
    public ClientSpec name(String clientName) {
        return new ClientSpec(requireText(clientName, "clientName"), confidential, grantTypes, responseTypes, redirectUris, members);
    }

    /** {@code CONFIDENTIAL} (true) or {@code PUBLIC} (false). */
    public ClientSpec confidential(boolean isConfidential) {
        return new ClientSpec(name, isConfidential, grantTypes, responseTypes, redirectUris, members);
    }

    /** The grant types the client may use, e.g. {@code "AUTHORIZATION_CODE", "CLIENT_CREDENTIALS"}. */
    public ClientSpec grantTypes(String... types) {
        return new ClientSpec(name, confidential, texts(types, "grantTypes"), responseTypes, redirectUris, members);
    }

    /** The response types the client may use, e.g. {@code "CODE"}; none for a client without the front channel. */
    public ClientSpec responseTypes(String... types) {
        return new ClientSpec(name, confidential, grantTypes, texts(types, "responseTypes"), redirectUris, members);
    }

    /** The registered redirect URIs; the first is {@link RegisteredClient#redirectUri()}. */
    public ClientSpec redirectUris(String... uris) {
        return new ClientSpec(name, confidential, grantTypes, responseTypes, texts(uris, "redirectUris"), members);
    }

    /** Authorization requests must carry a PKCE {@code code_challenge}. */
    public ClientSpec requirePkce() {
        return set("pkceRequired", true);
    }

    /** Authorization requests must carry a PKCE {@code code_challenge} with method {@code S256}. */
    public ClientSpec requirePkceS256() {
        return set("pkceRequired", true).set("pkceS256Required", true);
    }

    /** Authorization requests must be pushed first (PAR, RFC 9126). */
    public ClientSpec requirePar() {
        return set("parRequired", true);
    }

    /** Token requests must carry a DPoP proof (RFC 9449). */
    public ClientSpec requireDpop() {
        return set("dpopRequired", true);
    }

    /** Any other member of Authlete's {@code Client}: a string, number, boolean, list or map. */
    public ClientSpec set(String member, Object value) {
        requireText(member, "member");
        Map<String, JsonNode> changed = new LinkedHashMap<>(members);
        changed.put(member, Json.MAPPER.valueToTree(value));
        return new ClientSpec(name, confidential, grantTypes, responseTypes, redirectUris, changed);
    }

    /** The body of {@code POST /api/{serviceId}/client/create}. */
    ObjectNode toJson(String fallbackName) {
        ObjectNode json = Json.object();
        json.put("clientName", name != null ? name : fallbackName);
        json.put("clientType", confidential ? "CONFIDENTIAL" : "PUBLIC");
        grantTypes.forEach(json.putArray("grantTypes")::add);
        responseTypes.forEach(json.putArray("responseTypes")::add);
        redirectUris.forEach(json.putArray("redirectUris")::add);
        members.forEach(json::set);
        return json;
    }

    String name() {
        return name;
    }

    @Override
    public String toString() {
        return "ClientSpec" + toJson(name == null ? "(unnamed)" : name);
    }

    private static List<String> texts(String[] values, String what) {
        Objects.requireNonNull(values, what);
        List<String> list = new ArrayList<>(values.length);
        for (String value : values) {
            list.add(requireText(value, what));
        }
        return list;
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
