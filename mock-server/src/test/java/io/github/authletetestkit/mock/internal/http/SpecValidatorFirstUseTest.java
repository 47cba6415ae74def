package io.github.authletetestkit.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.spec.internal.AuthleteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Validators are built per path on first use; requests that come while one is being built wait for it. */
class SpecValidatorFirstUseTest {

    private static final String TOKEN = "/api/{serviceId}/auth/token";
    private static final String BAD_BODY = "{\"parameters\":5}";

    @Test
    void requestsArrivingWhileTheirValidatorIsBuiltWaitForItAndAreAllChecked() throws Exception {
        AuthleteSpec spec = AuthleteSpec.bundled();
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger builds = new AtomicInteger();
        SpecValidator validator = new SpecValidator(new ConcurrentHashMap<>(), template -> {
            builds.incrementAndGet();
            building.countDown();
            await(release);
            return SpecValidator.over(spec.flattened().onePath(template));
        });
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<List<String>>> checks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                checks.add(CompletableFuture.supplyAsync(() -> validator.checkRequest(TOKEN, "POST", "/api/1/auth/token", Map.of(),
                        Map.of("Content-Type", "application/json"), BAD_BODY), callers));
            }
            building.await();
            assertThat(checks).noneMatch(CompletableFuture::isDone);

            release.countDown();

            for (CompletableFuture<List<String>> check : checks) {
                assertThat(check.get()).anySatisfy(finding -> assertThat(finding).contains("/parameters"));
            }
            assertThat(builds).hasValue(1);
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    void aMockValidatorBuildsOnlyThePathsItIsAskedAbout() {
        Map<String, PathValidator> built = new ConcurrentHashMap<>();
        SpecValidator validator = new SpecValidator(built, template ->
                SpecValidator.over(AuthleteSpec.bundled().flattened().onePath(template)));
        assertThat(built).isEmpty();

        assertThat(validator.checkRequest(TOKEN, "POST", "/api/1/auth/token", Map.of(), Map.of("Content-Type", "application/json"),
                "{\"parameters\":\"grant_type=authorization_code\"}")).isEmpty();

        assertThat(built).containsOnlyKeys(TOKEN);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
