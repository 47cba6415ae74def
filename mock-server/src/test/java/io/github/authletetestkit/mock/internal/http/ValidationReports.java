package io.github.authletetestkit.mock.internal.http;

import com.atlassian.oai.validator.report.ValidationReport;
import java.util.List;

/** How the validator tests compare reports: the keys of the errors, or everything a message is made of. */
final class ValidationReports {

    static List<String> keys(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR).map(ValidationReport.Message::getKey).toList();
    }

    /** Key, level, text, and the context the pipeline reads: parameter, pointer, request path and method, where, body definition. */
    static List<String> messages(ValidationReport report) {
        return report.getMessages().stream()
                .map(m -> m.getKey() + " " + m.getLevel() + " " + m.getMessage() + " "
                        + m.getContext().flatMap(ValidationReport.MessageContext::getParameter).map(p -> p.getName()).orElse("-") + " "
                        + m.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                                .map(ValidationReport.MessageContext.Pointers::getInstance).orElse("-") + " "
                        + m.getContext().flatMap(ValidationReport.MessageContext::getRequestPath).orElse("-") + " "
                        + m.getContext().flatMap(ValidationReport.MessageContext::getRequestMethod).orElse(null) + " "
                        + m.getContext().flatMap(ValidationReport.MessageContext::getLocation).orElse(null) + " "
                        + m.getContext().flatMap(ValidationReport.MessageContext::getApiRequestBodyDefinition).isPresent())
                .toList();
    }

    private ValidationReports() {}
}
