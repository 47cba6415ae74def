package io.github.authletetestkit.mock.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.authletetestkit.mock.model.Json;
import java.util.List;
import java.util.Map;

/**
 * An HTTP answer of the mock, read the way tests read it.
 *
 * @param synthesised the mock answered from the spec alone (no handler), see {@code X-Authlete-Mock-Synthesised}
 * @param headers every response header, names case-insensitive
 */
public record HttpReply(int status, String body, String contentType, boolean synthesised, Map<String, List<String>> headers) {

    /** The first value of a response header; null when absent. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body as JSON; missing when there is none. */
    public JsonNode json() {
        if (body == null || body.isEmpty()) {
            return MissingNode.getInstance();
        }
        return Json.parse(body);
    }

    public String action() {
        return text("action");
    }

    public String resultCode() {
        return text("resultCode");
    }

    /** A member of a JSON object body as text; null when absent or when the body is no JSON object. */
    public String text(String member) {
        if (contentType == null || !contentType.startsWith("application/json") || body == null || !body.startsWith("{")) {
            return null;
        }
        JsonNode value = json().get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The {@code responseContent} parsed as JSON. */
    public JsonNode content() {
        return Json.parse(text("responseContent"));
    }

    /** The OAuth error inside {@code responseContent}, if any. */
    public String oauthError() {
        String content = text("responseContent");
        if (content == null || !content.startsWith("{")) {
            return null;
        }
        JsonNode error = Json.parse(content).get("error");
        return error == null ? null : error.asText();
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
