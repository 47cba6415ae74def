package io.github.authletetestkit.mock;

import io.github.authletetestkit.mock.model.Json;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** One line per answered call — operation, status, action, duration — as text for people or JSON for log pipelines. */
public enum CallLog {
    TEXT, JSON, NONE;

    /** The listener that writes each call to {@code out} in this format. */
    public Consumer<RecordedCall> writer(PrintStream out) {
        return switch (this) {
            case TEXT -> call -> out.println(text(call));
            case JSON -> call -> out.println(json(call));
            case NONE -> call -> {};
        };
    }

    /** The one token the API takes in its path; like every other token, it stays out of the log. */
    private static final String TOKEN_IN_PATH = "/auth/token/delete/";
    static final String MASK = "***";

    /** The call's path with a token in it masked. */
    static String loggedPath(RecordedCall call) {
        String path = call.path();
        int at = path.indexOf(TOKEN_IN_PATH);
        return at < 0 ? path : path.substring(0, at + TOKEN_IN_PATH.length()) + MASK;
    }

    static String text(RecordedCall call) {
        return String.format("%s %s %s %s -> %d%s %.1f ms", call.at(), call.method(), loggedPath(call),
                call.operationId() == null ? "(no operation)" : call.operationId(), call.status(),
                call.action() == null ? "" : " " + call.action(), call.durationMicros() / 1000.0);
    }

    static String json(RecordedCall call) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", call.at().toString());
        line.put("operation", call.operationId());
        line.put("method", call.method());
        line.put("path", loggedPath(call));
        line.put("status", call.status());
        line.put("action", call.action());
        line.put("resultCode", call.resultCode());
        line.put("durationMs", call.durationMicros() / 1000.0);
        return Json.write(line);
    }
}
