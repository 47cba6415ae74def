package io.github.authletetestkit.mock.internal.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Choosing the redirect URI of an authorization request and putting the response parameters on it. */
public final class RedirectUris {

    /** Loopback hosts of RFC 8252 7.3 ({@link URI#getHost()} keeps the brackets of an IPv6 literal). */
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

    private RedirectUris() {}

    /** Why a client may not register this redirect URI (RFC 6749 3.1.2: absolute, no fragment), or empty when it may. */
    public static Optional<String> registrationProblem(String uri) {
        try {
            URI parsed = new URI(uri);
            if (!parsed.isAbsolute() || parsed.getRawFragment() != null || uri.length() > 200) {
                return Optional.of("The redirect URI '" + uri + "' must be absolute, without a fragment, and at most 200 characters.");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("The redirect URI '" + uri + "' is malformed.");
        }
    }

    /**
     * The redirect URI to use (reference 3.1 step 4, RFC 6749 3.1.2.3).
     * <ul>
     *   <li>{@code requested} present (non-null, even empty): it must equal a registered URI exactly (simple
     *       string comparison, RFC 6749 3.1.2.3) or, when {@code loopbackPortVariable}, equal a registered
     *       {@code http} loopback URI except for the port (native apps pick a free port, RFC 8252 7.3).</li>
     *   <li>{@code requested} absent: the only registered URI, when exactly one is registered.</li>
     * </ul>
     *
     * @param registered the client's {@code redirectUris}; null means none
     * @return the URI to redirect to (the requested one, port included), or empty when none is acceptable
     */
    public static Optional<String> resolve(List<String> registered, String requested, boolean loopbackPortVariable) {
        List<String> candidates = registered == null ? List.of() : registered;
        if (requested == null) {
            return candidates.size() == 1 ? Optional.ofNullable(candidates.get(0)) : Optional.empty();
        }
        if (candidates.contains(requested)) {
            return Optional.of(requested);
        }
        URI requestedUri = loopbackPortVariable ? parse(requested) : null;
        if (requestedUri != null && isHttpLoopback(requestedUri)) {
            for (String candidate : candidates) {
                URI candidateUri = candidate == null ? null : parse(candidate);
                if (candidateUri != null && equalIgnoringPort(candidateUri, requestedUri)) {
                    return Optional.of(requested);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Adds response parameters to a redirect URI: to its query (after any query it already has) for
     * {@code response_mode=query}, or to its fragment for {@code fragment} (implicit and hybrid flows).
     * Null values are skipped; names and values are percent-encoded (RFC 3986 unreserved characters stay).
     * With nothing to add, the URI is returned unchanged.
     */
    public static String appendParameters(String redirectUri, Map<String, String> params, boolean useFragment) {
        Objects.requireNonNull(redirectUri, "redirectUri");
        String encoded = FormParameters.encode(params);
        if (encoded.isEmpty()) {
            return redirectUri;
        }
        int hash = redirectUri.indexOf('#');
        if (useFragment) {
            return hash < 0 ? redirectUri + "#" + encoded : join(redirectUri, encoded);
        }
        // The query must come before any fragment (RFC 3986 3), even though redirect URIs should have none.
        String beforeFragment = hash < 0 ? redirectUri : redirectUri.substring(0, hash);
        String fragment = hash < 0 ? "" : redirectUri.substring(hash);
        String withQuery = beforeFragment.indexOf('?') < 0 ? beforeFragment + "?" + encoded : join(beforeFragment, encoded);
        return withQuery + fragment;
    }

    /** Appends to a query or fragment that is already started, with '&' unless it is still empty. */
    private static String join(String uri, String encoded) {
        char last = uri.charAt(uri.length() - 1);
        return last == '?' || last == '#' || last == '&' ? uri + encoded : uri + "&" + encoded;
    }

    private static boolean isHttpLoopback(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    /**
     * Same scheme and host (case-insensitively, RFC 3986 6.2.2.1), same user info, path, query and fragment.
     * {@code requested} is known to be an http loopback URI, so its scheme and host are not null.
     */
    private static boolean equalIgnoringPort(URI registered, URI requested) {
        return requested.getScheme().equalsIgnoreCase(registered.getScheme())
                && requested.getHost().equalsIgnoreCase(registered.getHost())
                && Objects.equals(registered.getRawUserInfo(), requested.getRawUserInfo())
                && Objects.equals(registered.getRawPath(), requested.getRawPath())
                && Objects.equals(registered.getRawQuery(), requested.getRawQuery())
                && Objects.equals(registered.getRawFragment(), requested.getRawFragment());
    }

    private static URI parse(String uri) {
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
