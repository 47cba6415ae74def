package io.github.authletetestkit.mock.robustness;

import io.github.authletetestkit.mock.internal.http.ApiDispatcher;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A request broken below the API (its framing, encoding or target), sent on a raw socket because an HTTP
 * client would refuse to send it. The same defects go to one route in {@link TransportInputTest} and to
 * every operation in {@link SpecFuzzTest}: each must be a JSON 4xx.
 *
 * @param endOutput the client closes its side after the bytes given, so the server reads the end of the stream there
 */
record TransportDefect(String name, String head, byte[] body, boolean endOutput) {

    /** A body declared this large is refused from its length alone: the test sends only a few bytes of it. */
    static final long HUGE_DECLARED_LENGTH = 100L * 1024 * 1024;

    HttpReply send(int port) {
        return RawHttp.send(port, head, body, endOutput);
    }

    @Override
    public String toString() {
        return name + ": " + head.lines().findFirst().orElse("");
    }

    /** Every defect, on this method and path ({@code /api/...}, may carry a query) with this Authorization header (null: none). */
    static List<TransportDefect> all(String method, String path, String authorization) {
        return List.of(
                badQueryEscape(method, path, authorization),
                backslashInPath(method, path, authorization),
                brokenChunks(method, path, authorization),
                bodyShorterThanDeclared(method, path, authorization),
                hugeDeclaredLength(method, path, authorization),
                chunkedOverTheLimit(method, path, authorization),
                multipartWithoutBoundary(method, path, authorization),
                bogusCharset(method, path, authorization),
                gzipThatIsNot(method, path, authorization),
                gzipBomb(method, path, authorization));
    }

    /** Declared gzip, sent plain. */
    static TransportDefect gzipThatIsNot(String method, String path, String authorization) {
        return new TransportDefect("Content-Encoding gzip on a plain body",
                withLength(line(method, path, authorization) + "Content-Type: application/json\r\nContent-Encoding: gzip\r\n", ascii("{}")),
                ascii("{}"), false);
    }

    /** A few kilobytes of gzip that decompress to more than the limit. */
    static TransportDefect gzipBomb(String method, String path, String authorization) {
        return new TransportDefect("gzip bomb", withLength(line(method, path, authorization)
                + "Content-Type: application/json\r\nContent-Encoding: gzip\r\n", BOMB), BOMB, false);
    }

    /** Layers of gzip around a small JSON body. */
    static TransportDefect gzipLayers(String method, String path, String authorization, int layers, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < layers; i++) {
            body = gzip(body);
        }
        return new TransportDefect(layers + " layers of gzip", withLength(line(method, path, authorization)
                + "Content-Type: application/json\r\nContent-Encoding: gzip\r\n", body), body, false);
    }

    private static final byte[] BOMB = gzip(new byte[2 * ApiDispatcher.MAX_BODY_BYTES]);

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String withLength(String head, byte[] body) {
        return head + "Content-Length: " + body.length + "\r\n";
    }

    static TransportDefect badQueryEscape(String method, String path, String authorization) {
        String target = path + (path.contains("?") ? "&" : "?") + "start=%zz";
        return new TransportDefect("bad percent escape in the query", line(method, target, authorization), new byte[0], false);
    }

    /** The slash before the last segment (or after the service ID) written as a backslash. */
    static TransportDefect backslashInPath(String method, String path, String authorization) {
        String bare = path.split("[?]", 2)[0];
        int slash = bare.lastIndexOf('/');
        String target = bare.substring(0, slash) + "\\" + bare.substring(slash + 1);
        return new TransportDefect("backslash in the path", line(method, target, authorization), new byte[0], false);
    }

    static TransportDefect brokenChunks(String method, String path, String authorization) {
        return new TransportDefect("broken chunked body",
                line(method, path, authorization) + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n",
                ascii("5\r\n{\"a\":\r\nzz\r\n1}\r\n0\r\n\r\n"), true);
    }

    static TransportDefect bodyShorterThanDeclared(String method, String path, String authorization) {
        return new TransportDefect("body shorter than its Content-Length",
                line(method, path, authorization) + "Content-Type: application/json\r\nContent-Length: 1000\r\n", ascii("{\"a\":"), true);
    }

    static TransportDefect hugeDeclaredLength(String method, String path, String authorization) {
        return new TransportDefect("Content-Length of 100 MB, a few bytes sent",
                line(method, path, authorization) + "Content-Type: application/json\r\nContent-Length: " + HUGE_DECLARED_LENGTH + "\r\n",
                ascii("{\"parameters\":\""), false);
    }

    /** Chunks past the limit and no last chunk, the client's side kept open: refused while streaming, not at the body's end. */
    static TransportDefect chunkedOverTheLimit(String method, String path, String authorization) {
        int chunk = 16 * 1024;
        String data = "a".repeat(chunk);
        StringBuilder body = new StringBuilder();
        for (int sent = 0; sent <= ApiDispatcher.MAX_BODY_BYTES; sent += chunk) {
            body.append(Integer.toHexString(chunk)).append("\r\n").append(data).append("\r\n");
        }
        return new TransportDefect("chunked body over the limit, not ended",
                line(method, path, authorization) + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", ascii(body.toString()), false);
    }

    static TransportDefect multipartWithoutBoundary(String method, String path, String authorization) {
        return withBody("multipart without a boundary", method, path, authorization, "multipart/form-data", "token=x");
    }

    static TransportDefect bogusCharset(String method, String path, String authorization) {
        return withBody("unknown charset", method, path, authorization, "application/json; charset=bogus-xyz", "{\"token\":\"x\"}");
    }

    private static TransportDefect withBody(String name, String method, String path, String authorization, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new TransportDefect(name, withLength(line(method, path, authorization) + "Content-Type: " + contentType + "\r\n", bytes), bytes, false);
    }

    private static String line(String method, String target, String authorization) {
        return method + " " + target + " HTTP/1.1\r\n" + (authorization == null ? "" : "Authorization: " + authorization + "\r\n");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
