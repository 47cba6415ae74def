package io.github.authletetestkit.mock.internal.admin;

import io.github.authletetestkit.mock.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;

/**
 * Guards all of {@code /__admin} (the mock's routes and WireMock's own) with the admin token: a request
 * without it gets a JSON 401 before WireMock sees it. A servlet filter rather than WireMock's
 * {@code Authenticator}, whose 401 has no body.
 */
public final class AdminTokenFilter implements Filter {

    private final AdminToken token;

    public AdminTokenFilter(AdminToken token) {
        this.token = token;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (token.permits(((HttpServletRequest) request).getHeader("Authorization"))) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(401);
        http.setHeader("WWW-Authenticate", "Bearer realm=\"authlete-mock-admin\"");
        http.setContentType("application/json");
        http.setCharacterEncoding("UTF-8");
        String body = Json.write(AdminReply.error(401, "The admin API needs the header Authorization: Bearer <admin token>.", null).body());
        http.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
