package io.github.authletetestkit.contract.internal.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the three reports of a run into one directory. */
public final class ReportWriter {

    public static final String JSON = "contract-report.json";
    public static final String HTML = "index.html";
    public static final String JUNIT = "junit/TEST-authlete-contract-suite.xml";

    private ReportWriter() {
    }

    /** Writes {@code contract-report.json}, {@code index.html} and {@code junit/TEST-authlete-contract-suite.xml}; returns their paths. */
    public static List<Path> writeAll(RunReport report, Path directory) throws IOException {
        Path json = write(directory.resolve(JSON), JsonReportWriter.write(report));
        Path html = write(directory.resolve(HTML), HtmlReportWriter.write(report));
        Path junit = write(directory.resolve(JUNIT), JunitXmlWriter.write(report));
        return List.of(html, json, junit);
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
