package io.github.authletetestkit.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A first benchmark harness: what one test costs with each lifecycle, measured by JUnit's own events
 * (test started → finished, so the extension's beforeEach/afterEach are inside). Each fixture runs 50
 * tests that only touch the mock; the first run of each warms up and is not counted. Off by default:
 *
 * <pre>./mvnw -B -q -pl junit-extension verify -Dinvoker.skip=true -Dtest=LifecycleCostBenchmark -Dauthlete.testkit.benchmark=true</pre>
 */
@EnabledIfSystemProperty(named = "authlete.testkit.benchmark", matches = "true")
class LifecycleCostBenchmark {

    static final int RUNS = 50;

    @Test
    void perTestCostOfBothLifecycles() {
        for (Class<?> fixture : List.of(NoMock.class, PerClass.class, PerMethod.class)) {
            measure(fixture); // warm-up
        }
        StringBuilder report = new StringBuilder("\nper-test cost over " + RUNS + " tests (median / p90 / max, ms):\n");
        for (Class<?> fixture : List.of(NoMock.class, PerClass.class, PerMethod.class)) {
            List<Duration> durations = measure(fixture);
            report.append(String.format("  %-10s %7.2f / %7.2f / %7.2f%n", fixture.getSimpleName(),
                    ms(percentile(durations, 50)), ms(percentile(durations, 90)), ms(percentile(durations, 100))));
        }
        report.append(String.format("  PerClass server start (class started -> first test started): %.2f ms%n", ms(classStart(PerClass.class))));
        System.out.println(report);
    }

    /** The class's own set-up: for PerClass, starting its server. */
    static Duration classStart(Class<?> fixture) {
        List<Event> events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().allEvents().list();
        Instant classStarted = events.stream().filter(e -> e.getType() == EventType.STARTED
                && e.getTestDescriptor().getUniqueId().getLastSegment().getType().equals("class")).findFirst().orElseThrow().getTimestamp();
        Instant firstTest = events.stream().filter(e -> e.getType() == EventType.STARTED && e.getTestDescriptor().isTest())
                .findFirst().orElseThrow().getTimestamp();
        return Duration.between(classStarted, firstTest);
    }

    static List<Duration> measure(Class<?> fixture) {
        return measure(fixture, RUNS);
    }

    /** The durations of a fixture's tests, shortest first. */
    static List<Duration> measure(Class<?> fixture, int tests) {
        List<Event> events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(tests)).list();
        Map<String, Instant> started = new HashMap<>();
        List<Duration> durations = new ArrayList<>();
        for (Event event : events) {
            String id = event.getTestDescriptor().getUniqueId().toString();
            if (event.getType() == EventType.STARTED) {
                started.put(id, event.getTimestamp());
            } else if (event.getType() == EventType.FINISHED) {
                durations.add(Duration.between(started.get(id), event.getTimestamp()));
            }
        }
        durations.sort(null);
        return durations;
    }

    static Duration percentile(List<Duration> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }

    static class NoMock {
        @RepeatedTest(RUNS)
        void test() {
        }
    }

    @AuthleteMockTest
    static class PerClass {
        @RepeatedTest(RUNS)
        void test(AuthleteMock mock) {
            mock.baseUrl();
        }
    }

    @AuthleteMockTest(lifecycle = ServerLifecycle.PER_METHOD)
    static class PerMethod {
        @RepeatedTest(RUNS)
        void test(AuthleteMock mock) {
            mock.baseUrl();
        }
    }
}
