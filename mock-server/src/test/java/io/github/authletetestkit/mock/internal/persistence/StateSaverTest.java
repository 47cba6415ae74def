package io.github.authletetestkit.mock.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.internal.state.SeedException;
import io.github.authletetestkit.mock.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file written whole, on an interval and at stop; a failed write is logged, not thrown. */
class StateSaverTest {

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void writesReplaceTheFileWholeAndLeaveNoTemporaryFile() throws Exception {
        StateFile file = new StateFile(dir.resolve("state.json"));
        Files.writeString(file.path(), "old");

        file.write(Json.object().put("n", 1));

        assertThat(file.read()).isEqualTo(Json.object().put("n", 1));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file.path());
        }
    }

    @Test
    void aFileThatIsNoJsonIsASeedErrorNamingIt() throws Exception {
        StateFile file = new StateFile(dir.resolve("state.json"));
        Files.writeString(file.path(), "{\"services\": [");

        assertThatThrownBy(file::read).isInstanceOfSatisfying(SeedException.class,
                e -> assertThat(e.source()).isEqualTo(file.path().toString())).hasMessageContaining("not valid JSON");
        assertThatThrownBy(new StateFile(dir.resolve("missing.json"))::read).hasMessageContaining("no such file");
    }

    @Test
    void savesOnTheIntervalAndOnceMoreAtStop() throws Exception {
        AtomicInteger version = new AtomicInteger();
        StateFile file = new StateFile(dir.resolve("sub/state.json"));
        StateSaver saver = new StateSaver(() -> Json.object().put("version", version.incrementAndGet()), file, Duration.ofMillis(50));

        runUntil(saver, version, 3);

        assertThat(version.get()).as("saved repeatedly").isGreaterThanOrEqualTo(3);
        int atStop = version.get();
        assertThat(file.read().get("version").asInt()).as("the last save is the one at stop").isEqualTo(atStop);
        Thread.sleep(200);
        assertThat(version.get()).as("no save after stop").isEqualTo(atStop);
    }

    @Test
    void aFailedSaveIsLoggedAndTheNextOneStillHappens() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-directory"), "x");
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override public void publish(LogRecord record) { logged.add(record); }
            @Override public void flush() {}
            @Override public void close() {}
        };
        Logger logger = Logger.getLogger(StateSaver.class.getName());
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
        try {
            AtomicInteger calls = new AtomicInteger();
            StateSaver saver = new StateSaver(() -> {
                calls.incrementAndGet();
                return (JsonNode) Json.object();
            }, new StateFile(blocker.resolve("state.json")), Duration.ofMillis(30));

            assertThat(saver.save()).isFalse();
            runUntil(saver, calls, 3);

            assertThat(calls.get()).as("the interval goes on after failures").isGreaterThanOrEqualTo(3);
            assertThat(logged).isNotEmpty().allSatisfy(r -> assertThat(r.getMessage()).contains("Could not save", blocker.toString()));
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(true);
        }
    }

    @Test
    void theIntervalMustBePositive() {
        StateFile file = new StateFile(dir.resolve("state.json"));

        assertThatThrownBy(() -> new StateSaver(Json::object, file, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Runs the saver on the scheduler until the counter reaches {@code count} (at most five seconds), then stops it. */
    private void runUntil(StateSaver saver, AtomicInteger counter, int count) throws InterruptedException {
        saver.start(scheduler);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (counter.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        saver.stop();
    }
}
