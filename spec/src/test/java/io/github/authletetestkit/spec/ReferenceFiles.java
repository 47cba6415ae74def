package io.github.authletetestkit.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Locates the read-only reference material that lives beside the checkout (absent on most machines). */
final class ReferenceFiles {

    /** System property set by the parent pom's surefire configuration. */
    static final String PROPERTY = "authlete.reference.dir";

    static final String AUTHLETE_OPENAPI = "authlete-openapi/spec_next.yaml";

    private ReferenceFiles() {
    }

    /** Authlete's published OpenAPI document, if the reference directory can be found. */
    static Optional<Path> authleteOpenApi() {
        List<Path> directories = new ArrayList<>();
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            directories.add(Path.of(configured));
        }
        directories.add(Path.of("..", "shared", "reference"));
        directories.add(Path.of("..", "..", "shared", "reference"));
        for (Path directory : directories) {
            Path file = directory.resolve(AUTHLETE_OPENAPI);
            if (Files.isRegularFile(file)) {
                return Optional.of(file.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }
}
