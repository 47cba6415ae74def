package io.github.authletetestkit.spec.internal;

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
        return candidates(System.getProperty(PROPERTY)).stream().filter(Files::isRegularFile).findFirst();
    }

    /** Why a cross-check is skipped, naming every place looked at (never an unresolved {@code ${...}}). */
    static String missingReason() {
        return missingReason(System.getProperty(PROPERTY));
    }

    static String missingReason(String configured) {
        return "skipped: Authlete's published spec (" + AUTHLETE_OPENAPI + ") is not at " + candidates(configured)
                + "; put the reference material beside the checkout (../shared/reference) or pass -D" + PROPERTY + "=DIR";
    }

    /** The system property's directory when the build set it (and resolved it), else the usual places beside the checkout. */
    static List<Path> candidates(String configured) {
        List<Path> directories = new ArrayList<>();
        if (configured != null && !configured.isBlank() && !configured.contains("${")) {
            directories.add(Path.of(configured));
        } else {
            directories.add(Path.of("..", "shared", "reference"));
            directories.add(Path.of("..", "..", "shared", "reference"));
        }
        return directories.stream().map(d -> d.resolve(AUTHLETE_OPENAPI).toAbsolutePath().normalize()).toList();
    }
}
