package io.github.authletetestkit.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthleteSpecLoadTest {

    @TempDir
    Path dir;

    /** A small OpenAPI 3.0 document, so that tests needing fresh parses stay fast. */
    private static String sample() {
        return AuthleteSpec.load("classpath:openapi-3.0-sample.yaml").content();
    }

    @Test
    void bundledIsParsedOnceAndSharedWithTheClasspathSource() {
        AuthleteSpec bundled = AuthleteSpec.bundled();
        assertThat(AuthleteSpec.bundled()).isSameAs(bundled);
        assertThat(AuthleteSpec.load("classpath:" + AuthleteSpec.BUNDLED_RESOURCE)).isSameAs(bundled);
        assertThat(AuthleteSpec.load("classpath:/" + AuthleteSpec.BUNDLED_RESOURCE)).isSameAs(bundled);
        assertThat(bundled.source()).isEqualTo("classpath:" + AuthleteSpec.BUNDLED_RESOURCE);
        assertThat(bundled.content()).startsWith("# Authlete API v3").contains("openapi: 3.1.0");
        assertThat(bundled.operations()).hasSize(91); // Authlete's 88 and the three forms only the Java SDK uses
        assertThat(bundled.operation("auth_token_api")).hasValueSatisfying(op -> {
            assertThat(op.method()).isEqualTo("POST");
            assertThat(op.pathTemplate()).isEqualTo("/api/{serviceId}/auth/token");
            assertThat(op.authenticated()).isTrue();
            assertThat(op.acceptsContentType("application/json; charset=UTF-8")).isTrue();
            assertThat(op.acceptsContentType("application/x-www-form-urlencoded")).isTrue();
            assertThat(op.acceptsContentType("text/plain")).isFalse();
        });
        assertThat(bundled.operation("no_such_api")).isEmpty();
        assertThat(bundled.toString()).contains("3.1.0", "3.0.16", "91 operations");
    }

    @Test
    void loadsAFileByPathAndByFileUrlAndCachesIt() throws Exception {
        Path file = dir.resolve("copy-of-sample.yaml");
        Files.writeString(file, sample(), StandardCharsets.UTF_8);

        AuthleteSpec byPath = AuthleteSpec.load(file.toString());
        assertThat(byPath).isNotSameAs(AuthleteSpec.load("classpath:openapi-3.0-sample.yaml"));
        assertThat(byPath.source()).isEqualTo(file.toAbsolutePath().normalize().toString());
        assertThat(AuthleteSpec.load(file.toString())).isSameAs(byPath);
        assertThat(AuthleteSpec.load(file.toUri().toString())).isSameAs(byPath);
        assertThat(AuthleteSpec.load(dir.resolve("sub/../copy-of-sample.yaml").toString())).isSameAs(byPath);
        assertThat(byPath.operations()).isEqualTo(AuthleteSpec.load("classpath:openapi-3.0-sample.yaml").operations());
    }

    @Test
    void acceptsOpenApi30Documents() {
        AuthleteSpec sample = AuthleteSpec.load("classpath:openapi-3.0-sample.yaml");
        assertThat(sample.openApiVersion()).isEqualTo("3.0.3");
        assertThat(sample.version()).isEqualTo("1.2.3");
        assertThat(sample.messages()).isEmpty();
        assertThat(sample.operations()).extracting(SpecOperation::operationId).containsExactly("getThing", "createThing");
        SpecOperation create = sample.operation("createThing").orElseThrow();
        assertThat(create.authenticated()).as("security: [{}] is anonymous").isFalse();
        assertThat(create.requestContentTypes()).as("via components/requestBodies").containsExactly("application/json", "text/plain");
        assertThat(sample.operation("getThing").orElseThrow().authenticated()).isTrue();
        assertThat(sample.match("GET", "/things/x")).hasValueSatisfying(m -> assertThat(m.pathParameter("thingId")).isEqualTo("x"));
    }

    @Test
    void concurrentFirstLoadsParseOnce() throws Exception {
        Path file = dir.resolve("concurrent.yaml");
        Files.writeString(file, sample(), StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<AuthleteSpec>> tasks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                tasks.add(() -> AuthleteSpec.load(file.toString()));
            }
            Set<AuthleteSpec> distinct = new HashSet<>();
            for (Future<AuthleteSpec> future : pool.invokeAll(tasks)) {
                distinct.add(future.get());
            }
            assertThat(distinct).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMissingFileFailsWithTheSourceInTheMessageAndIsNotCached() throws Exception {
        Path file = dir.resolve("later.yaml");
        assertThatThrownBy(() -> AuthleteSpec.load(file.toString()))
                .isInstanceOf(SpecLoadException.class)
                .hasMessageContaining(file.toAbsolutePath().normalize().toString())
                .satisfies(e -> assertThat(((SpecLoadException) e).source()).contains("later.yaml"));
        Files.writeString(file, sample(), StandardCharsets.UTF_8);
        assertThat(AuthleteSpec.load(file.toString()).operations()).hasSize(2);
    }

    @Test
    void unreadableOrUnparseableSourcesFailClearly() throws Exception {
        assertThatThrownBy(() -> AuthleteSpec.load("classpath:no/such/spec.yaml"))
                .isInstanceOf(SpecLoadException.class)
                .hasMessageContaining("classpath:no/such/spec.yaml");

        Path garbage = dir.resolve("garbage.yaml");
        Files.writeString(garbage, "just: some\nyaml: [that, is, not, openapi]\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AuthleteSpec.load(garbage.toString()))
                .isInstanceOf(SpecLoadException.class)
                .hasMessageContaining(garbage.toString());

        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "openapi: 3.1.0\ninfo: [\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AuthleteSpec.load(broken.toString()))
                .isInstanceOf(SpecLoadException.class)
                .hasMessageContaining(broken.toString());

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/spec.yaml";
        assertThatThrownBy(() -> AuthleteSpec.load(url))
                .isInstanceOf(SpecLoadException.class)
                .hasMessageContaining(url);

        assertThatThrownBy(() -> AuthleteSpec.load(" ")).isInstanceOf(SpecLoadException.class);
        assertThatThrownBy(() -> AuthleteSpec.load(null)).isInstanceOf(SpecLoadException.class);
    }

    @Test
    void parsesInMemoryContentWithoutCaching() {
        String content = sample();
        AuthleteSpec first = AuthleteSpec.parse("memory", content);
        assertThat(first.source()).isEqualTo("memory");
        assertThat(AuthleteSpec.parse("memory", content)).isNotSameAs(first);
        assertThatThrownBy(() -> AuthleteSpec.parse("bad", "{}"))
                .isInstanceOf(SpecLoadException.class).hasMessageContaining("bad");
    }

    @Test
    void keepsReferencesAndOffersAFullyResolvedCopy() {
        AuthleteSpec spec = AuthleteSpec.bundled();
        var ok = spec.openApi().getPaths().get("/api/{serviceId}/auth/token").getPost().getResponses().get("200");
        assertThat(ok.getContent().get("application/json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/TokenResponse");

        var full = spec.openApiResolvedFully();
        assertThat(spec.openApiResolvedFully()).isSameAs(full);
        var resolved = full.getPaths().get("/api/{serviceId}/auth/token").getPost().getResponses().get("200")
                .getContent().get("application/json").getSchema();
        assertThat(resolved.get$ref()).isNull();
        assertThat(full.getPaths()).hasSameSizeAs(spec.openApi().getPaths());
    }
}
