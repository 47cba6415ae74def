package io.github.authletetestkit.mock.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Map;

/**
 * A validator's own copy of a document's paths whose schemas the validator hands to its schema cache (those of
 * parameters, request bodies, responses and response headers) are {@link IdentityHashedSchema}s. The paths are
 * copied first: the originals are shared with the mock's other readers of the document.
 */
final class IdentityHashedDocument {

    private IdentityHashedDocument() {
    }

    /** {@code document} with each of its path items replaced by such a copy; returns {@code document}. */
    static OpenAPI of(OpenAPI document) {
        if (document.getPaths() != null) {
            document.getPaths().replaceAll((template, item) -> identityHashed(copy(item)));
        }
        return document;
    }

    private static PathItem copy(PathItem item) {
        try {
            return Json31.mapper().readValue(Json31.mapper().writeValueAsString(item), PathItem.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A path of the OpenAPI description does not copy: " + e.getOriginalMessage(), e);
        }
    }

    private static PathItem identityHashed(PathItem item) {
        parameters(item.getParameters());
        for (Operation operation : item.readOperations()) {
            parameters(operation.getParameters());
            if (operation.getRequestBody() != null) {
                content(operation.getRequestBody().getContent());
            }
            if (operation.getResponses() != null) {
                for (ApiResponse response : operation.getResponses().values()) {
                    content(response.getContent());
                    headers(response.getHeaders());
                }
            }
        }
        return item;
    }

    private static void parameters(List<Parameter> parameters) {
        if (parameters != null) {
            parameters.forEach(parameter -> {
                parameter.setSchema(IdentityHashedSchema.of(parameter.getSchema()));
                content(parameter.getContent());
            });
        }
    }

    private static void headers(Map<String, Header> headers) {
        if (headers != null) {
            headers.values().forEach(header -> {
                header.setSchema(IdentityHashedSchema.of(header.getSchema()));
                content(header.getContent());
            });
        }
    }

    private static void content(Content content) {
        if (content != null) {
            content.values().forEach(media -> media.setSchema(IdentityHashedSchema.of(media.getSchema())));
        }
    }
}
