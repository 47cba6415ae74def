package io.github.authletetestkit.mock.coverage;

import java.util.Map;

/**
 * A {@link Coverage} as HTML: a self-contained page (inline CSS, no scripts), or the table alone for a page of
 * one's own. Called operations first, each with its action values (answered ones with their count, the others
 * struck through) and its result codes.
 */
public final class CoverageHtml {

    private CoverageHtml() {}

    /** A whole page with this title. */
    public static String page(String title, Coverage coverage) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" + escape(title) + "</title>\n<style>"
                + "body{font-family:system-ui,sans-serif;margin:1.5em}\n" + STYLE + "</style></head><body>\n<h1>" + escape(title) + "</h1>\n" + table(coverage) + "</body></html>\n";
    }

    /** The summary line and the table, to embed in another page; the page must carry {@link #STYLE}. */
    public static String table(Coverage coverage) {
        StringBuilder h = new StringBuilder();
        h.append("<p class=\"coverage-summary\">").append(coverage.calls()).append(" calls; ")
                .append(coverage.calledOperations()).append(" of ").append(coverage.operations().size()).append(" operations called; ")
                .append(coverage.coveredActions()).append(" of ").append(coverage.actions()).append(" actions answered</p>\n");
        h.append("<table class=\"coverage\"><tr><th>operation</th><th>calls</th><th>actions</th><th>result codes</th></tr>\n");
        coverage.operations().stream().filter(Coverage.OperationCoverage::called).forEach(o -> row(h, o));
        coverage.operations().stream().filter(o -> !o.called()).forEach(o -> row(h, o));
        return h.append("</table>\n").toString();
    }

    private static void row(StringBuilder h, Coverage.OperationCoverage operation) {
        h.append("<tr class=\"").append(operation.called() ? "called" : "uncalled").append("\"><td><code>")
                .append(escape(operation.operationId())).append("</code></td><td>").append(operation.calls()).append("</td><td>");
        for (Map.Entry<String, Long> action : operation.actions().entrySet()) {
            boolean answered = action.getValue() > 0;
            h.append("<span class=\"").append(answered ? "hit" : "miss").append("\">").append(escape(action.getKey()));
            if (answered) {
                h.append(" ×").append(action.getValue());
            }
            h.append("</span> ");
        }
        h.append("</td><td>");
        operation.resultCodes().forEach((code, count) -> h.append("<code>").append(escape(code)).append("</code> ×").append(count).append(' '));
        h.append("</td></tr>\n");
    }

    /** The CSS of the table (its rules name the table's classes only). */
    public static final String STYLE = """
            table.coverage{border-collapse:collapse;font-size:.9em}
            table.coverage th,table.coverage td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
            tr.uncalled{color:#888}
            span.hit{background:#dfd;padding:0 .2em;margin-right:.2em}
            span.miss{background:#fdd;text-decoration:line-through;padding:0 .2em;margin-right:.2em}
            """;

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
