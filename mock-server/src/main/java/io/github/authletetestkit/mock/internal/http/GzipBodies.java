package io.github.authletetestkit.mock.internal.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Decompresses a gzip request body within the body limit. WireMock decompresses any body that is declared
 * gzip or merely starts like gzip, all of it, so 1 MiB of gzip could become a gigabyte in memory; the mock does
 * it first, stopping at the limit, and hands WireMock the plain bytes.
 */
final class GzipBodies {

    /** Gzip inside gzip, as deep as any honest client would send: none does. */
    private static final int MAX_LAYERS = 2;

    private GzipBodies() {}

    /** Starts with the gzip magic number, as WireMock tests it. */
    static boolean looksGzipped(byte[] body) {
        return body.length >= 2 && body[0] == (byte) GZIPInputStream.GZIP_MAGIC && body[1] == (byte) (GZIPInputStream.GZIP_MAGIC >> 8);
    }

    /** The body with every gzip layer removed ({@code declared}: its Content-Encoding says gzip); refused past the limit. */
    static byte[] plain(byte[] body, boolean declared, int maxBytes) throws RefusedBody {
        byte[] plain = body;
        for (int layer = 0; (declared && layer == 0 && plain.length > 0) || looksGzipped(plain); layer++) {
            if (layer == MAX_LAYERS) {
                throw new RefusedBody(400, "The request body is gzip inside gzip more than " + MAX_LAYERS + " deep.");
            }
            plain = inflate(plain, maxBytes);
        }
        return plain;
    }

    private static byte[] inflate(byte[] gzip, int maxBytes) throws RefusedBody {
        byte[] plain;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            plain = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new RefusedBody(400, "The request body is declared or looks gzip-compressed but is not valid gzip: " + e.getMessage() + ".");
        }
        if (plain.length > maxBytes) {
            throw new RefusedBody(413, "The request body is too large once decompressed: more than " + maxBytes
                    + " bytes; the mock accepts at most " + maxBytes + " bytes.");
        }
        return plain;
    }
}
