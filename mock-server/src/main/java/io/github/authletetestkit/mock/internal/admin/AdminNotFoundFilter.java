package io.github.authletetestkit.mock.internal.admin;

import io.github.authletetestkit.mock.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletOutputStream;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.WriteListener;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * WireMock answers an admin path it has no route for (and a file when it has no file root) with a 404 and
 * no body; this filter gives such a 404 the admin API's JSON error body. A 404 that has a body, and every
 * other answer, passes as written.
 */
public final class AdminNotFoundFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        NotFoundBody answer = new NotFoundBody((HttpServletResponse) response);
        chain.doFilter(request, answer);
        HttpServletRequest http = (HttpServletRequest) request;
        answer.finish("The admin API has no route " + http.getMethod() + " " + http.getRequestURI() + ".");
    }

    /** Holds back the body of a 404 until the end, to write a JSON one when it is empty. */
    private static final class NotFoundBody extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream held = new ByteArrayOutputStream();
        private boolean notFound;

        NotFoundBody(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            notFound = status == 404;
            super.setStatus(status);
        }

        @Override
        public void setContentLength(int length) {
            if (!notFound) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (!notFound) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!notFound) {
                super.flushBuffer();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return notFound ? new Held(held) : super.getOutputStream();
        }

        void finish(String message) throws IOException {
            if (!notFound || isCommitted()) {
                return;
            }
            byte[] body = held.toByteArray();
            if (body.length == 0) {
                setContentType("application/json");
                setCharacterEncoding("UTF-8");
                body = Json.write(AdminReply.error(404, message, null).body()).getBytes(StandardCharsets.UTF_8);
            }
            super.setContentLength(body.length);
            super.getOutputStream().write(body);
        }
    }

    private static final class Held extends ServletOutputStream {

        private final ByteArrayOutputStream out;

        Held(ByteArrayOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            out.write(bytes, offset, length);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("written synchronously");
        }
    }
}
