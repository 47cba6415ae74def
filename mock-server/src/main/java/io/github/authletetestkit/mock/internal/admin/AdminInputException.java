package io.github.authletetestkit.mock.internal.admin;

/** A request to the admin API that cannot be carried out: answered 400 with the message and the field at fault. */
public final class AdminInputException extends RuntimeException {

    private final String field;

    /** @param field the body member at fault; null when it is the body as a whole */
    public AdminInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
