package io.github.authletetestkit.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json31;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled description parsed at build time into two resources that load in milliseconds: its operations
 * (all request routing needs, {@link #OPERATIONS_RESOURCE}) and its flattened form (what validation needs,
 * {@link #FLATTENED_RESOURCE}, read one path at a time by {@link FlattenedSpec}). The spec module's build runs
 * {@link #main} after compiling; {@link AuthleteSpec#bundled()} uses the resources when they are on the class
 * path and parses the YAML otherwise.
 */
public final class SpecCompiler {

    static final String OPERATIONS_RESOURCE = "io/github/authletetestkit/spec/authlete-api.operations.json";
    /**
     * The flattened document, one line per part so that a path is read without the others: first the document
     * without its paths, then its skeleton (that document without components other than the security schemes:
     * all a one-path document for a validator takes from it), then each path as {@code template TAB item}.
     */
    static final String FLATTENED_RESOURCE = "io/github/authletetestkit/spec/authlete-api.flattened.jsonl";

    /** Reads the small operations index without swagger's mapper, whose set-up the start path need not pay. */
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private SpecCompiler() {}

    /** {@code args[0]}: the class output directory the two resources are written into. */
    public static void main(String[] args) throws IOException {
        AuthleteSpec spec = AuthleteSpec.parse(AuthleteSpec.CLASSPATH_PREFIX + AuthleteSpec.BUNDLED_RESOURCE,
                Files.readString(Path.of(args[0]).resolve(AuthleteSpec.BUNDLED_RESOURCE)));
        write(Path.of(args[0]).resolve(OPERATIONS_RESOURCE), operations(spec));
        Path flattened = Path.of(args[0]).resolve(FLATTENED_RESOURCE);
        Files.writeString(flattened, flattenedLines(flattened(spec)), StandardCharsets.UTF_8);
    }

    /** The operations and versions of a parsed document, in the form {@link #readOperations} reads. */
    static JsonNode operations(AuthleteSpec spec) {
        ObjectNode index = Json31.mapper().createObjectNode();
        index.put("openapi", spec.openApiVersion());
        index.put("version", spec.version());
        ArrayNode operations = index.putArray("operations");
        for (SpecOperation operation : spec.operations()) {
            ObjectNode entry = operations.addObject()
                    .put("method", operation.method())
                    .put("path", operation.pathTemplate())
                    .put("operationId", operation.operationId())
                    .put("authenticated", operation.authenticated());
            operation.requestContentTypes().forEach(entry.putArray("contentTypes")::add);
        }
        return index;
    }

    /** The flattened document of a parsed one, as JSON. */
    static JsonNode flattened(AuthleteSpec spec) {
        return Json31.mapper().valueToTree(spec.flattened().whole());
    }

    /** The lines of {@link #FLATTENED_RESOURCE}. */
    static String flattenedLines(JsonNode flattened) throws IOException {
        ObjectNode top = flattened.deepCopy();
        JsonNode paths = top.remove("paths");
        StringBuilder lines = new StringBuilder(Json31.mapper().writeValueAsString(top)).append('\n')
                .append(Json31.mapper().writeValueAsString(skeleton(top))).append('\n');
        if (paths != null) {
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                lines.append(path.getKey()).append('\t').append(Json31.mapper().writeValueAsString(path.getValue())).append('\n');
            }
        }
        return lines.toString();
    }

    /** The document without paths and without components other than the security schemes. */
    private static ObjectNode skeleton(ObjectNode top) {
        ObjectNode skeleton = top.deepCopy();
        JsonNode schemes = skeleton.path("components").get("securitySchemes");
        skeleton.remove("components");
        if (schemes != null) {
            skeleton.putObject("components").set("securitySchemes", schemes);
        }
        return skeleton;
    }

    /**
     * The resource's lines: the document without paths, its skeleton, then each path's text by template, in
     * document order.
     */
    record FlattenedLines(String top, String skeleton, Map<String, String> paths) {
        static FlattenedLines read(String text) {
            String[] lines = text.split("\n");
            Map<String, String> paths = new LinkedHashMap<>();
            for (int i = 2; i < lines.length; i++) {
                int tab = lines[i].indexOf('\t');
                paths.put(lines[i].substring(0, tab), lines[i].substring(tab + 1));
            }
            return new FlattenedLines(lines[0], lines[1], Collections.unmodifiableMap(paths));
        }
    }

    /** A text resource from the class path; null when the build did not write it. */
    static String readText(String resource) {
        try (InputStream in = SpecCompiler.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    static List<SpecOperation> readOperations(JsonNode index) {
        List<SpecOperation> result = new ArrayList<>();
        for (JsonNode entry : index.path("operations")) {
            List<String> contentTypes = new ArrayList<>();
            entry.path("contentTypes").forEach(type -> contentTypes.add(type.asText()));
            result.add(new SpecOperation(entry.path("method").asText(), entry.path("path").asText(),
                    entry.path("operationId").asText(null), entry.path("authenticated").asBoolean(), contentTypes));
        }
        return result;
    }

    /** The operations index from the class path; null when the build did not write it (an IDE's own compile, say). */
    static JsonNode readOperationsResource() {
        String text = readText(OPERATIONS_RESOURCE);
        try {
            return text == null ? null : PLAIN.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + OPERATIONS_RESOURCE, e);
        }
    }

    private static void write(Path file, JsonNode json) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, Json31.mapper().writeValueAsBytes(json));
    }
}
