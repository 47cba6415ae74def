package io.github.authletetestkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Heap used after full collections and resident set size of an idle JVM, in bytes. */
record Memory(long heapUsed, long rss) {

    private static final Pattern LINE = Pattern.compile("heapUsed=(\\d+) rss=(\\d+)");
    private static final Pattern G1_USED = Pattern.compile("garbage-first heap[^\\n]*?used (\\d+)K");

    /** This JVM's figures after full collections. */
    static Memory ofThisJvm() throws InterruptedException {
        return new Memory(HeapPerToken.usedHeapAfterGc(), rss(ProcessHandle.current().pid()));
    }

    /** Another JVM's figures: a full collection with {@code jcmd}, then its G1 heap summary (default flags only). */
    static Memory ofProcess(long pid) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, Long.toString(pid), "GC.run");
        Matcher used = G1_USED.matcher(run(jcmd, Long.toString(pid), "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("no G1 heap summary from jcmd " + pid);
        }
        return new Memory(Long.parseLong(used.group(1)) * 1024, rss(pid));
    }

    static Memory parse(String line) {
        Matcher m = LINE.matcher(line == null ? "" : line);
        if (!m.find()) {
            throw new IllegalStateException("no memory figures in: " + line);
        }
        return new Memory(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    String line() {
        return "heapUsed=" + heapUsed + " rss=" + rss;
    }

    String mebibytes() {
        return String.format(Locale.ROOT, "%.1f MiB heap used, %.0f MiB RSS", heapUsed / 1048576.0, rss / 1048576.0);
    }

    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException notLinux) {
            // no /proc: RSS unknown
        }
        return -1;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + out);
        }
        return out;
    }
}
