package io.github.authletetestkit.mock.internal.http;

import io.github.authletetestkit.mock.internal.api.ResultCodes;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ReadListener;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletInputStream;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletRequestWrapper;
import wiremock.jakarta.servlet.http.HttpServletResponse;

/**
 * Reads each request body before WireMock does, and never more than the limit: a larger {@code Content-Length}
 * is refused from the header alone, a chunked body as soon as it passes the limit, so no oversized body is
 * ever buffered or even received in full. A body that cannot be read to its end (a broken chunk, fewer bytes
 * than declared before the client closed, a client silent past the idle timeout, multipart without a
 * boundary, gzip that is not gzip) is refused too, and a gzip body is decompressed within the limit
 * ({@link GzipBodies}). Each refusal is a JSON error that closes the connection; WireMock then reads the body
 * kept in memory.
 */
final class RequestBodyLimit implements Filter {

    private final int maxBytes;

    RequestBodyLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        byte[] body;
        boolean declaredGzip;
        try {
            byte[] sent = read(http);
            declaredGzip = String.valueOf(http.getHeader("Content-Encoding")).toLowerCase(Locale.ROOT).contains("gzip");
            body = GzipBodies.plain(sent, declaredGzip, maxBytes);
            if (multipartWithoutBoundary(http.getContentType())) {
                // WireMock fails on it beneath any handler, with a bare 500 for some methods
                throw new RefusedBody(400, "The multipart request body has no boundary in its Content-Type.");
            }
        } catch (RefusedBody refused) {
            refuse(http, (HttpServletResponse) response, refused.status(), refused.getMessage());
            return;
        }
        chain.doFilter(new ReadBody(http, body, declaredGzip), response);
    }

    /** The body as sent, at most the limit. */
    private byte[] read(HttpServletRequest http) throws RefusedBody {
        long declared = http.getContentLengthLong();
        if (declared > maxBytes) {
            throw new RefusedBody(413, "The request body is too large: " + declared + " bytes declared; the mock accepts at most " + maxBytes + " bytes.");
        }
        byte[] body;
        try {
            // a declared length is read as exactly that many bytes (readNBytes(limit) allocates 16 KiB chunks for a
            // 300-byte form); a chunked body is read up to one byte past the limit, to tell "too large"
            body = http.getInputStream().readNBytes(declared >= 0 ? (int) declared : maxBytes + 1);
        } catch (IOException e) {
            boolean timedOut = causedBy(e, TimeoutException.class);
            throw new RefusedBody(timedOut ? 408 : 400, timedOut
                    ? "The request body did not arrive in time: the connection was idle too long."
                    : "The request body could not be read to its end (a broken chunk, or fewer bytes than its Content-Length): "
                            + e.getMessage() + ".");
        }
        if (body.length > maxBytes) {
            throw new RefusedBody(413, "The request body is too large: more than " + maxBytes + " bytes; the mock accepts at most " + maxBytes + " bytes.");
        }
        return body;
    }

    private static boolean multipartWithoutBoundary(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.strip().startsWith("multipart/") && !type.contains("boundary=");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The error as the API answers transport errors; the rest of the body is not read, so the connection closes. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message) throws IOException {
        if (response.isCommitted()) {
            throw new IOException(message);
        }
        HttpExchange.Reply reply = ApiPipeline.error(status, ResultCodes.INVALID_REQUEST, ApiPipeline.apiPathOf(request.getRequestURI()), message);
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        response.reset();
        response.setStatus(status);
        response.setHeader("Connection", "close");
        response.setContentType(reply.contentType());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /**
     * The request with its body already read and decompressed: WireMock reads these bytes instead of the
     * connection, and no longer sees a gzip {@code Content-Encoding} (it would decompress them again).
     */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private static final String ENCODING = "Content-Encoding";

        private final byte[] body;
        private final boolean hideEncoding;

        ReadBody(HttpServletRequest request, byte[] body, boolean hideEncoding) {
            super(request);
            this.body = body;
            this.hideEncoding = hideEncoding;
        }

        @Override
        public String getHeader(String name) {
            return hideEncoding && ENCODING.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hideEncoding && ENCODING.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            if (!hideEncoding) {
                return super.getHeaderNames();
            }
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream().filter(n -> !ENCODING.equalsIgnoreCase(n)).toList());
        }

        @Override
        public ServletInputStream getInputStream() {
            return new Bytes(new ByteArrayInputStream(body));
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset(getCharacterEncoding())));
        }
    }

    /** The named charset; UTF-8 when none is named or the name is unknown. */
    private static Charset charset(String name) {
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    private static final class Bytes extends ServletInputStream {

        private final InputStream in;

        Bytes(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return in.read(buffer, offset, length);
        }

        /** The rest of the bytes in one copy: WireMock reads every body this way, InputStream's own reads in 16 KiB chunks. */
        @Override
        public byte[] readAllBytes() throws IOException {
            return in.readAllBytes();
        }

        @Override
        public boolean isFinished() {
            try {
                return in.available() == 0;
            } catch (IOException e) {
                return true;
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the body is already read: read it synchronously");
        }
    }
}
