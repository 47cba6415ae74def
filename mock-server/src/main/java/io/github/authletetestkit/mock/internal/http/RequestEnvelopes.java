package io.github.authletetestkit.mock.internal.http;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The envelopes of one path's requests that Atlassian's request validator found clean. Everything that validator
 * checks besides the body (security, {@code Content-Type}, {@code Accept}, header, path, query and cookie
 * parameters) reads only the method, the path, the query and a few headers, and takes 70 % of a validated request's
 * validation time (content-type and Accept parsing, parameter streams, messages). A mock's callers send the same few
 * envelopes again and again with a new body each time, so once an envelope has been checked whole and drew no message,
 * a request in it needs only its body checked, by the validator's own body check, with the same result as the whole
 * check (the whole report is the parts' messages in order, and every part but the body is empty).
 *
 * <p>The key holds every input those checks read, each value length-prefixed: the method, the path, every query
 * parameter, and the headers named in {@link #headersRead}: {@code Content-Type}, {@code Accept}, {@code Cookie},
 * {@code Authorization}, the path's declared header parameters and the API-key headers of the security schemes. At
 * most {@link #KEPT} keys are kept; the set is cleared when full.
 */
final class RequestEnvelopes {

    static final int KEPT = 1024;
    private static final String BODY_MESSAGES = "validation.request.body.";

    private final List<String> headersRead;
    private final Set<String> clean = ConcurrentHashMap.newKeySet();

    RequestEnvelopes(OpenAPI document, PathItem item) {
        Set<String> names = new TreeSet<>(List.of("accept", "authorization", "content-type", "cookie"));
        Stream.concat(Stream.ofNullable(item.getParameters()).flatMap(List::stream),
                        item.readOperations().stream().map(Operation::getParameters).filter(Objects::nonNull).flatMap(List::stream))
                .filter(p -> "header".equals(p.getIn()))
                .map(Parameter::getName)
                .forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        if (document.getComponents() != null && document.getComponents().getSecuritySchemes() != null) {
            document.getComponents().getSecuritySchemes().values().stream()
                    .filter(s -> s.getType() == SecurityScheme.Type.APIKEY && s.getIn() == SecurityScheme.In.HEADER && s.getName() != null)
                    .forEach(s -> names.add(s.getName().toLowerCase(Locale.ROOT)));
        }
        this.headersRead = List.copyOf(names);
    }

    /** The headers whose values are part of the key (lower case). */
    List<String> headersRead() {
        return headersRead;
    }

    /** Every input of the checks other than the body's. */
    String key(Request request) {
        StringBuilder key = new StringBuilder(256).append(request.getMethod()).append(' ');
        add(key, request.getPath());
        Collection<String> query = request.getQueryParameters();
        if (!query.isEmpty()) {
            for (String name : new TreeSet<>(query)) {
                add(key, name);
                addAll(key, request.getQueryParameterValues(name));
            }
        }
        key.append('|');
        for (String header : headersRead) {
            addAll(key, request.getHeaderValues(header));
        }
        return key.toString();
    }

    private static void addAll(StringBuilder key, Collection<String> values) {
        key.append(values.size()).append('#');
        for (String value : values) {
            add(key, value);
        }
    }

    private static void add(StringBuilder key, String value) {
        key.append(value == null ? -1 : value.length()).append(':');
        if (value != null) {
            key.append(value);
        }
    }

    /** Whether a request with this key was checked whole before and drew no message but its body's. */
    boolean isClean(String key) {
        return clean.contains(key);
    }

    /** Keeps {@code key} as clean when {@code wholeReport}, the whole check of a request with it, has no message but its body's. */
    void record(String key, ValidationReport wholeReport) {
        if (wholeReport.getMessages().stream().allMatch(m -> m.getKey().startsWith(BODY_MESSAGES))) {
            if (clean.size() >= KEPT) {
                clean.clear();
            }
            clean.add(key);
        }
    }

    /** How many clean envelopes are kept (a test's view). */
    int known() {
        return clean.size();
    }
}
