package io.github.authletetestkit.mock.internal.api;

import java.util.Map;

/** The auto-submitting HTML page of OAuth 2.0 Form Post Response Mode. */
final class FormPostPage {

    private FormPostPage() {}

    static String render(String action, Map<String, String> params) {
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>Submit This Form</title>\n</head>\n")
                .append("<body onload=\"javascript:document.forms[0].submit()\">\n<form method=\"post\" action=\"")
                .append(escape(action)).append("\">\n");
        params.forEach((name, value) -> {
            if (value != null) {
                html.append("<input type=\"hidden\" name=\"").append(escape(name)).append("\" value=\"").append(escape(value)).append("\"/>\n");
            }
        });
        return html.append("</form>\n</body>\n</html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
