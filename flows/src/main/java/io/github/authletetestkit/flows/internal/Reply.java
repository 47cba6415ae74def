package io.github.authletetestkit.flows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A target's answer as a flow reads it: the status, the JSON body, {@code action}, {@code responseContent}. */
public final class Reply {

    private final Exchange exchange;
    private JsonNode json;
    private JsonNode content;

    Reply(Exchange exchange) {
        this.exchange = exchange;
    }

    /** The request and the answer as they went over the wire. */
    public Exchange exchange() {
        return exchange;
    }

    public int status() {
        return exchange.response().status();
    }

    public String body() {
        return exchange.response().body();
    }

    /** The body as JSON; a missing node when it is empty or not JSON. */
    public JsonNode json() {
        if (json == null) {
            json = parse(body());
        }
        return json;
    }

    /** A member of the body as text, or {@code null} when absent or null. */
    public String text(String member) {
        JsonNode value = json().get(member);
        return value == null || value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    public String action() {
        return text("action");
    }

    /** {@code responseContent} parsed as JSON; a missing node when it is not JSON. */
    public JsonNode content() {
        if (content == null) {
            content = parse(text("responseContent"));
        }
        return content;
    }

    /** The OAuth {@code error} inside {@code responseContent}, or {@code null}. */
    public String contentError() {
        JsonNode error = content().get("error");
        return error == null || error.isNull() ? null : error.asText();
    }

    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        String trimmed = text.trim();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = Step.MAPPER.readTree(trimmed);
            return node == null ? MissingNode.getInstance() : node;
        } catch (Exception notJson) {
            return MissingNode.getInstance();
        }
    }

    @Override
    public String toString() {
        return status() + " " + body();
    }
}
