package io.github.authletetestkit.mock.internal.api;

/**
 * A call the API refuses at the transport level: answered with an HTTP error status and a result
 * body whose message reads {@code [CODE] /path, message}.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String resultCode;

    public ApiException(int status, String resultCode, String message) {
        super(message);
        this.status = status;
        this.resultCode = resultCode;
    }

    public int status() {
        return status;
    }

    public String resultCode() {
        return resultCode;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, ResultCodes.INVALID_REQUEST, message);
    }

    public static ApiException notFound(String resultCode, String message) {
        return new ApiException(404, resultCode, message);
    }

    public static ApiException forbidden(String resultCode, String message) {
        return new ApiException(403, resultCode, message);
    }
}
