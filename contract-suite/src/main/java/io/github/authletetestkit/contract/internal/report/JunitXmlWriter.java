package io.github.authletetestkit.contract.internal.report;

import io.github.authletetestkit.contract.internal.check.CheckedFinding;
import io.github.authletetestkit.flows.internal.FlowOutcome;
import java.util.Locale;

/**
 * JUnit XML (the surefire flavour CI servers read): one test case per flow, failed when the flow failed or
 * its exchanges have findings, skipped with the reason; in differential mode one more case for the
 * differences from the mock.
 */
public final class JunitXmlWriter {

    private JunitXmlWriter() {
    }

    public static String write(RunReport report) {
        String suite = "authlete-contract-suite." + safe(report.target());
        long failures = report.flows().stream().filter(JunitXmlWriter::failed).count()
                + (report.comparedWith() != null && !report.differences().isEmpty() ? 1 : 0);
        long tests = report.flows().size() + (report.comparedWith() != null ? 1 : 0);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(tests)
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"")
                .append(report.count(FlowOutcome.Status.SKIPPED)).append("\" time=\"").append(seconds(report.durationMillis()))
                .append("\" timestamp=\"").append(escape(report.startedAt().toString())).append("\">\n");
        xml.append("  <properties>\n");
        property(xml, "target", report.target());
        property(xml, "baseUrl", report.baseUrl());
        property(xml, "spec", report.spec());
        property(xml, "specTitle", report.specTitle());
        property(xml, "specVersion", report.specVersion());
        property(xml, "runId", report.runId());
        if (report.comparedWith() != null) {
            property(xml, "comparedWith", report.comparedWith());
        }
        xml.append("  </properties>\n");
        for (FlowResult flow : report.flows()) {
            xml.append("  <testcase classname=\"").append(escape(suite)).append("\" name=\"").append(escape(flow.id()))
                    .append("\" time=\"").append(seconds(flow.durationMillis())).append("\">\n");
            if (flow.status() == FlowOutcome.Status.SKIPPED) {
                xml.append("    <skipped message=\"").append(escape("skipped: " + flow.reason())).append("\"/>\n");
            } else if (failed(flow)) {
                String message = flow.status() == FlowOutcome.Status.FAILED ? flow.reason()
                        : flow.failingFindings() + " schema finding(s)";
                xml.append("    <failure message=\"").append(escape(message)).append("\" type=\"contract\">")
                        .append(escape(details(flow))).append("</failure>\n");
            }
            xml.append("    <system-out>").append(escape(steps(flow))).append("</system-out>\n");
            xml.append("  </testcase>\n");
        }
        if (report.comparedWith() != null) {
            xml.append("  <testcase classname=\"").append(escape(suite)).append("\" name=\"differences-from-")
                    .append(escape(report.comparedWith())).append("\" time=\"0\">\n");
            if (!report.differences().isEmpty()) {
                StringBuilder text = new StringBuilder();
                for (Difference d : report.differences()) {
                    text.append(d.flow()).append(" / ").append(d.step()).append(": ").append(d.kind()).append(' ')
                            .append(d.pointer()).append(" target=").append(d.target()).append(" mock=").append(d.mock()).append('\n');
                }
                xml.append("    <failure message=\"").append(report.differences().size()).append(" difference(s) from the ")
                        .append(escape(report.comparedWith())).append("\" type=\"difference\">").append(escape(text.toString()))
                        .append("</failure>\n");
            }
            xml.append("  </testcase>\n");
        }
        xml.append("</testsuite>\n");
        return xml.toString();
    }

    private static boolean failed(FlowResult flow) {
        return flow.status() == FlowOutcome.Status.FAILED
                || (flow.status() == FlowOutcome.Status.PASSED && flow.failingFindings() > 0);
    }

    private static String details(FlowResult flow) {
        StringBuilder text = new StringBuilder();
        if (flow.reason() != null) {
            text.append(flow.reason()).append('\n');
        }
        for (StepRecord step : flow.steps()) {
            if (step.mismatch() != null) {
                text.append("mismatch at ").append(step.name()).append(": ").append(step.mismatch()).append('\n');
            }
            for (CheckedFinding finding : step.findings()) {
                if (!finding.allowed()) {
                    text.append("finding at ").append(step.name()).append(": ").append(finding.finding()).append('\n');
                }
            }
        }
        return text.toString();
    }

    private static String steps(FlowResult flow) {
        StringBuilder text = new StringBuilder();
        for (StepRecord step : flow.steps()) {
            text.append(step.phase() == StepRecord.Phase.CLEANUP ? "cleanup: " : "").append(step.name()).append(" — ")
                    .append(step.method()).append(' ').append(step.path()).append(" → ").append(step.status())
                    .append(step.action() == null ? "" : " " + step.action()).append(" (expected ").append(step.expected()).append(")\n");
        }
        return text.toString();
    }

    private static void property(StringBuilder xml, String name, String value) {
        if (value != null) {
            xml.append("    <property name=\"").append(escape(name)).append("\" value=\"").append(escape(value)).append("\"/>\n");
        }
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** XML text and attribute escaping; characters XML 1.0 forbids are dropped. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || Character.isSurrogate(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
