package io.github.authletetestkit.spec.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenAPI path template such as {@code /api/{serviceId}/client/get/{clientId}}, split into
 * segments once. A segment is either a literal or a whole-segment parameter; partial-segment
 * templates ({@code /a/{x}.json}) are not used by the Authlete API and are rejected.
 *
 * <p>Instances are immutable and shared through {@link #of(String)}.
 */
public final class PathTemplate {

    private static final Map<String, PathTemplate> CACHE = new ConcurrentHashMap<>();

    private final String template;
    /** Literal text per segment, or {@code null} where the segment is a parameter. */
    private final String[] literals;
    /** Parameter name per segment, or {@code null} where the segment is a literal. */
    private final String[] parameters;
    private final List<String> parameterNames;

    private PathTemplate(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("A path template must start with '/': " + template);
        }
        this.template = template;
        String[] segments = splitSegments(template);
        if (segments == null) {
            throw new IllegalArgumentException("Empty segment in path template: " + template);
        }
        this.literals = new String[segments.length];
        this.parameters = new String[segments.length];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.startsWith("{") && segment.endsWith("}") && segment.length() > 2) {
                String name = segment.substring(1, segment.length() - 1);
                if (name.indexOf('{') >= 0 || name.indexOf('}') >= 0) {
                    throw new IllegalArgumentException("Malformed parameter in path template: " + template);
                }
                if (names.contains(name)) {
                    throw new IllegalArgumentException("Repeated parameter {" + name + "} in " + template);
                }
                parameters[i] = name;
                names.add(name);
            } else if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
                throw new IllegalArgumentException("Only whole-segment parameters are supported: " + template);
            } else {
                literals[i] = segment;
            }
        }
        this.parameterNames = Collections.unmodifiableList(names);
    }

    /** The shared, pre-split template for {@code template}. */
    public static PathTemplate of(String template) {
        PathTemplate cached = CACHE.get(template);
        return cached != null ? cached : CACHE.computeIfAbsent(template, PathTemplate::new);
    }

    public String template() {
        return template;
    }

    /** Parameter names in the order they appear. */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /** Number of segments ({@code /api/info} has two). */
    public int segmentCount() {
        return literals.length;
    }

    /** Whether segment {@code index} is a parameter. */
    public boolean isParameter(int index) {
        return parameters[index] != null;
    }

    /** The literal text of segment {@code index}, or {@code null} for a parameter segment. */
    public String literal(int index) {
        return literals[index];
    }

    /** The parameter name of segment {@code index}, or {@code null} for a literal segment. */
    public String parameter(int index) {
        return parameters[index];
    }

    /**
     * Matches a concrete request path (query string and fragment are ignored) against this template
     * alone. Returns the percent-decoded parameter values, or {@code null} when the path does not fit.
     * This does not apply literal-over-template precedence; use {@link OperationMatcher} for that.
     */
    public Map<String, String> match(String path) {
        String[] segments = splitSegments(stripQuery(path));
        if (segments == null || segments.length != literals.length) {
            return null;
        }
        Map<String, String> values = parameterNames.isEmpty() ? Map.of() : new LinkedHashMap<>();
        for (int i = 0; i < segments.length; i++) {
            if (literals[i] != null) {
                if (!literals[i].equals(segments[i])) {
                    return null;
                }
            } else {
                values.put(parameters[i], decode(segments[i]));
            }
        }
        return values.isEmpty() ? Map.of() : Collections.unmodifiableMap(values);
    }

    /** Builds a concrete path; values are percent-encoded where needed. */
    public String expand(Map<String, ?> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < literals.length; i++) {
            out.append('/');
            if (literals[i] != null) {
                out.append(literals[i]);
            } else {
                Object value = values.get(parameters[i]);
                if (value == null) {
                    throw new IllegalArgumentException("No value for {" + parameters[i] + "} of " + template);
                }
                out.append(encode(value.toString()));
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathTemplate other && other.template.equals(template);
    }

    @Override
    public int hashCode() {
        return template.hashCode();
    }

    @Override
    public String toString() {
        return template;
    }

    // ------------------------------------------------------------------------------ helpers

    static String stripQuery(String path) {
        Objects.requireNonNull(path, "path");
        int end = path.length();
        int q = path.indexOf('?');
        if (q >= 0) {
            end = q;
        }
        int h = path.indexOf('#');
        if (h >= 0 && h < end) {
            end = h;
        }
        return end == path.length() ? path : path.substring(0, end);
    }

    /**
     * Splits {@code /a/b/c} into {@code [a, b, c]}. Returns {@code null} when the path does not start
     * with a slash or has an empty segment (including a trailing slash), which never matches.
     */
    static String[] splitSegments(String path) {
        int length = path.length();
        if (length < 2 || path.charAt(0) != '/') {
            return null;
        }
        int count = 1;
        for (int i = 1; i < length; i++) {
            if (path.charAt(i) == '/') {
                count++;
            }
        }
        String[] segments = new String[count];
        int start = 1;
        for (int n = 0; n < count; n++) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? length : slash;
            if (end == start) {
                return null;
            }
            segments[n] = path.substring(start, end);
            start = end + 1;
        }
        return segments;
    }

    /** Percent-decodes one path segment as UTF-8 ('+' stays '+'); malformed escapes are kept as is. */
    static String decode(String segment) {
        int percent = segment.indexOf('%');
        if (percent < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        byte[] raw = segment.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '%' && i + 2 < raw.length) {
                int hi = Character.digit(raw[i + 1], 16);
                int lo = Character.digit(raw[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    bytes.write((hi << 4) | lo);
                    i += 2;
                    continue;
                }
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
