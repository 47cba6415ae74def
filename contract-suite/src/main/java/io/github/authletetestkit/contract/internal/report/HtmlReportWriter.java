package io.github.authletetestkit.contract.internal.report;

import io.github.authletetestkit.contract.internal.check.CheckedFinding;
import io.github.authletetestkit.flows.internal.FlowOutcome;
import io.github.authletetestkit.mock.coverage.CoverageHtml;
import java.util.Locale;

/** One self-contained HTML page (inline CSS, no scripts, nothing fetched): verdict, per-operation table, flows, findings, differences. */
public final class HtmlReportWriter {

    private HtmlReportWriter() {
    }

    public static String write(RunReport report) {
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Authlete contract suite — ")
                .append(e(report.target())).append("</title>\n<style>\n").append(CSS).append("</style></head><body>\n");
        h.append("<h1>Authlete contract suite <span class=\"badge ").append(report.passed() ? "pass\">PASSED" : "fail\">FAILED")
                .append("</span></h1>\n");
        h.append("<table class=\"meta\">");
        meta(h, "Target", report.target() + " — " + report.baseUrl());
        meta(h, "Spec", report.specTitle() + (report.specVersion() == null ? "" : " " + report.specVersion()) + " — " + report.spec());
        if (report.comparedWith() != null) {
            meta(h, "Compared with", report.comparedWith());
        }
        meta(h, "Run", report.runId() + ", started " + report.startedAt() + ", " + report.durationMillis() + " ms");
        meta(h, "Totals", String.format(Locale.ROOT, "%d flows: %d passed, %d failed, %d skipped · %d calls · %d findings%s · %d mismatches%s",
                report.flows().size(), report.count(FlowOutcome.Status.PASSED), report.count(FlowOutcome.Status.FAILED),
                report.count(FlowOutcome.Status.SKIPPED), report.calls(), report.failingFindings(),
                report.allowedFindings() > 0 ? " (+" + report.allowedFindings() + " allowed)" : "", report.mismatches(),
                report.comparedWith() == null ? "" : " · " + report.differences().size() + " differences"));
        h.append("</table>\n");

        h.append("<h2>Operations</h2>\n<table><tr><th>operation</th><th>calls</th><th>findings</th><th>allowed</th><th>mismatches</th>");
        if (report.comparedWith() != null) {
            h.append("<th>differences</th>");
        }
        h.append("</tr>\n");
        for (OperationSummary row : report.operations()) {
            boolean bad = row.findings() > 0 || row.mismatches() > 0 || row.differences() > 0;
            h.append("<tr class=\"").append(bad ? "bad" : "ok").append("\"><td><code>").append(e(row.operationId())).append("</code></td><td>")
                    .append(row.calls()).append("</td><td>").append(row.findings()).append("</td><td>").append(row.allowedFindings())
                    .append("</td><td>").append(row.mismatches()).append("</td>");
            if (report.comparedWith() != null) {
                h.append("<td>").append(row.differences()).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Coverage on ").append(e(report.target())).append("</h2>\n").append(CoverageHtml.table(report.coverage()));

        h.append("<h2>Flows</h2>\n");
        for (FlowResult flow : report.flows()) {
            String css = flow.status() == FlowOutcome.Status.SKIPPED ? "skip" : flow.status() == FlowOutcome.Status.FAILED
                    || flow.failingFindings() > 0 ? "fail" : "pass";
            h.append("<details class=\"flow ").append(css).append("\"").append(css.equals("fail") ? " open" : "").append("><summary><b>")
                    .append(e(flow.id())).append("</b> <span class=\"badge ").append(css).append("\">").append(flow.status())
                    .append("</span> ").append(e(flow.title()));
            if (flow.status() != FlowOutcome.Status.SKIPPED) {
                h.append(String.format(Locale.ROOT, " — %d calls, %d findings, %d ms", flow.calls(), flow.failingFindings(), flow.durationMillis()));
            }
            h.append("</summary>\n");
            if (flow.reason() != null) {
                h.append("<p class=\"reason\">").append(flow.status() == FlowOutcome.Status.SKIPPED ? "skipped: " : "")
                        .append(e(flow.reason())).append("</p>\n");
            }
            h.append("<p class=\"ops\">operations: ").append(e(String.join(", ", flow.operations()))).append("</p>\n");
            if (!flow.steps().isEmpty()) {
                h.append("<table><tr><th>#</th><th>step</th><th>operation</th><th>request</th><th>expected</th><th>got</th><th>ms</th></tr>\n");
                int n = 0;
                for (StepRecord step : flow.steps()) {
                    boolean bad = step.mismatch() != null || step.failingFindings() > 0;
                    h.append("<tr class=\"").append(bad ? "bad" : "ok").append("\"><td>").append(++n).append("</td><td>")
                            .append(step.phase() == StepRecord.Phase.CLEANUP ? "<i>cleanup:</i> " : "").append(e(step.name()))
                            .append("</td><td><code>").append(e(step.operationId())).append("</code></td><td><code>")
                            .append(e(step.method() + " " + step.path())).append("</code></td><td>").append(e(step.expected()))
                            .append("</td><td>").append(step.status()).append(step.action() == null ? "" : " " + e(step.action()))
                            .append(step.retries() > 0 ? " (" + step.retries() + " retries)" : "").append("</td><td>")
                            .append(step.durationMillis()).append("</td></tr>\n");
                    if (step.mismatch() != null) {
                        h.append("<tr class=\"bad\"><td></td><td colspan=\"6\">mismatch: ").append(e(step.mismatch())).append("</td></tr>\n");
                    }
                    for (CheckedFinding finding : step.findings()) {
                        h.append("<tr class=\"").append(finding.allowed() ? "allowed" : "bad").append("\"><td></td><td colspan=\"6\">")
                                .append(finding.allowed() ? "allowed finding" : "finding").append(": <code>")
                                .append(e(finding.finding().operationId())).append("</code> ")
                                .append(e(finding.finding().direction().name().toLowerCase(Locale.ROOT))).append(" <code>")
                                .append(e(finding.finding().displayPointer()))
                                .append("</code> [").append(e(finding.finding().key())).append("] ").append(e(finding.finding().message()));
                        if (finding.allowed()) {
                            h.append(" — allowed: ").append(e(finding.allowedBecause()));
                        }
                        h.append("</td></tr>\n");
                    }
                    if (bad && step.responseBody() != null && !step.responseBody().isEmpty()) {
                        h.append("<tr><td></td><td colspan=\"6\"><details><summary>response body</summary><pre>")
                                .append(e(JsonReportWriter.truncate(step.responseBody()))).append("</pre></details></td></tr>\n");
                    }
                }
                h.append("</table>\n");
            }
            h.append("</details>\n");
        }

        if (report.comparedWith() != null) {
            h.append("<h2>Differences from the ").append(e(report.comparedWith())).append("</h2>\n");
            if (report.differences().isEmpty()) {
                h.append("<p>None: every compared step answered with the same status, action and JSON shape.</p>\n");
            } else {
                h.append("<table><tr><th>flow</th><th>step</th><th>operation</th><th>kind</th><th>pointer</th><th>target</th><th>mock</th></tr>\n");
                for (Difference d : report.differences()) {
                    h.append("<tr class=\"bad\"><td>").append(e(d.flow())).append("</td><td>").append(e(d.step())).append("</td><td><code>")
                            .append(e(d.operationId() == null ? "" : d.operationId())).append("</code></td><td>").append(d.kind())
                            .append("</td><td><code>").append(e(d.pointer())).append("</code></td><td>").append(e(d.target()))
                            .append("</td><td>").append(e(d.mock())).append("</td></tr>\n");
                }
                h.append("</table>\n");
            }
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void meta(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(e(name)).append("</th><td>").append(e(value)).append("</td></tr>");
    }

    static String e(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2em;color:#222;max-width:1400px}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.5em}
            table{border-collapse:collapse;margin:.5em 0;font-size:.9em}
            th,td{border:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}
            th{background:#f4f4f4}
            table.meta th{width:9em}
            code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.95em}
            pre{white-space:pre-wrap;word-break:break-all;max-height:30em;overflow:auto;background:#fafafa;padding:.5em}
            .badge{display:inline-block;padding:.05em .5em;border-radius:.8em;font-size:.8em;color:#fff}
            .badge.pass{background:#2e7d32}.badge.fail{background:#c62828}.badge.skip{background:#757575}
            tr.bad td{background:#fdecea}tr.allowed td{background:#fff8e1}
            details.flow{border:1px solid #ddd;border-radius:.3em;margin:.4em 0;padding:.3em .6em}
            details.flow.fail{border-color:#c62828}
            .reason{font-weight:bold}.ops{color:#666;font-size:.85em}
            """ + CoverageHtml.STYLE;
}
