package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.junit.jupiter.api.Test;

/** On the self-contained artifact (project d), none of the mock's own libraries is on the app's classpath. */
class ClasspathTest {

    @Test
    void theMocksLibrariesAreRelocatedOutOfTheWay() {
        assumeThat(System.getProperty("testkit.artifact")).isEqualTo("standalone");

        assertThat(present("com.github.tomakehurst.wiremock.WireMockServer")).isFalse();
        assertThat(present("io.swagger.v3.parser.OpenAPIV3Parser")).isFalse();
        assertThat(present("com.atlassian.oai.validator.OpenApiInteractionValidator")).isFalse();
        assertThat(present("io.github.authletetestkit.shaded.com.fasterxml.jackson.databind.ObjectMapper")).isTrue();
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString())
                .as("Spring Boot's Jackson").isEqualTo(System.getProperty("boot.jackson.version"));
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ClasspathTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
