package io.github.authletetestkit.mock.internal.oauth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding (RFC 3986 2.1) of UTF-8 text, shared by the form and redirect URI helpers.
 * Hand-written rather than {@link java.net.URLEncoder}/{@link java.net.URLDecoder} because those encode
 * space as {@code +}, leave {@code *} alone and silently replace invalid UTF-8, where we must be strict.
 */
final class PercentCoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentCoding() {}

    /** Keeps only the RFC 3986 unreserved characters; everything else (space too) becomes {@code %XX}. */
    static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int octet = b & 0xFF;
            if (isUnreserved(octet)) {
                out.append((char) octet);
            } else {
                out.append('%').append(HEX[octet >> 4]).append(HEX[octet & 0x0F]);
            }
        }
        return out.toString();
    }

    /**
     * Decodes one name or value of an {@code application/x-www-form-urlencoded} string:
     * {@code +} is a space and {@code %XX} sequences are UTF-8 octets.
     *
     * @throws IllegalArgumentException when an escape is truncated, not hexadecimal, or the octets are not UTF-8
     */
    static String decodeFormComponent(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("truncated percent escape '" + text.substring(i) + "'");
                }
                int high = hexValue(text.charAt(i + 1));
                int low = hexValue(text.charAt(i + 2));
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("invalid percent escape '" + text.substring(i, i + 3) + "'");
                }
                octets.write(high << 4 | low);
                i += 3;
            } else {
                flushUtf8(octets, out);
                out.append(c == '+' ? ' ' : c);
                i++;
            }
        }
        flushUtf8(octets, out);
        return out.toString();
    }

    /** Escaped octets are collected first because one character may span several escapes. */
    private static void flushUtf8(ByteArrayOutputStream octets, StringBuilder out) {
        if (octets.size() == 0) {
            return;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets.toByteArray())));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent escapes do not form valid UTF-8");
        }
        octets.reset();
    }

    /** ASCII hex only: {@link Character#digit} would also accept non-ASCII digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
