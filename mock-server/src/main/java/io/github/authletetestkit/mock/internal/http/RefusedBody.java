package io.github.authletetestkit.mock.internal.http;

/** A request body refused before any handler sees it: the status and the message of the JSON error. */
final class RefusedBody extends Exception {

    private final int status;

    RefusedBody(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
