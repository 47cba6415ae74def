package io.github.authletetestkit.mock.control;

import java.util.List;

/** {@link AuthleteMockControl#verify}: counts the calls of an operation and, when wrong, says what was called instead. */
final class CallVerifier {

    private CallVerifier() {}

    static List<MockCall> verify(List<MockCall> calls, String operation, int times) {
        if (operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("verify needs an operationId such as auth_token_api");
        }
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative: " + times);
        }
        List<MockCall> matching = calls.stream().filter(c -> operation.equals(c.operation())).toList();
        if (matching.size() != times) {
            throw new AssertionError("Expected " + operation + " to be called " + timesText(times) + ", but it was called "
                    + timesText(matching.size()) + ".\n" + describe(calls));
        }
        return matching;
    }

    private static String timesText(int n) {
        return n == 0 ? "never" : n == 1 ? "once" : n + " times";
    }

    private static String describe(List<MockCall> calls) {
        if (calls.isEmpty()) {
            return "The mock recorded no calls.";
        }
        StringBuilder text = new StringBuilder("Calls recorded (").append(calls.size()).append("), oldest first:");
        calls.forEach(call -> text.append("\n  ").append(call.summary()));
        return text.toString();
    }
}
