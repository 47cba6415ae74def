package io.github.authletetestkit.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A parsed OpenAPI document (3.0 or 3.1) with its operations indexed for request routing.
 *
 * <p>{@link #bundled()} is Authlete Testkit's own description of the Authlete API, shipped on the
 * classpath at {@link #BUNDLED_RESOURCE}. {@link #load(String)} reads any other document. Every
 * document is parsed at most once per JVM and per normalised source: instances are immutable,
 * cached and safe to share between threads. Parsing uses swagger-parser with {@code resolve=true}
 * (external references resolved, local {@code $ref}s kept); {@link #openApiResolvedFully()} gives a
 * separately parsed copy with every reference inlined for tools that need it. The bundled description is
 * parsed at build time ({@link SpecCompiler}): loading it reads its operations only, and the swagger-parser
 * model and the flattened paths ({@link #flattened()}) come on first use.
 */
public final class AuthleteSpec {

    /** Classpath location of the bundled description. */
    public static final String BUNDLED_RESOURCE = "io/github/authletetestkit/spec/authlete-api.yaml";

    /** Prefix that makes {@link #load(String)} read a classpath resource. */
    public static final String CLASSPATH_PREFIX = "classpath:";

    private static final String BUNDLED_SOURCE = CLASSPATH_PREFIX + BUNDLED_RESOURCE;

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private static final Map<String, Loader> CACHE = new ConcurrentHashMap<>();

    private final String source;
    private final Lazy<String> content;
    /** The swagger-parser model and its messages; parsed on first use for the bundled description. */
    private final Lazy<Parsed> parsed;
    private final String openApiVersion;
    private final String version;
    private final List<SpecOperation> operations;
    private final Map<String, SpecOperation> operationsById;
    private final OperationMatcher matcher;
    private final Lazy<OpenAPI> resolvedFully;
    private final FlattenedSpec flattened;

    /** The swagger-parser model of a document and the parser's messages. */
    private record Parsed(OpenAPI openApi, List<String> messages) {}

    /** Runs the second parse of loaded documents in the background: it is most of a mock's start-up. */
    private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "authlete-spec-parser");
        thread.setDaemon(true);
        return thread;
    });

    private AuthleteSpec(String source, Lazy<String> content, Lazy<Parsed> parsed, String openApiVersion, String version,
                         List<SpecOperation> operations, FlattenedSpec flattened) {
        this.source = source;
        this.content = content;
        this.parsed = parsed;
        this.openApiVersion = openApiVersion;
        this.version = version;
        this.operations = List.copyOf(operations);
        Map<String, SpecOperation> byId = new LinkedHashMap<>();
        for (SpecOperation operation : this.operations) {
            if (operation.operationId() != null) {
                byId.putIfAbsent(operation.operationId(), operation);
            }
        }
        this.operationsById = Collections.unmodifiableMap(byId);
        this.matcher = OperationMatcher.of(this.operations);
        this.resolvedFully = new Lazy<>(() -> parseFully(source, content.get()));
        this.flattened = flattened;
    }

    // ------------------------------------------------------------------------------ factories

    /** The bundled description ({@link #BUNDLED_RESOURCE}), parsed on first use and then shared. */
    public static AuthleteSpec bundled() {
        return load(BUNDLED_SOURCE);
    }

    /**
     * Loads an OpenAPI 3.0 or 3.1 document from a file path, a {@code file:}, {@code http:},
     * {@code https:} or {@code jar:} URL, or a {@code classpath:} resource. The result is cached per
     * normalised source (absolute file path, resource name without leading slash, or URL), so a
     * document is parsed once per JVM. A failed load is not cached.
     *
     * @throws SpecLoadException when the source cannot be read or does not hold an OpenAPI document;
     *                           the message names the source
     */
    public static AuthleteSpec load(String fileOrUrl) {
        if (fileOrUrl == null || fileOrUrl.isBlank()) {
            throw new SpecLoadException(String.valueOf(fileOrUrl), "No OpenAPI source given (null or blank).");
        }
        String key = normalise(fileOrUrl.trim());
        Loader loader = CACHE.computeIfAbsent(key, Loader::new);
        try {
            return loader.get();
        } catch (RuntimeException e) {
            CACHE.remove(key, loader);
            throw e;
        }
    }

    /** Parses a document held in memory; not cached. {@code source} only labels it in messages. */
    public static AuthleteSpec parse(String source, String content) {
        Objects.requireNonNull(content, "content");
        return parseContent(source == null ? "<memory>" : source, content, false);
    }

    // ------------------------------------------------------------------------------ accessors

    /** The swagger-parser model (local {@code $ref}s kept). Treat it as read-only: it is shared. */
    public OpenAPI openApi() {
        return parsed.get().openApi();
    }

    /** The normalised source: {@code classpath:<resource>}, an absolute file path, or a URL. */
    public String source() {
        return source;
    }

    /** The raw text of the document. */
    public String content() {
        return content.get();
    }

    /** Messages reported by the parser (warnings and errors that did not prevent parsing). */
    public List<String> messages() {
        return parsed.get().messages();
    }

    /** {@code info.version} of the document, or {@code null} when absent. */
    public String version() {
        return version;
    }

    /** The {@code openapi} field, e.g. {@code 3.1.0}. */
    public String openApiVersion() {
        return openApiVersion;
    }

    /** Every operation in document order (paths as written, methods in swagger-parser's fixed order). */
    public List<SpecOperation> operations() {
        return operations;
    }

    /** The operation with this operationId. */
    public Optional<SpecOperation> operation(String operationId) {
        return Optional.ofNullable(operationsById.get(operationId));
    }

    /** The precompiled matcher over {@link #operations()}. */
    public OperationMatcher matcher() {
        return matcher;
    }

    /** Shortcut for {@code matcher().match(method, path)}. */
    public Optional<OperationMatcher.Match> match(String method, String path) {
        return matcher.match(method, path);
    }

    /**
     * A second parse of {@link #content()} with {@code resolveFully=true}: every {@code $ref} inlined and
     * {@code allOf} left as written. Computed on first call and kept; some validators want this form.
     */
    public OpenAPI openApiResolvedFully() {
        return resolvedFully.get();
    }

    /**
     * Another parse with every reference inlined and every {@code allOf} merged into one schema
     * ({@link AllOfFlattener}): the form a validator that closes object schemas needs. Computed on first
     * call and kept; treat it as read-only. Validating one path needs only {@link #flattened()}'s
     * {@link FlattenedSpec#onePath}, which is much cheaper for the bundled description.
     */
    public OpenAPI openApiFlattened() {
        return flattened.whole();
    }

    /** The flattened document ({@link #openApiFlattened()}) one path at a time. */
    public FlattenedSpec flattened() {
        return flattened;
    }

    /** The flattened form of the operation with this operationId; reads only its own path. */
    public Optional<Operation> flattenedOperation(String operationId) {
        return operation(operationId).flatMap(operation -> flattened.path(operation.pathTemplate())
                .map(item -> item.readOperationsMap().get(PathItem.HttpMethod.valueOf(operation.method()))));
    }

    private static OpenAPI joined(CompletableFuture<OpenAPI> parse) {
        try {
            return parse.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** A new parse of the document with every reference inlined. */
    private static OpenAPI parseFully(String source, String content) {
        ParseOptions options = parseOptions();
        options.setResolveFully(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(content, null, options);
        if (parsed == null || parsed.getOpenAPI() == null) {
            throw new SpecLoadException(source, "Cannot fully resolve the OpenAPI document from "
                    + source + ": " + (parsed == null ? "no result" : parsed.getMessages()));
        }
        return parsed.getOpenAPI();
    }

    @Override
    public String toString() {
        return "AuthleteSpec[" + source + ", openapi " + openApiVersion() + ", version " + version() + ", "
                + operations.size() + " operations]";
    }

    // ------------------------------------------------------------------------------ loading

    /** Parses once, on first {@link #get()}; concurrent callers for the same source wait for that parse. */
    private static final class Loader {
        private final String source;
        private volatile AuthleteSpec spec;

        Loader(String source) {
            this.source = source;
        }

        AuthleteSpec get() {
            AuthleteSpec result = spec;
            if (result == null) {
                synchronized (this) {
                    result = spec;
                    if (result == null) {
                        result = BUNDLED_SOURCE.equals(source) ? compiledOrParsed() : parseContent(source, read(source), true);
                        spec = result;
                    }
                }
            }
            return result;
        }
    }

    private static String normalise(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.startsWith(CLASSPATH_PREFIX)) {
            String resource = source.substring(CLASSPATH_PREFIX.length());
            while (resource.startsWith("/")) {
                resource = resource.substring(1);
            }
            return CLASSPATH_PREFIX + resource;
        }
        if (lower.startsWith("file:")) {
            try {
                return Path.of(URI.create(source)).toAbsolutePath().normalize().toString();
            } catch (IllegalArgumentException e) { // InvalidPathException is one
                throw new SpecLoadException(source, "Not a usable file URL: " + source + " (" + e.getMessage() + ")", e);
            }
        }
        if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("jar:")) {
            try {
                return URI.create(source).normalize().toString();
            } catch (IllegalArgumentException e) {
                throw new SpecLoadException(source, "Not a valid URL: " + source + " (" + e.getMessage() + ")", e);
            }
        }
        try {
            return Path.of(source).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            throw new SpecLoadException(source, "Not a valid file path: " + source + " (" + e.getMessage() + ")", e);
        }
    }

    private static String read(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith(CLASSPATH_PREFIX)) {
                return readResource(source, source.substring(CLASSPATH_PREFIX.length()));
            }
            if (lower.startsWith("http:") || lower.startsWith("https:")) {
                return readHttp(source);
            }
            if (lower.startsWith("jar:")) {
                try (InputStream in = URI.create(source).toURL().openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Path path = Path.of(source);
            if (!Files.isRegularFile(path)) {
                throw new SpecLoadException(source, "Cannot read OpenAPI document " + source + ": no such file.");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new SpecLoadException(source, "Cannot read OpenAPI document " + source + ": " + e, e);
        }
    }

    private static String readResource(String source, String resource) throws IOException {
        List<ClassLoader> loaders = new ArrayList<>(2);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        loaders.add(AuthleteSpec.class.getClassLoader());
        for (ClassLoader loader : loaders) {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new SpecLoadException(source, "Cannot read OpenAPI document " + source + ": no such classpath resource.");
    }

    private static String readHttp(String source) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(HTTP_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(source))
                .timeout(HTTP_TIMEOUT)
                .header("Accept", "application/yaml, application/json;q=0.9, */*;q=0.1")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpecLoadException(source, "Interrupted while fetching OpenAPI document " + source, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SpecLoadException(source, "Cannot read OpenAPI document " + source + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static ParseOptions parseOptions() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return options;
    }

    private static AuthleteSpec parseContent(String source, String content, boolean flattenInBackground) {
        CompletableFuture<OpenAPI> flattening = flattenInBackground
                ? CompletableFuture.supplyAsync(() -> AllOfFlattener.flatten(parseFully(source, content)), BACKGROUND) : null;
        Parsed parsed = parseOnce(source, content);
        try {
            return new AuthleteSpec(source, new Lazy<>(() -> content), new Lazy<>(() -> parsed), parsed.openApi().getOpenapi(),
                    parsed.openApi().getInfo() == null ? null : parsed.openApi().getInfo().getVersion(),
                    collectOperations(parsed.openApi()),
                    FlattenedSpec.parsed(() -> flattening != null ? joined(flattening) : AllOfFlattener.flatten(parseFully(source, content))));
        } catch (IllegalArgumentException e) {
            throw new SpecLoadException(source, "Unsupported OpenAPI document " + source + ": " + e.getMessage(), e);
        }
    }

    private static Parsed parseOnce(String source, String content) {
        SwaggerParseResult result;
        try {
            result = new OpenAPIV3Parser().readContents(content, null, parseOptions());
        } catch (RuntimeException e) {
            throw new SpecLoadException(source, "Cannot parse OpenAPI document " + source + ": " + e, e);
        }
        List<String> messages = result == null || result.getMessages() == null
                ? List.of() : List.copyOf(result.getMessages());
        OpenAPI openApi = result == null ? null : result.getOpenAPI();
        if (openApi == null || openApi.getOpenapi() == null || !openApi.getOpenapi().startsWith("3.")) {
            throw new SpecLoadException(source, "Cannot parse OpenAPI document " + source
                    + ": not an OpenAPI 3.x document" + (messages.isEmpty() ? "." : " " + messages));
        }
        return new Parsed(openApi, messages);
    }

    /**
     * The bundled description from the resources {@link SpecCompiler} wrote at build time: its operations now
     * (a few milliseconds), the swagger-parser model and the flattened paths on first use. Without them (a
     * build that did not run the compiler), the YAML is parsed as any other document.
     */
    private static AuthleteSpec compiledOrParsed() {
        JsonNode index = SpecCompiler.readOperationsResource();
        if (index == null) {
            return parseContent(BUNDLED_SOURCE, read(BUNDLED_SOURCE), true);
        }
        Lazy<String> content = new Lazy<>(() -> read(BUNDLED_SOURCE));
        return new AuthleteSpec(BUNDLED_SOURCE, content, new Lazy<>(() -> parseOnce(BUNDLED_SOURCE, content.get())),
                index.path("openapi").asText(null), index.path("version").asText(null), SpecCompiler.readOperations(index),
                FlattenedSpec.compiled(() -> SpecCompiler.readText(SpecCompiler.FLATTENED_RESOURCE)));
    }

    // ------------------------------------------------------------------------------ indexing

    private static List<SpecOperation> collectOperations(OpenAPI openApi) {
        List<SpecOperation> result = new ArrayList<>();
        Paths paths = openApi.getPaths();
        if (paths == null) {
            return result;
        }
        boolean globalAuth = requiresCredentials(openApi.getSecurity());
        for (Map.Entry<String, PathItem> path : paths.entrySet()) {
            PathItem item = path.getValue();
            if (item == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                boolean authenticated = operation.getSecurity() != null
                        ? requiresCredentials(operation.getSecurity()) : globalAuth;
                result.add(new SpecOperation(entry.getKey().name(), path.getKey(), operation.getOperationId(),
                        authenticated, requestContentTypes(openApi, operation.getRequestBody())));
            }
        }
        return result;
    }

    /** Credentials are needed unless there is no requirement or one of them is empty ({@code {}}). */
    private static boolean requiresCredentials(List<SecurityRequirement> requirements) {
        if (requirements == null || requirements.isEmpty()) {
            return false;
        }
        for (SecurityRequirement requirement : requirements) {
            if (requirement == null || requirement.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> requestContentTypes(OpenAPI openApi, RequestBody body) {
        RequestBody resolved = body;
        int depth = 0;
        while (resolved != null && resolved.get$ref() != null && depth++ < 10) {
            String ref = resolved.get$ref();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            resolved = openApi.getComponents() == null || openApi.getComponents().getRequestBodies() == null
                    ? null : openApi.getComponents().getRequestBodies().get(name);
        }
        if (resolved == null || resolved.getContent() == null) {
            return List.of();
        }
        return List.copyOf(resolved.getContent().keySet());
    }
}
