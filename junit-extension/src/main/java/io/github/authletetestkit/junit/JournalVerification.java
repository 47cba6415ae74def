package io.github.authletetestkit.junit;

import io.github.authletetestkit.mock.RecordedCall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * Checks on the Authlete calls the mock answered since the test started. Every method asserts at once
 * and fails with the calls that were recorded:
 *
 * <pre>{@code
 * mock.verify().called("auth_token_api");                                  // at least once
 * mock.verify().called("auth_token_api").times(2);                         // exactly twice
 * mock.verify().called("auth_token_api").withBodyField("clientId", id).once();
 * mock.verify().notCalled("auth_revocation_api");
 * mock.verify().calledInOrder("auth_authorization_api", "auth_authorization_issue_api", "auth_token_api");
 * }</pre>
 *
 * <p>Calls the handle made itself (to create clients) are not counted.
 */
public final class JournalVerification {

    private final Supplier<List<RecordedCall>> journal;
    private final SpecNames operationIds;

    JournalVerification(Supplier<List<RecordedCall>> journal, SpecNames operationIds) {
        this.journal = journal;
        this.operationIds = operationIds;
    }

    /** Asserts the operation was called at least once; narrow the calls and count them on what this returns. */
    public CallVerification called(String operationId) {
        operationIds.check(operationId);
        List<RecordedCall> all = journal.get();
        List<RecordedCall> matching = all.stream().filter(c -> operationId.equals(c.operationId())).toList();
        CallVerification verification = new CallVerification(operationId, List.of(), matching, all);
        if (matching.isEmpty()) {
            throw verification.failure("Expected " + operationId + " to be called, but it was not called.", 1, 0);
        }
        return verification;
    }

    /** Asserts the operation was not called. */
    public void notCalled(String operationId) {
        operationIds.check(operationId);
        List<RecordedCall> all = journal.get();
        List<RecordedCall> matching = all.stream().filter(c -> operationId.equals(c.operationId())).toList();
        if (!matching.isEmpty()) {
            throw new CallVerification(operationId, List.of(), matching, all).failure(
                    "Expected " + operationId + " not to be called, but it was called " + CallVerification.timesText(matching.size()) + ".",
                    0, matching.size());
        }
    }

    /** Asserts these operations were called in this order (other calls may come before, between and after). */
    public void calledInOrder(String... operationIds) {
        Arrays.stream(operationIds).forEach(this.operationIds::check);
        List<RecordedCall> all = journal.get();
        int next = 0;
        for (RecordedCall call : all) {
            if (next < operationIds.length && operationIds[next].equals(call.operationId())) {
                next++;
            }
        }
        if (next < operationIds.length) {
            List<String> expected = Arrays.asList(operationIds);
            List<String> actual = all.stream().map(c -> String.valueOf(c.operationId())).toList();
            throw new AssertionFailedError("Expected the calls " + String.join(" → ", expected) + " in this order, but "
                    + operationIds[next] + (next == 0 ? " was not called" : " was not called after " + operationIds[next - 1]) + ".\n"
                    + CallVerification.describe("Calls recorded", all),
                    expected, actual);
        }
    }

    /** The calls of one operation, narrowed step by step and then counted; every step asserts. */
    public static final class CallVerification {

        private final String operationId;
        private final List<String> filters;
        private final List<RecordedCall> matching;
        private final List<RecordedCall> all;

        CallVerification(String operationId, List<String> filters, List<RecordedCall> matching, List<RecordedCall> all) {
            this.operationId = operationId;
            this.filters = filters;
            this.matching = matching;
            this.all = all;
        }

        /** Keeps the calls whose request body has this member with this value (as text); asserts one is left. */
        public CallVerification withBodyField(String name, Object value) {
            String expected = String.valueOf(value);
            return narrowed(name + "=" + expected, c -> expected.equals(c.bodyField(name)),
                    c -> name + "=" + c.bodyField(name));
        }

        /** Keeps the calls whose request body has this member, whatever its value; asserts one is left. */
        public CallVerification withBodyField(String name) {
            return narrowed("a " + name, c -> c.bodyField(name) != null, c -> name + "=" + c.bodyField(name));
        }

        /** Keeps the calls the mock answered with this {@code action}; asserts one is left. */
        public CallVerification withAction(String action) {
            return narrowed("action " + action, c -> action.equals(c.action()), c -> "action " + c.action());
        }

        /** Keeps the calls the mock answered with this HTTP status; asserts one is left. */
        public CallVerification withStatus(int status) {
            return narrowed("status " + status, c -> c.status() == status, c -> "status " + c.status());
        }

        /** Asserts exactly this many calls are left. */
        public CallVerification times(int expected) {
            if (matching.size() != expected) {
                throw failure("Expected " + subject() + " to be called " + timesText(expected) + ", but it was called "
                        + timesText(matching.size()) + ".", expected, matching.size());
            }
            return this;
        }

        /** Asserts exactly one call is left. */
        public CallVerification once() {
            return times(1);
        }

        /** The calls left, oldest first. */
        public List<RecordedCall> calls() {
            return matching;
        }

        /** The most recent of the calls left. */
        public RecordedCall last() {
            return matching.get(matching.size() - 1);
        }

        private CallVerification narrowed(String filter, Predicate<RecordedCall> keep, Function<RecordedCall, String> shown) {
            List<String> moreFilters = new ArrayList<>(filters);
            moreFilters.add(filter);
            List<RecordedCall> kept = matching.stream().filter(keep).toList();
            CallVerification narrowed = new CallVerification(operationId, moreFilters, kept, all);
            if (kept.isEmpty()) {
                throw failure("Expected " + narrowed.subject() + " to be called, but none of its "
                        + timesText(matching.size()) + " matched: " + matching.stream().map(shown).collect(Collectors.joining(", "))
                        + ".", 1, 0);
            }
            return narrowed;
        }

        private String subject() {
            return filters.isEmpty() ? operationId : operationId + " with " + String.join(" and ", filters);
        }

        AssertionFailedError failure(String message, int expected, int actual) {
            return new AssertionFailedError(message + "\n" + describe("Calls recorded", all), expected, actual);
        }

        static String timesText(int n) {
            return n == 1 ? "1 time" : n + " times";
        }

        static String describe(String title, List<RecordedCall> calls) {
            if (calls.isEmpty()) {
                return title + ": none.";
            }
            StringBuilder text = new StringBuilder(title).append(" (").append(calls.size()).append("):");
            for (RecordedCall call : calls) {
                text.append("\n  ").append(call.method()).append(' ').append(call.path())
                        .append(" (").append(call.operationId()).append(") -> ").append(call.status());
                if (call.action() != null) {
                    text.append(' ').append(call.action());
                }
                if (call.requestBody() != null) {
                    String body = call.requestBody().toString();
                    text.append("  ").append(body.length() > 200 ? body.substring(0, 200) + "…" : body);
                }
            }
            return text.toString();
        }
    }
}
