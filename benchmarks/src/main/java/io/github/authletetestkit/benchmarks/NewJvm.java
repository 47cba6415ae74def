package io.github.authletetestkit.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A server started in a JVM of its own, timed from process start to its first answered health check: the
 * standalone jar, or {@link ColdStart} on this benchmark's class path (plain WireMock, or the mock in process).
 */
record NewJvm(List<String> command, boolean reportsOwnMemory) {

    /** The Dockerfile's ENTRYPOINT flags, without the cache. */
    static final List<String> IMAGE_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final String PORT = "{port}";

    record Result(Benchmarks.Stats times, Memory memory) {}

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static NewJvm standalone(File jar, List<String> jvmFlags) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.getPath(), "--port", PORT));
        return new NewJvm(command, false);
    }

    /** {@code what} is {@code wiremock} or {@code mock}; default JVM flags. */
    static Result coldStart(String what, int runs) throws Exception {
        return new NewJvm(List.of(java(), "-cp", System.getProperty("java.class.path"), ColdStart.class.getName(), what, PORT), true)
                .startToFirstAnswer(runs, true);
    }

    /** The Dockerfile's training run; returns the flags that start the jar with its cache. */
    static List<String> trainAheadOfTimeCache(File jar) throws Exception {
        Path cache = Files.createTempDirectory("mock-aot").resolve("authlete-mock-server.aot");
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(IMAGE_FLAGS);
        command.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-cp", jar.getPath(), "io.github.authletetestkit.mock.internal.cli.AotTraining"));
        Process training = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (training.waitFor() != 0 || !Files.isRegularFile(cache)) {
            throw new IllegalStateException("the AOT training run failed: " + command);
        }
        List<String> flags = new ArrayList<>(IMAGE_FLAGS);
        flags.add("-XX:AOTCache=" + cache);
        return flags;
    }

    /** Times {@code runs} starts; with {@code memory}, the idle memory of the last one after its first answer. */
    Result startToFirstAnswer(int runs, boolean memory) throws Exception {
        long[] times = new long[runs];
        Memory idle = null;
        for (int i = 0; i < runs; i++) {
            int port = Benchmarks.freePort();
            List<String> resolved = command.stream().map(part -> part.equals(PORT) ? Integer.toString(port) : part).toList();
            long started = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(resolved).redirectError(ProcessBuilder.Redirect.DISCARD);
            if (!reportsOwnMemory) {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            Process process = builder.start();
            try {
                times[i] = Benchmarks.awaitHealthy("http://localhost:" + port, started + 60_000_000_000L) - started;
                if (memory && i == runs - 1) {
                    idle = reportsOwnMemory ? askForMemory(process) : Memory.ofProcess(process.pid());
                }
            } finally {
                process.destroy();
                process.waitFor();
            }
        }
        return new Result(Benchmarks.Stats.of(times), idle);
    }

    private static Memory askForMemory(Process process) throws Exception {
        OutputStream in = process.getOutputStream();
        in.write('\n');
        in.flush();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("heapUsed=")) {
                return Memory.parse(line);
            }
        }
        throw new IllegalStateException("the JVM ended without reporting its memory");
    }
}
