package io.github.authletetestkit.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A skipped cross-check says where it looked, with real paths, never an unresolved Maven property. */
class ReferenceFilesTest {

    @Test
    void theBuildsDirectoryIsTheOnePlaceLookedAt() {
        assertThat(ReferenceFiles.candidates("/opt/ref")).containsExactly(Path.of("/opt/ref/authlete-openapi/spec_next.yaml"));
    }

    @Test
    void anUnresolvedPropertyFallsBackToThePlacesBesideTheCheckout() {
        assertThat(ReferenceFiles.candidates("${authlete.reference.dir}")).hasSize(2).allSatisfy(p -> assertThat(p).isAbsolute());
        assertThat(ReferenceFiles.candidates(null)).isEqualTo(ReferenceFiles.candidates("${authlete.reference.dir}"));
    }

    @Test
    void theSkipReasonNamesThePathsAndHowToFixIt() {
        String reason = ReferenceFiles.missingReason("${authlete.reference.dir}");

        assertThat(reason).startsWith("skipped: ").doesNotContain("${").contains(Path.of("..", "shared", "reference")
                .toAbsolutePath().normalize().toString(), "-Dauthlete.reference.dir=DIR");
    }
}
