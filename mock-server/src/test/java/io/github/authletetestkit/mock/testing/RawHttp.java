package io.github.authletetestkit.mock.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 written by hand on a socket, for requests an HTTP client refuses to send: a bad escape or a
 * backslash in the target, a broken chunked body, a body shorter than its {@code Content-Length}, a length
 * far larger than what follows. Each request goes on a connection of its own, closed after the answer.
 */
public final class RawHttp {

    /** How long a test waits for an answer: generous, a hang fails the test instead of the build. */
    public static final int READ_TIMEOUT_MILLIS = 30_000;

    private RawHttp() {}

    /**
     * Sends the request line and headers (each ending in CRLF, without the blank line, which is added with
     * {@code Host} and {@code Connection: close}), then the body bytes as given; with {@code endOutput} the
     * client then closes its side, so the server sees the end of the stream where the body stops.
     */
    public static HttpReply send(int port, String head, byte[] body, boolean endOutput) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write((head + "Host: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                if (endOutput) {
                    socket.shutdownOutput();
                }
            } catch (IOException refusedEarly) {
                // the server answered and closed before taking the whole body: its answer is what the test reads
            }
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(head.lines().findFirst().orElse(head) + ": " + e, e);
        }
    }

    public static HttpReply send(int port, String head, String body, boolean endOutput) {
        return send(port, head, body.getBytes(StandardCharsets.UTF_8), endOutput);
    }

    /** Reads one answer to the end of the stream: status line, headers, then the body (de-chunked). */
    public static HttpReply parse(InputStream in) throws IOException {
        byte[] raw = in.readAllBytes();
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer before the connection closed: '" + text + "'");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        List<String> encoding = headers.getOrDefault("Transfer-Encoding", List.of());
        if (encoding.stream().anyMatch(e -> e.equalsIgnoreCase("chunked"))) {
            body = dechunk(body);
        }
        List<String> type = headers.get("Content-Type");
        return new HttpReply(status, new String(body, StandardCharsets.UTF_8), type == null ? null : type.get(0),
                headers.containsKey("X-Authlete-Mock-Synthesised"), headers);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
