package io.github.authletetestkit.junit;

import io.github.authletetestkit.mock.coverage.Coverage;
import io.github.authletetestkit.mock.coverage.CoverageHtml;
import io.github.authletetestkit.mock.coverage.CoverageJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The coverage of every mock the extension started in one test run (one JUnit engine execution: a test JVM under
 * Maven or Gradle), merged as each mock stops and written once, when JUnit closes the root context's store:
 * {@value #JSON} and {@value #HTML} in {@code target/} (configuration parameter {@value #DIRECTORY_PARAMETER};
 * {@value #ENABLED_PARAMETER}{@code =false} writes nothing). Thread-safe: test classes running in parallel add to it.
 */
final class CoverageFiles implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    static final String JSON = "authlete-mock-coverage.json";
    static final String HTML = "authlete-mock-coverage.html";
    static final String DIRECTORY_PARAMETER = "authlete.mock.coverage.dir";
    static final String ENABLED_PARAMETER = "authlete.mock.coverage.enabled";

    private final Path directory;
    private Coverage merged = Coverage.empty();
    private boolean written;

    private CoverageFiles(Path directory) {
        this.directory = directory;
    }

    /** The run's coverage files, made on first use in the root context's store; empty when turned off. */
    static Optional<CoverageFiles> of(ExtensionContext context, ExtensionContext.Namespace namespace) {
        if (!context.getConfigurationParameter(ENABLED_PARAMETER).map(Boolean::parseBoolean).orElse(true)) {
            return Optional.empty();
        }
        ExtensionContext root = context.getRoot();
        synchronized (root) {
            ExtensionContext.Store store = root.getStore(namespace);
            CoverageFiles files = store.get(CoverageFiles.class, CoverageFiles.class);
            if (files == null) {
                files = new CoverageFiles(Path.of(context.getConfigurationParameter(DIRECTORY_PARAMETER).orElse("target")));
                store.put(CoverageFiles.class, files);
            }
            return Optional.of(files);
        }
    }

    /** Adds one mock's coverage (as it stops). */
    synchronized void add(Coverage coverage) {
        merged = merged.merge(coverage);
    }

    synchronized Coverage merged() {
        return merged;
    }

    /** Writes both files, once. */
    @Override
    public synchronized void close() {
        if (written) {
            return;
        }
        written = true;
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(JSON), CoverageJson.text(merged), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(HTML), CoverageHtml.page("Authlete mock coverage", merged), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Authlete mock coverage to " + directory.toAbsolutePath(), e);
        }
    }
}
