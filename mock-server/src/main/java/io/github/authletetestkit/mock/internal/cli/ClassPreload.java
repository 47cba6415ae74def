package io.github.authletetestkit.mock.internal.cli;

import java.util.List;

/**
 * Initialises, on a second core, the classes whose static set-up weighs most in a standalone start (WireMock's
 * templating helpers and JSON path provider, its JSON mapper, Jetty, the validator's schema library) while the main
 * thread reads the command line and the spec. The main thread reaching one of them meanwhile waits for its set-up
 * instead of doing it; a class a WireMock upgrade renamed is skipped. Nothing else changes: the same classes, in a
 * JVM that would have initialised them a few hundred milliseconds later.
 */
final class ClassPreload {

    static final List<String> CLASSES = List.of(
            "com.github.tomakehurst.wiremock.extension.responsetemplating.helpers.WireMockHelpers",
            "com.github.tomakehurst.wiremock.extension.responsetemplating.helpers.HelperUtils",
            "com.github.tomakehurst.wiremock.extension.responsetemplating.TemplateEngine",
            "wiremock.com.jayway.jsonpath.spi.json.JacksonJsonProvider",
            "com.github.tomakehurst.wiremock.common.Json",
            "com.github.tomakehurst.wiremock.core.WireMockApp",
            "com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer",
            "wiremock.org.eclipse.jetty.server.Server",
            "wiremock.org.eclipse.jetty.servlet.ServletContextHandler",
            "com.networknt.schema.SchemaRegistry",
            "com.atlassian.oai.validator.interaction.request.RequestValidator");

    private ClassPreload() {}

    /** Starts initialising {@link #CLASSES} on a daemon thread. */
    static Thread inBackground() {
        return Thread.ofPlatform().daemon().name("authlete-mock-preload").start(ClassPreload::initialiseAll);
    }

    /** How many of {@link #CLASSES} were there to initialise. */
    static int initialiseAll() {
        ClassLoader loader = ClassPreload.class.getClassLoader();
        int found = 0;
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
                found++;
            } catch (ClassNotFoundException | LinkageError renamedOrBroken) {
                // the main thread meets the same class, or not, as it would have
            }
        }
        return found;
    }
}
