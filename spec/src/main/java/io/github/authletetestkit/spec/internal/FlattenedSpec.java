package io.github.authletetestkit.spec.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.SpecVersion;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The document with every reference inlined and every {@code allOf} merged ({@link AllOfFlattener}), handed
 * out one path at a time: a validator or a schema lookup needs only its own path, and the bundled
 * description's paths are read from the form {@link SpecCompiler} wrote at build time, each on first use.
 * Concurrent first users of a path wait for its one deserialisation.
 */
public final class FlattenedSpec {

    private final Supplier<OpenAPI> whole;
    private final Function<String, PathItem> readPath;
    private final Supplier<OpenAPI> skeleton;
    private final Map<String, Optional<PathItem>> paths = new ConcurrentHashMap<>();

    private FlattenedSpec(Supplier<OpenAPI> whole, Function<String, PathItem> readPath, Supplier<OpenAPI> skeleton) {
        this.whole = whole;
        this.readPath = readPath;
        this.skeleton = skeleton;
    }

    /** Over a document parsed and flattened at run time (computed on first use by {@code flatten}). */
    static FlattenedSpec parsed(Supplier<OpenAPI> flatten) {
        Lazy<OpenAPI> whole = new Lazy<>(flatten);
        return new FlattenedSpec(whole, template -> whole.get().getPaths() == null ? null : whole.get().getPaths().get(template),
                new Lazy<>(() -> skeletonOf(whole.get())));
    }

    /** Over the lines {@link SpecCompiler} wrote ({@code text} read on first use); each path parsed on its first use. */
    static FlattenedSpec compiled(Supplier<String> text) {
        Lazy<SpecCompiler.FlattenedLines> lines = new Lazy<>(() -> SpecCompiler.FlattenedLines.read(text.get()));
        Function<String, PathItem> readPath = template -> {
            String item = lines.get().paths().get(template);
            return item == null ? null : read(item, PathItem.class);
        };
        return new FlattenedSpec(new Lazy<>(() -> {
                    OpenAPI whole = read(lines.get().top(), OpenAPI.class);
                    Paths paths = new Paths();
                    lines.get().paths().keySet().forEach(template -> paths.addPathItem(template, readPath.apply(template)));
                    whole.setPaths(paths);
                    return whole;
                }),
                readPath,
                new Lazy<>(() -> skeletonOf(read(lines.get().skeleton(), OpenAPI.class))));
    }

    /** The whole flattened document (every path at once); treat it as read-only. */
    public OpenAPI whole() {
        return whole.get();
    }

    /** The flattened item of one path template as the document writes it; empty when the document has no such path. */
    public Optional<PathItem> path(String pathTemplate) {
        return paths.computeIfAbsent(pathTemplate, template -> Optional.ofNullable(readPath.apply(template)));
    }

    /**
     * A document with this one path (and the document's info, servers, security and security schemes): all a
     * validator of the path needs, since no reference is left to resolve. A new object on each call.
     */
    public OpenAPI onePath(String pathTemplate) {
        OpenAPI base = skeleton.get();
        OpenAPI one = new OpenAPI(base.getSpecVersion());
        one.setOpenapi(base.getOpenapi());
        one.setInfo(base.getInfo());
        one.setServers(base.getServers());
        one.setComponents(base.getComponents());
        one.setSecurity(base.getSecurity());
        Paths paths = new Paths();
        path(pathTemplate).ifPresent(item -> paths.addPathItem(pathTemplate, item));
        one.setPaths(paths);
        return one;
    }

    private static OpenAPI skeletonOf(OpenAPI full) {
        OpenAPI skeleton = new OpenAPI(full.getSpecVersion());
        skeleton.setOpenapi(full.getOpenapi());
        skeleton.setInfo(full.getInfo());
        skeleton.setServers(full.getServers());
        skeleton.setSecurity(full.getSecurity());
        if (full.getComponents() != null && full.getComponents().getSecuritySchemes() != null) {
            skeleton.setComponents(new Components().securitySchemes(full.getComponents().getSecuritySchemes()));
        }
        return skeleton;
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            T value = Json31.mapper().readValue(json, type);
            if (value instanceof OpenAPI api && api.getOpenapi() != null && api.getOpenapi().startsWith("3.1")) {
                api.setSpecVersion(SpecVersion.V31);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The compiled OpenAPI description does not read back: " + e.getOriginalMessage(), e);
        }
    }
}
