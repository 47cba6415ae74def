package io.github.authletetestkit.mock.internal.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Resource indicators (RFC 8707): every {@code resource} value is an absolute URI without a fragment; at the token
 * endpoint the values narrow the audience to a subset of the resources granted at the authorization endpoint. Pure.
 */
public final class ResourceIndicators {

    private ResourceIndicators() {}

    /**
     * The values, distinct and in order.
     *
     * @throws InvalidParametersException (parameter {@code resource}) when one is not an absolute URI without a fragment
     */
    public static List<String> check(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            if (!absoluteWithoutFragment(value)) {
                throw new InvalidParametersException("resource",
                        "The resource '" + value + "' is not an absolute URI without a fragment.");
            }
            if (!out.contains(value)) {
                out.add(value);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The audience of a token requested with {@code requested} resources from a grant of {@code granted} ones: the
     * granted ones when none is requested, else the requested ones.
     *
     * @throws InvalidParametersException when a requested resource was not granted
     */
    public static List<String> narrow(List<String> granted, List<String> requested) {
        List<String> checked = check(requested);
        if (checked.isEmpty()) {
            return granted;
        }
        for (String resource : checked) {
            if (!granted.contains(resource)) {
                throw new InvalidParametersException("resource", "The resource '" + resource + "' was not granted.");
            }
        }
        return checked;
    }

    private static boolean absoluteWithoutFragment(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getRawFragment() == null && value.indexOf('#') < 0;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
