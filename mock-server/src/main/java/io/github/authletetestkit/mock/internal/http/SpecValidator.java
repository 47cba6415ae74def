package io.github.authletetestkit.mock.internal.http;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import io.github.authletetestkit.spec.internal.ViolationText;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Checks requests and the mock's own responses against the loaded OpenAPI document with Atlassian's
 * validator.
 */
public final class SpecValidator {

    /** The key of a finding that the spec declares no response with the status. */
    public static final String UNDECLARED_STATUS = "validation.response.status.unknown";

    /** Validators by spec source, then by path template: parsing and building are paid once per JVM. */
    private static final Map<String, Map<String, PathValidator>> BY_SOURCE = new ConcurrentHashMap<>();

    private final Map<String, PathValidator> byPath;
    private final Function<String, PathValidator> build;

    public SpecValidator(AuthleteSpec spec) {
        this(BY_SOURCE.computeIfAbsent(spec.source(), s -> new ConcurrentHashMap<>()), template -> build(spec, template));
    }

    /** With its own validators, made by {@code build} from a path template (a test's seam). */
    SpecValidator(Map<String, PathValidator> byPath, Function<String, PathValidator> build) {
        this.byPath = byPath;
        this.build = build;
    }

    /**
     * The validator of one path, built on its first request: a mock's start builds none. A validator over the
     * whole document matches every request against every path template again (a profile showed that as a
     * third of validation time); the pipeline already knows the operation, so each path gets a validator
     * that knows only it, and is handed the operation instead of finding it again ({@link PathValidator}).
     * Requests to a path whose validator is being built wait for it: none goes unchecked.
     */
    private PathValidator forPath(String pathTemplate) {
        return byPath.computeIfAbsent(pathTemplate, build);
    }

    private static PathValidator build(AuthleteSpec spec, String pathTemplate) {
        // identity-hashed schemas: the validator's schema cache otherwise hashes a whole schema tree per lookup
        return over(IdentityHashedDocument.of(spec.flattened().onePath(pathTemplate)));
    }

    /** The mock's validator over {@code document} (one path, as {@code FlattenedSpec.onePath} makes it), with the mock's levels. */
    static PathValidator over(OpenAPI document) {
        if (document.getPaths() == null || document.getPaths().size() != 1) {
            throw new IllegalArgumentException("a path validator's document has exactly one path");
        }
        // allOf merged into one schema (flattened): "no undeclared member" then holds for
        // composed response schemas instead of failing every member one part of the allOf does not declare
        return new PathValidator(document, document.getPaths().keySet().iterator().next(), LevelResolver.create()
                // SDKs send members a description may not list; the mock's own responses get no such slack
                .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                // the service ignores query parameters it does not know (SDKs send some); known ones stay type-checked
                .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                .build());
    }

    /** The findings for a request; empty when it conforms. */
    public List<String> checkRequest(String pathTemplate, String method, String path, Map<String, List<String>> query,
                                     Map<String, String> headers, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), path);
        query.forEach(request::withQueryParam);
        headers.forEach((name, value) -> request.withHeader(name, value));
        if (body != null && !body.isEmpty()) {
            request.withBody(body);
        }
        return findings(forPath(pathTemplate).validateRequest(request.build()), body, query);
    }

    /** The findings for a response the mock is about to write; empty when it conforms. */
    public List<String> checkResponse(String pathTemplate, String method, String path, int status, String contentType, String body) {
        return checkResponse(pathTemplate, method, path, status, contentType, body, null);
    }

    /**
     * The same, handed the tree the body was written from (null to have the body parsed): the validator then
     * reads the tree instead of parsing the body again. See {@link TreeResponse} for what the tree must be.
     */
    public List<String> checkResponse(String pathTemplate, String method, String path, int status, String contentType, String body,
                                      JsonNode tree) {
        TreeResponse response = new TreeResponse(status, contentType, body, tree);
        return findings(forPath(pathTemplate).validateResponse(path, Request.Method.valueOf(method), response), body, Map.of());
    }

    private static List<String> findings(ValidationReport report, String body, Map<String, List<String>> query) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> describe(m, body, query))
                .toList();
    }

    /**
     * {@code key at /json/pointer: found X, expected Y} (or {@code at query parameter 'name'}), with the value sent;
     * see {@link ViolationText}.
     */
    private static String describe(ValidationReport.Message message, String body, Map<String, List<String>> query) {
        Optional<String> parameter = message.getContext().flatMap(ValidationReport.MessageContext::getParameter).map(Parameter::getName);
        String pointer = ViolationText.pointer(message.getKey(), message.getMessage(), message.getContext()
                .flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance)
                .orElse(""));
        JsonNode sent = parameter.isPresent()
                ? ViolationText.parameter(query.getOrDefault(parameter.get(), List.of()).stream().findFirst().orElse(null))
                : message.getKey().contains(".body.") ? ViolationText.at(body, pointer) : null;
        String where = parameter.map(name -> " at query parameter '" + name + "'").orElse(pointer.isEmpty() ? "" : " at " + pointer);
        return message.getKey() + where + ": " + ViolationText.describe(message.getKey(), message.getMessage(), sent);
    }
}
