package io.github.authletetestkit.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schema finding of the request validator as a person reads it: what was found, then what was expected, and the
 * value sent. The schema library fills its message templates one argument short ("integer: string found, {2}
 * expected" means an integer was found where a string was expected), so its text is read per schema keyword and said
 * again in that order. Used by the mock (rejected requests, strict-mode responses) and the contract suite alike.
 */
public final class ViolationText {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_VALUE_CHARS = 120;
    private static final Pattern TYPE = Pattern.compile("^(.+?): (.+?) found,?\\s*(?:\\{\\d+}\\s*)?expected.*$", Pattern.DOTALL);
    private static final Pattern ENUM = Pattern.compile("^(.*): does not have a value in the enumeration.*$", Pattern.DOTALL);
    private static final Pattern REQUIRED = Pattern.compile("^(.+?): required property.*$", Pattern.DOTALL);
    private static final Pattern UNDECLARED = Pattern.compile("^(.+?): property .*not defined.*$", Pattern.DOTALL);
    private static final Pattern FIRST_ARGUMENT = Pattern.compile("^([^:]+): (.*)$", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("'?\\{\\d+}'?");

    private ViolationText() {}

    /** The schema keyword of a validator message key: {@code validation.request.body.schema.type} gives {@code type}. */
    public static String keyword(String key) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        int dot = key.lastIndexOf('.');
        return dot < 0 ? key : key.substring(dot + 1);
    }

    /**
     * {@code found <what was sent>, expected <what the schema asks>}.
     *
     * @param key  the validator's message key (its last segment is the schema keyword)
     * @param raw  the validator's message
     * @param sent the value the finding is about (the body member at its pointer, a parameter's value); null when unknown
     */
    public static String describe(String key, String raw, JsonNode sent) {
        String text = raw == null ? "" : raw.trim();
        String value = sent == null || sent.isMissingNode() ? null : shown(sent);
        Matcher m;
        switch (keyword(key)) {
            case "type" -> {
                if ((m = TYPE.matcher(text)).matches()) {
                    return "found " + m.group(1) + (value == null ? "" : " " + value) + ", expected " + m.group(2);
                }
            }
            case "enum" -> {
                if ((m = ENUM.matcher(text)).matches()) {
                    return "found " + (value == null ? "a value outside the enumeration" : value) + ", expected one of " + m.group(1);
                }
            }
            case "required" -> {
                if ((m = REQUIRED.matcher(text)).matches()) {
                    return "found no member '" + m.group(1) + "', expected the required member '" + m.group(1) + "'";
                }
            }
            case "additionalProperties" -> {
                if ((m = UNDECLARED.matcher(text)).matches()) {
                    return "found the member '" + m.group(1) + "', expected only the members the schema declares";
                }
            }
            default -> {
                // one-argument templates: "1: must have a minimum value of {1}" means "must have a minimum value of 1"
                if ((m = FIRST_ARGUMENT.matcher(text)).matches() && m.group(2).contains("{1}")) {
                    text = m.group(2).replace("{1}", m.group(1));
                }
            }
        }
        String rule = PLACEHOLDER.matcher(text).replaceAll("").replaceAll("\\s+", " ").replace(" ,", ",").trim();
        return "found " + (value == null ? "a value that breaks the rule" : value) + ", expected a value that meets: " + rule;
    }

    /**
     * Where a finding points: the validator's pointer, made precise for a missing or an undeclared member, whose
     * pointer is its parent's ({@code ""} for the body) — the member's own pointer then says which one.
     */
    public static String pointer(String key, String raw, String pointer) {
        String base = pointer == null ? "" : pointer;
        Matcher m;
        String keyword = keyword(key);
        if (keyword.equals("required") && raw != null && (m = REQUIRED.matcher(raw.trim())).matches()
                || keyword.equals("additionalProperties") && raw != null && (m = UNDECLARED.matcher(raw.trim())).matches()) {
            return base + "/" + m.group(1).replace("~", "~0").replace("/", "~1");
        }
        return base;
    }

    /** The member at {@code pointer} of a JSON document; null when the text is no JSON or has nothing there. */
    public static JsonNode at(String json, String pointer) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(json).at(pointer == null ? "" : pointer);
            return node.isMissingNode() ? null : node;
        } catch (Exception e) {
            return null;
        }
    }

    /** A query or path parameter's value as it was sent. */
    public static JsonNode parameter(String value) {
        return value == null ? null : TextNode.valueOf(value);
    }

    private static String shown(JsonNode value) {
        String json = value.toString();
        return json.length() <= MAX_VALUE_CHARS ? json : json.substring(0, MAX_VALUE_CHARS) + "…";
    }
}
