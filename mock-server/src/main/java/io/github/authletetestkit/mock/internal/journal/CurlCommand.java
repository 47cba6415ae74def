package io.github.authletetestkit.mock.internal.journal;

import io.github.authletetestkit.mock.RecordedCall;
import java.util.ArrayList;
import java.util.List;

/** A {@code curl} command line that sends a recorded call again. */
public final class CurlCommand {

    private CurlCommand() {}

    public static String of(String baseUrl, RecordedCall call) {
        RecordedCall.Wire wire = call.wire();
        List<String> words = new ArrayList<>(List.of("curl", "-sS", "-X", call.method()));
        if (wire.authorization() != null) {
            words.add("-H");
            words.add(quoted("Authorization: " + wire.authorization()));
        }
        if (wire.contentType() != null) {
            words.add("-H");
            words.add(quoted("Content-Type: " + wire.contentType()));
        }
        if (wire.requestText() != null && !wire.requestText().isEmpty()) {
            words.add("--data-raw");
            words.add(quoted(wire.requestText()));
        }
        words.add(quoted(baseUrl + call.path() + (wire.query().isEmpty() ? "" : "?" + wire.query())));
        return String.join(" ", words);
    }

    /** In single quotes for a POSIX shell; a single quote inside becomes {@code '\''}. */
    static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
