package io.github.authletetestkit.contract.internal.report;

import io.github.authletetestkit.contract.internal.check.CheckedFinding;
import io.github.authletetestkit.flows.internal.Flow;
import io.github.authletetestkit.flows.internal.FlowOutcome;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** A progress line per flow as it ends, and the summary table at the end of a run. */
public final class ConsoleReporter implements ProgressListener {

    private static final int MAX_LISTED = 50;

    private final PrintStream out;
    private final String label;
    private int open = -1;

    /** @param label prefixed to progress lines (e.g. {@code mock} for the comparison run), or null */
    public ConsoleReporter(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    /** Starts the flow's line, so a slow flow (polling intervals on a live target) shows what is running. */
    @Override
    public synchronized void started(int index, int total, Flow flow) {
        out.print(head(index, total, flow.id()));
        out.flush();
        open = index;
    }

    @Override
    public synchronized void finished(int index, int total, FlowResult result) {
        if (open != index) {
            out.print(head(index, total, result.id()));
        }
        open = -1;
        String detail = switch (result.status()) {
            case SKIPPED -> "skipped: " + result.reason();
            default -> String.format(Locale.ROOT, "%d calls, %d findings, %d ms", result.calls(), result.failingFindings(),
                    result.durationMillis());
        };
        out.printf(Locale.ROOT, "%-7s %s%n", result.status(), detail);
        if (result.status() == FlowOutcome.Status.FAILED && result.reason() != null) {
            out.println("        " + result.reason());
        }
        out.flush();
    }

    private String head(int index, int total, String id) {
        int width = Integer.toString(total).length();
        String name = (label == null ? "" : label + ": ") + id;
        return String.format(Locale.ROOT, "[%" + width + "d/%d] %s %s ", index, total, name, ".".repeat(Math.max(2, 34 - name.length())));
    }

    /** The per-operation table, the findings and differences, totals and the verdict. */
    public void summary(RunReport report) {
        out.println();
        out.printf(Locale.ROOT, "Target %s (%s), spec %s%s%n", report.target(), report.baseUrl(), report.specTitle(),
                report.specVersion() == null ? "" : " " + report.specVersion());
        boolean compared = report.comparedWith() != null;
        String header = String.format(Locale.ROOT, "%-44s %6s %9s %11s", "operation", "calls", "findings", "mismatches")
                + (compared ? String.format(Locale.ROOT, " %12s", "differences") : "");
        out.println(header);
        out.println("-".repeat(header.length()));
        long calls = 0;
        long findings = 0;
        long mismatches = 0;
        long differences = 0;
        for (OperationSummary row : report.operations()) {
            out.printf(Locale.ROOT, "%-44s %6d %9s %11d%s%n", row.operationId(), row.calls(),
                    row.findings() + (row.allowedFindings() > 0 ? "+" + row.allowedFindings() + "a" : ""), row.mismatches(),
                    compared ? String.format(Locale.ROOT, " %12d", row.differences()) : "");
            calls += row.calls();
            findings += row.findings();
            mismatches += row.mismatches();
            differences += row.differences();
        }
        out.println("-".repeat(header.length()));
        out.printf(Locale.ROOT, "%-44s %6d %9d %11d%s%n", "total", calls, findings, mismatches,
                compared ? String.format(Locale.ROOT, " %12d", differences) : "");
        if (report.allowedFindings() > 0) {
            out.println("(+Na: findings covered by the allow-list; they do not fail the run)");
        }

        List<String> lines = report.flows().stream()
                .flatMap(f -> f.steps().stream().flatMap(s -> s.findings().stream().filter(x -> !x.allowed())
                        .map(x -> f.id() + " / " + s.name() + ": " + describe(x))))
                .toList();
        if (!lines.isEmpty()) {
            out.println();
            out.println("Schema findings:");
            lines.stream().limit(MAX_LISTED).forEach(line -> out.println("  " + line));
            if (lines.size() > MAX_LISTED) {
                out.println("  … and " + (lines.size() - MAX_LISTED) + " more (see the reports)");
            }
        }
        if (!report.differences().isEmpty()) {
            out.println();
            out.println("Differences from the mock:");
            report.differences().stream().limit(MAX_LISTED).forEach(d -> out.printf(Locale.ROOT, "  %s / %s: %s %s target=%s mock=%s%n",
                    d.flow(), d.step(), d.kind(), d.pointer().isEmpty() ? "" : d.pointer(), d.target(), d.mock()));
            if (report.differences().size() > MAX_LISTED) {
                out.println("  … and " + (report.differences().size() - MAX_LISTED) + " more (see the reports)");
            }
        }
        out.println();
        out.printf(Locale.ROOT, "Flows: %d passed, %d failed, %d skipped · %d calls · %d findings · %d mismatches%s%n",
                report.count(FlowOutcome.Status.PASSED), report.count(FlowOutcome.Status.FAILED), report.count(FlowOutcome.Status.SKIPPED),
                report.calls(), report.failingFindings(), report.mismatches(),
                compared ? " · " + report.differences().size() + " differences from the mock" : "");
        out.println(report.passed() ? "RESULT: PASSED" : "RESULT: FAILED");
        out.flush();
    }

    static String describe(CheckedFinding finding) {
        return finding.finding().toString();
    }
}
