package io.github.authletetestkit.mock.internal.synth;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers an operation the mock has no handler for from the spec alone: its success response's example
 * when the spec gives one, else a value generated from the schema. So every operation of a loaded spec
 * answers — a newer published spec's new operations too — with something that validates.
 */
public final class ResponseSynthesizer {

    /** Header on every synthesised answer, so a test can tell it from a stateful one. */
    public static final String HEADER = "X-Authlete-Mock-Synthesised";

    /** A synthesised answer: status, content type (null for no body) and body. */
    public record Synthesised(int status, String contentType, String body) {}

    private final AuthleteSpec spec;
    private final Map<String, Optional<Synthesised>> byOperation = new ConcurrentHashMap<>();

    public ResponseSynthesizer(AuthleteSpec spec) {
        this.spec = spec;
    }

    /** The answer for the operation; empty when the spec has no such operation or no success response. */
    public Optional<Synthesised> answer(String operationId) {
        return byOperation.computeIfAbsent(operationId, this::synthesise);
    }

    private Optional<Synthesised> synthesise(String operationId) {
        Operation operation = spec.flattenedOperation(operationId).orElse(null);
        if (operation == null || operation.getResponses() == null) {
            return Optional.empty();
        }
        return operation.getResponses().entrySet().stream()
                .filter(e -> e.getKey().matches("2\\d\\d"))
                .sorted(Map.Entry.comparingByKey())
                .findFirst()
                .map(e -> fromResponse(Integer.parseInt(e.getKey()), e.getValue()));
    }

    private static Synthesised fromResponse(int status, ApiResponse response) {
        if (response.getContent() == null || response.getContent().isEmpty()) {
            return new Synthesised(status, null, null);
        }
        MediaType json = response.getContent().get("application/json");
        if (json == null) {
            Map.Entry<String, MediaType> first = response.getContent().entrySet().iterator().next();
            return new Synthesised(status, first.getKey(), first.getKey().startsWith("text/") ? "OK" : "");
        }
        return new Synthesised(status, "application/json", Json.write(body(json)));
    }

    private static JsonNode body(MediaType media) {
        if (media.getExample() != null) {
            return Json.MAPPER.valueToTree(media.getExample());
        }
        if (media.getExamples() != null) {
            for (Example example : media.getExamples().values()) {
                if (example.getValue() != null) {
                    return Json.MAPPER.valueToTree(example.getValue());
                }
            }
        }
        return SchemaSampler.sample(media.getSchema());
    }
}
