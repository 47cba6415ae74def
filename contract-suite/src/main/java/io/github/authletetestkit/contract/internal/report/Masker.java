package io.github.authletetestkit.contract.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of everything the suite prints or writes: the API credentials (and any other value
 * registered), members of JSON bodies that hold credentials or tokens, and token-bearing parameters of
 * form strings and redirect URIs.
 */
public final class Masker {

    public static final String MASK = "****";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** JSON members whose value is a credential, a token or key material (compared case-insensitively). */
    private static final Set<String> SECRET_MEMBERS = Set.of(
            "clientsecret", "newclientsecret", "oldclientsecret", "client_secret",
            "accesstoken", "access_token", "refreshtoken", "refresh_token", "idtoken", "id_token", "jwtaccesstoken",
            "ticket", "authorizationcode", "code", "password", "token",
            "devicecode", "device_code", "usercode", "user_code", "authreqid", "auth_req_id",
            "jwks", "servicetoken", "orgtoken", "apisecret", "registrationaccesstoken", "registration_access_token",
            "clientnotificationtoken", "code_verifier", "codeverifier");

    /** {@code name=value} pairs in form strings and URIs whose value is secret. */
    private static final Pattern SECRET_PARAMETERS = Pattern.compile(
            "(?i)\\b(code|client_secret|refresh_token|access_token|id_token|token|password|code_verifier|device_code|auth_req_id|ticket)=[^&\"#\\s]*");

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    public Masker(Collection<String> secrets) {
        secrets.forEach(this::register);
    }

    /** Masks every later occurrence of this value (values shorter than 4 characters are ignored). */
    public void register(String secret) {
        if (secret != null && secret.length() >= 4 && !secrets.contains(secret)) {
            secrets.add(secret);
            secrets.sort(Comparator.comparingInt(String::length).reversed());
        }
    }

    /** The text with every registered secret replaced. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** A body fit for a report: secret JSON members and parameters masked, then every registered secret. */
    public String maskBody(String body) {
        if (body == null || body.isEmpty()) {
            return body;
        }
        String trimmed = body.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonNode tree = MAPPER.readTree(trimmed);
                return mask(MAPPER.writeValueAsString(maskNode(tree)));
            } catch (Exception notJson) {
                // fall through to plain text masking
            }
        }
        return mask(SECRET_PARAMETERS.matcher(body).replaceAll("$1=" + MASK));
    }

    private JsonNode maskNode(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (SECRET_MEMBERS.contains(name.toLowerCase(Locale.ROOT)) && !value.isNull()) {
                    object.put(name, MASK);
                } else {
                    object.set(name, maskNode(value));
                }
            }
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, maskNode(array.get(i)));
            }
            return array;
        }
        if (node.isTextual()) {
            String text = node.asText();
            String trimmed = text.trim();
            if (trimmed.startsWith("{")) {
                try {
                    return new TextNode(MAPPER.writeValueAsString(maskNode(MAPPER.readTree(trimmed))));
                } catch (Exception notJson) {
                    // a plain string
                }
            }
            return new TextNode(SECRET_PARAMETERS.matcher(text).replaceAll("$1=" + MASK));
        }
        return node;
    }

}
