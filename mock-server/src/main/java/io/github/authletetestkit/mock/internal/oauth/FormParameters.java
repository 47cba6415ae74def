package io.github.authletetestkit.mock.internal.oauth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * An immutable, ordered multi-map of {@code application/x-www-form-urlencoded} parameters, e.g. the
 * {@code parameters} field Authlete receives (WHATWG URL "application/x-www-form-urlencoded parsing").
 *
 * <p>Names keep the order of their first appearance; values keep wire order. Repeated parameters are
 * preserved rather than collapsed because OAuth forbids most of them (RFC 6749 3.1) and callers must be
 * able to detect that with {@link #isRepeated(String)}.
 */
public final class FormParameters {

    private static final FormParameters EMPTY = new FormParameters(Map.of());

    private final Map<String, List<String>> values;

    private FormParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Parses a form-encoded string. Null or blank gives an empty instance; {@code +} is a space;
     * {@code %XX} escapes are UTF-8; a segment without {@code =} has the value {@code ""}; empty
     * segments ({@code a=1&&b=2}) and segments with an empty name ({@code =x}) are ignored.
     *
     * @throws InvalidParametersException when a percent escape is truncated, not hexadecimal, or not UTF-8
     */
    public static FormParameters parse(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return EMPTY;
        }
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        for (String segment : encoded.split("&")) {
            if (segment.isEmpty()) {
                continue;
            }
            int equals = segment.indexOf('=');
            String rawName = equals < 0 ? segment : segment.substring(0, equals);
            String rawValue = equals < 0 ? "" : segment.substring(equals + 1);
            String name = decode(rawName, rawName, "name");
            if (name.isEmpty()) {
                continue;
            }
            String value = decode(rawValue, rawName, "value");
            parsed.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        parsed.forEach((name, list) -> frozen.put(name, List.copyOf(list)));
        return new FormParameters(Collections.unmodifiableMap(frozen));
    }

    private static String decode(String raw, String rawName, String part) {
        try {
            return PercentCoding.decodeFormComponent(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidParametersException(rawName,
                    "The " + part + " of the parameter '" + rawName + "' is malformed: " + e.getMessage() + ".");
        }
    }

    /**
     * Form-encodes {@code params} in the map's iteration order, skipping null values. Only RFC 3986
     * unreserved characters are left as they are (a space becomes {@code %20}), so the result is safe in
     * a query, a fragment and a form body alike. A null map gives {@code ""}.
     *
     * @throws NullPointerException when a parameter with a non-null value has a null name
     */
    public static String encode(Map<String, String> params) {
        if (params == null) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&");
        params.forEach((name, value) -> {
            if (value != null) {
                Objects.requireNonNull(name, "A form parameter name must not be null.");
                joined.add(PercentCoding.encode(name) + "=" + PercentCoding.encode(value));
            }
        });
        return joined.toString();
    }

    /** The first value of {@code name}, or null when the parameter is absent. */
    public String first(String name) {
        List<String> list = values.get(name);
        return list == null ? null : list.get(0);
    }

    /** Every value of {@code name} in wire order; empty when absent. Unmodifiable. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /**
     * True when the parameter is present with a non-empty (first) value. OAuth treats
     * {@code state=} like an omitted parameter, so this is usually the question to ask.
     */
    public boolean has(String name) {
        String value = first(name);
        return value != null && !value.isEmpty();
    }

    /** Parameter names in order of first appearance. Unmodifiable. */
    public Set<String> names() {
        return values.keySet();
    }

    /** True when {@code name} appears more than once (RFC 6749 3.1: "MUST NOT be included more than once"). */
    public boolean isRepeated(String name) {
        return all(name).size() > 1;
    }

    /** True when there are no parameters at all. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Each name with its first value, in order. Unmodifiable. */
    public Map<String, String> toSingleValueMap() {
        Map<String, String> single = new LinkedHashMap<>();
        values.forEach((name, list) -> single.put(name, list.get(0)));
        return Collections.unmodifiableMap(single);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FormParameters that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "FormParameters" + values;
    }
}
