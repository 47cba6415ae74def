package io.github.authletetestkit.mock.internal.http;

import com.atlassian.oai.validator.model.Body;
import com.atlassian.oai.validator.model.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The mock's response as Atlassian's validator reads it: its status, its one header ({@code Content-Type}) and its
 * body, given as the text written and, when the mock has it, the tree that text was written from. The validator
 * would otherwise parse the text again (two fifths of a response check). The tree must be what the text reads
 * as: the mock writes every member of a tree, nulls included, and the validator reads numbers by value.
 */
record TreeResponse(int status, String contentType, String text, JsonNode tree) implements Response {

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    @Deprecated
    public Optional<String> getBody() {
        return Optional.ofNullable(text);
    }

    @Override
    public Optional<Body> getResponseBody() {
        return tree == null || text == null ? Response.super.getResponseBody() : Optional.of(new TreeBody(text, tree));
    }

    @Override
    public Collection<String> getHeaderValues(String name) {
        return contentType != null && "Content-Type".equalsIgnoreCase(name) ? List.of(contentType) : List.of();
    }

    @Override
    public Optional<String> getContentType() {
        return Optional.ofNullable(contentType);
    }

    private record TreeBody(String text, JsonNode tree) implements Body {

        @Override
        public boolean hasBody() {
            return !text.isEmpty();
        }

        @Override
        public JsonNode toJsonNode() {
            return tree;
        }

        @Override
        public String toString(Charset encoding) {
            return text;
        }
    }
}
