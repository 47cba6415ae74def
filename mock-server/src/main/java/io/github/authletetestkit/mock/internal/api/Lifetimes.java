package io.github.authletetestkit.mock.internal.api;

/**
 * The largest lifetimes and instants the mock takes in: any later date arithmetic on them (now plus a
 * lifetime, in milliseconds) stays well inside a long, so a value accepted once never fails a later call.
 */
final class Lifetimes {

    /** About 73 million years. */
    static final long MAX_SECONDS = Long.MAX_VALUE / 4 / 1000;
    static final long MAX_EPOCH_MILLIS = MAX_SECONDS * 1000;

    private Lifetimes() {}

    /** 400 when the lifetime in seconds is beyond {@link #MAX_SECONDS}. */
    static void checkSeconds(String member, Long seconds) {
        if (seconds != null && seconds > MAX_SECONDS) {
            throw ApiException.badRequest("'" + member + "' is out of range: at most " + MAX_SECONDS + " seconds.");
        }
    }

    /** 400 when the instant in epoch milliseconds is beyond {@link #MAX_EPOCH_MILLIS}. */
    static void checkEpochMillis(String member, Long millis) {
        if (millis != null && millis > MAX_EPOCH_MILLIS) {
            throw ApiException.badRequest("'" + member + "' is out of range: at most " + MAX_EPOCH_MILLIS + " milliseconds since the epoch.");
        }
    }
}
