package io.github.authletetestkit.mock.internal.admin;

import com.github.tomakehurst.wiremock.extension.Extension;
import io.github.authletetestkit.mock.model.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Keeps web pages out of {@code /__admin}: no CORS unless one origin is configured (WireMock's own filter
 * allows every origin, with credentials), a {@code Host} that is not this machine refused (DNS rebinding), and
 * no state change from a cross-site page or a "simple" request a page can send without a preflight. Declared
 * as a WireMock extension so that the HTTP server can find it in its options and put it first on the admin
 * context.
 */
public final class AdminBrowserGuard implements Extension, Filter {

    /** A custom header lets a non-JSON state-changing request through: a page cannot send it without a preflight. */
    public static final String CUSTOM_HEADER = "X-Authlete-Mock";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> SIMPLE_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data");

    private final String bindAddress;
    private final String allowedOrigin;
    private final boolean hostChecked;

    /**
     * @param bindAddress the address the server binds, a Host it always accepts
     * @param allowedOrigin the one origin given CORS access, or null
     * @param tokenRequired with an admin token the token guards the API, so any Host is accepted
     */
    public AdminBrowserGuard(String bindAddress, String allowedOrigin, boolean tokenRequired) {
        this.bindAddress = bindAddress == null ? "" : bindAddress.toLowerCase(Locale.ROOT);
        this.allowedOrigin = allowedOrigin;
        this.hostChecked = !tokenRequired;
    }

    @Override
    public String getName() {
        return "authlete-admin-browser-guard";
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String origin = request.getHeader("Origin");
        boolean corsAllowed = origin != null && origin.equals(allowedOrigin);
        if (hostChecked && !knownHost(request.getServerName())) {
            refuse(response, 403, "The admin API answers only requests addressed to localhost, an IP address or the bound address (Host '"
                    + request.getServerName() + "'); use --admin-token to reach it under another name.");
            return;
        }
        if ("OPTIONS".equals(request.getMethod()) && origin != null) {
            preflight(request, response, corsAllowed);
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod())) {
            if (origin != null && !corsAllowed && !sameOrigin(origin, request)) {
                refuse(response, 403, "The admin API refuses state changes from the web origin " + origin + "; allow one with --admin-cors.");
                return;
            }
            if (simpleType(request.getContentType()) && request.getHeader(CUSTOM_HEADER) == null) {
                refuse(response, 415, "A state-changing admin request needs Content-Type: application/json (or the header "
                        + CUSTOM_HEADER + "), so that no web page can send it.");
                return;
            }
        }
        HttpServletResponse withoutWireMockCors = new WithoutCorsHeaders(response);
        if (corsAllowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.addHeader("Vary", "Origin");
        }
        chain.doFilter(request, withoutWireMockCors);
    }

    private void preflight(HttpServletRequest request, HttpServletResponse response, boolean corsAllowed) throws IOException {
        if (!corsAllowed) {
            refuse(response, 403, "The admin API allows no cross-origin requests from " + request.getHeader("Origin") + "; allow one with --admin-cors.");
            return;
        }
        response.setStatus(204);
        response.setHeader("Access-Control-Allow-Origin", allowedOrigin);
        response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
        String headers = request.getHeader("Access-Control-Request-Headers");
        if (headers != null) {
            response.setHeader("Access-Control-Allow-Headers", headers);
        }
        response.setHeader("Access-Control-Max-Age", "600");
        response.addHeader("Vary", "Origin");
    }

    private boolean knownHost(String host) {
        if (host == null || host.isEmpty()) {
            return true; // HTTP/1.0 without Host: no browser sends that
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals(bindAddress)
                || name.contains(":") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}") || name.equals(originHost());
    }

    private String originHost() {
        try {
            return allowedOrigin == null ? null : URI.create(allowedOrigin).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return uri.getHost() != null && uri.getHost().equalsIgnoreCase(request.getServerName()) && port == request.getServerPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean simpleType(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return SIMPLE_TYPES.contains(type);
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(Json.write(AdminReply.error(status, message, null).body()).getBytes(StandardCharsets.UTF_8));
    }

    /** Drops the CORS headers WireMock's filter adds for any origin. */
    private static final class WithoutCorsHeaders extends HttpServletResponseWrapper {
        WithoutCorsHeaders(HttpServletResponse response) {
            super(response);
        }

        private static boolean cors(String name) {
            return name != null && name.regionMatches(true, 0, "Access-Control-", 0, "Access-Control-".length());
        }

        @Override
        public void setHeader(String name, String value) {
            if (!cors(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!cors(name)) {
                super.addHeader(name, value);
            }
        }
    }
}
